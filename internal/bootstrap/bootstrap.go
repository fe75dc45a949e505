// Package bootstrap puts an interval around the margin between two systems scored on the same articles: the paired
// percentile bootstrap, which resamples articles (not scores) so that an article hard for one system and hard for
// the other counts as one draw. It is what the project prints beside every "ours minus baseline" figure, because a
// mean over 10 or 22 articles says little on its own.
//
// Results depend only on the inputs and the seed: the generator is written here (SplitMix64), so no change to the
// standard library's random streams can move a printed interval.
package bootstrap

import (
	"math"
	"math/bits"
	"slices"
)

// Defaults of the intervals the project prints: 1,000 resamples make the 2.5% and 97.5% points stable to about a
// tenth of the interval's width, and a fixed seed makes the output the same on every run.
const (
	Resamples = 1000
	Seed      = 1
	Level     = 0.95
)

// Interval is a margin and its confidence interval, in the units of the scores it was computed from.
type Interval struct {
	Mean float64 // mean of ours[i] - theirs[i] over all articles
	Lo   float64 // lower end of the interval
	Hi   float64 // upper end of the interval
}

// Excludes0 reports whether the whole interval lies on one side of zero: the margin's sign is then unlikely to be
// the luck of which articles were drawn.
func (iv Interval) Excludes0() bool { return iv.Lo > 0 || iv.Hi < 0 }

// Paired returns the mean of ours[i] - theirs[i] and its percentile bootstrap interval at Level: resamples draws of
// len(ours) articles with replacement, each draw's mean difference, and the (1-Level)/2 and (1+Level)/2 quantiles
// of those means. Two calls with the same lengths, resamples and seed draw the same articles, so the intervals of
// several metrics on one set come from the same resamples. It panics when the slices differ in length (a
// programming error: scores must be paired); it returns the zero Interval for no articles, and Lo = Hi = Mean when
// resamples < 1.
func Paired(ours, theirs []float64, resamples int, seed uint64) Interval {
	if len(ours) != len(theirs) {
		panic("bootstrap: paired scores differ in length")
	}
	n := len(ours)
	if n == 0 {
		return Interval{}
	}
	diff := make([]float64, n)
	sum := 0.0
	for i := range ours {
		diff[i] = ours[i] - theirs[i]
		sum += diff[i]
	}
	mean := sum / float64(n)
	if resamples < 1 {
		return Interval{Mean: mean, Lo: mean, Hi: mean}
	}
	rng := splitMix64(seed)
	means := make([]float64, resamples)
	for r := range means {
		s := 0.0
		for range n {
			s += diff[rng.intN(n)]
		}
		means[r] = s / float64(n)
	}
	slices.Sort(means)
	return Interval{Mean: mean, Lo: quantile(means, (1-Level)/2), Hi: quantile(means, (1+Level)/2)}
}

// quantile of sorted values at q in [0, 1], interpolating linearly between the two nearest ranks.
func quantile(sorted []float64, q float64) float64 {
	pos := float64(len(sorted)-1) * q
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	return sorted[lo] + (sorted[hi]-sorted[lo])*(pos-float64(lo))
}

// splitMix64 is Steele, Lea and Flood's generator: one 64-bit state, a fixed increment, a mixing function. Small and
// well mixed, which is all resampling needs.
type splitMix64 uint64

func (s *splitMix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intN returns a number in [0, n) by Lemire's multiply-shift; its bias, below n/2^64, is far under anything a
// bootstrap could show.
func (s *splitMix64) intN(n int) int {
	hi, _ := bits.Mul64(s.next(), uint64(n))
	return int(hi)
}
