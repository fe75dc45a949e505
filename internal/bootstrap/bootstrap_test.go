package bootstrap

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPaired(t *testing.T) {
	ours := []float64{0.50, 0.40, 0.70, 0.20, 0.60, 0.55, 0.45, 0.35}
	theirs := []float64{0.40, 0.42, 0.50, 0.25, 0.50, 0.50, 0.40, 0.30}
	iv := Paired(ours, theirs, Resamples, Seed)
	assert.InDelta(t, 0.06, iv.Mean, 1e-12)
	assert.Less(t, iv.Lo, iv.Mean)
	assert.Greater(t, iv.Hi, iv.Mean)
	assert.GreaterOrEqual(t, iv.Lo, -0.05, "no draw's mean is below the smallest difference")
	assert.LessOrEqual(t, iv.Hi, 0.20, "nor above the largest")
	assert.Equal(t, iv, Paired(ours, theirs, Resamples, Seed), "same seed, same interval")
	assert.NotEqual(t, iv, Paired(ours, theirs, Resamples, Seed+1))
}

func TestPairedEdges(t *testing.T) {
	tests := []struct {
		name         string
		ours, theirs []float64
		resamples    int
		want         Interval
	}{
		{"no articles", nil, nil, Resamples, Interval{}},
		{"no resamples", []float64{1, 2}, []float64{0, 0}, 0, Interval{1.5, 1.5, 1.5}},
		{"equal", []float64{0.3, 0.6}, []float64{0.3, 0.6}, Resamples, Interval{}},
		{"constant margin", []float64{0.5, 0.7, 0.9}, []float64{0.4, 0.6, 0.8}, 100, Interval{0.1, 0.1, 0.1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Paired(tt.ours, tt.theirs, tt.resamples, Seed)
			assert.InDelta(t, tt.want.Mean, got.Mean, 1e-12)
			assert.InDelta(t, tt.want.Lo, got.Lo, 1e-12)
			assert.InDelta(t, tt.want.Hi, got.Hi, 1e-12)
		})
	}
	assert.Panics(t, func() { Paired([]float64{1}, nil, 1, Seed) })
}

func TestExcludes0(t *testing.T) {
	assert.True(t, Interval{Mean: 1, Lo: 0.5, Hi: 2}.Excludes0())
	assert.True(t, Interval{Mean: -1, Lo: -2, Hi: -0.5}.Excludes0())
	assert.False(t, Interval{Mean: 0.2, Lo: -0.1, Hi: 0.5}.Excludes0())
}

// TestIntN checks the generator stays within range and reaches every value.
func TestIntN(t *testing.T) {
	rng := splitMix64(Seed)
	seen := make([]int, 7)
	for range 7000 {
		seen[rng.intN(7)]++
	}
	for v, c := range seen {
		assert.Greater(t, c, 800, "value %d", v)
	}
}
