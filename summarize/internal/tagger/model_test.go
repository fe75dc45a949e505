package tagger

import (
	"bytes"
	"encoding/gob"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keypoints/internal/gosource"
)

// update rewrites model_data.go from prose's assets: go test -run TestTaggerModel -update.
var update = flag.Bool("update", false, "rewrite model_data.go from prose's assets")

// Where prose keeps the tagger's model, inside its embedded assets.
const (
	proseWeights = "model/AveragedPerceptron/weights.gob"
	proseTags    = "model/AveragedPerceptron/tags.gob"
	proseClasses = "model/AveragedPerceptron/classes.gob"
)

// proseTaggerModel is the tagger's model as prose ships it: its tag list, its known words, and its weights by
// feature key and then tag. Decoded once; callers must not change it.
type proseTaggerModel struct {
	classes []string
	known   map[string]string
	weights map[string]map[string]float64
}

var loadProseTaggerModel = sync.OnceValues(func() (*proseTaggerModel, error) {
	m := &proseTaggerModel{}
	for name, into := range map[string]any{proseClasses: &m.classes, proseTags: &m.known, proseWeights: &m.weights} {
		b, err := prose.Asset(name)
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(into); err != nil {
			return nil, err
		}
	}
	return m, nil
})

func proseTaggerAssets(tb testing.TB) *proseTaggerModel {
	tb.Helper()
	m, err := loadProseTaggerModel()
	require.NoError(tb, err)
	return m
}

// loadProseTagger builds the tagger from prose's own gob files, the source of taggerModel.
func loadProseTagger(tb testing.TB) *Model {
	tb.Helper()
	m := proseTaggerAssets(tb)
	t, err := newTagger(m.classes, m.known, m.weights)
	require.NoError(tb, err)
	return t
}

// TestTaggerModel checks that taggerModel is prose's model, byte for byte; -update rewrites model_data.go.
func TestTaggerModel(t *testing.T) {
	want := encodeTagger(loadProseTagger(t))
	if *update {
		src, err := gosource.StringConst("go test -run TestTaggerModel -update", "tagger",
			"taggerModel is prose's part-of-speech model in the layout of model.go.", "taggerModel", string(want))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("model_data.go", src, 0o644))
		return
	}
	assert.True(t, bytes.Equal(want, []byte(taggerModel)), "taggerModel differs from prose's model; run go test -run TestTaggerModel -update")
	got, err := decodeTagger(taggerModel, modelStore{})
	require.NoError(t, err)
	assert.Equal(t, want, encodeTagger(got), "decoding and encoding again changes the model")
	assert.Len(t, got.weight, embeddedWeights, "embeddedWeights is not taggerModel's number of weights")
	assert.Len(t, got.wordRuns, embeddedWordRuns, "embeddedWordRuns is not the size of taggerModel's word runs")
	assert.Len(t, got.pairRun, embeddedPairs, "embeddedPairs is not taggerModel's number of pair features")

	// The shared model keeps those tables in embedded, outside the heap, and they hold what the heap's copy holds.
	shared, err := Load()
	require.NoError(t, err)
	require.Len(t, shared.weight, embeddedWeights)
	require.Len(t, shared.wordRuns, embeddedWordRuns)
	require.Len(t, shared.pairRun, embeddedPairs)
	assert.Same(t, &embedded.weight[0], &shared.weight[0])
	assert.Same(t, &embedded.tagIdx[0], &shared.tagIdx[0])
	assert.Same(t, &embedded.wordRuns[0], &shared.wordRuns[0])
	assert.Same(t, &embedded.pairRun[0], &shared.pairRun[0])
	assert.Equal(t, encodeTagger(got), encodeTagger(shared))
}

// TestTaggerModelWeights checks every weight taggerModel gives back against prose's, bit for bit, the ones it
// leaves out and recomputes from their run's sum above all.
func TestTaggerModelWeights(t *testing.T) {
	got, err := decodeTagger(taggerModel, modelStore{})
	require.NoError(t, err)
	want := loadProseTagger(t)
	wantRuns, gotRuns := modelRuns(want), modelRuns(got)
	require.Equal(t, len(wantRuns), len(gotRuns))
	for i := range wantRuns {
		// One run at a time: a diff of the whole model would take minutes to print.
		if !slices.Equal(wantRuns[i], gotRuns[i]) {
			require.Equal(t, wantRuns[i], gotRuns[i], "run %d", i)
		}
	}
}

// modelRuns lists every run of m, table by table, each as its tags and the bits of its weights.
func modelRuns(m *Model) [][]uint64 {
	var out [][]uint64
	add := func(r weightRun) {
		run := []uint64{}
		for j := r.off; j < r.off+r.n; j++ {
			run = append(run, uint64(m.tagIdx[j]), math.Float64bits(m.weight[j]))
		}
		out = append(out, run)
	}
	add(m.bias)
	for _, table := range [][]weightRun{m.pref1[:], m.prevTag, m.prev2Tag, m.tagPair, m.wordRuns, m.suffixRuns, m.pairRun} {
		for _, r := range table {
			add(r)
		}
	}
	return out
}

func TestDecodeTaggerRejectsGarbage(t *testing.T) {
	for _, data := range []string{"", taggerMagic, taggerMagic + "\xff\xff\xff", "keypoints tagger 1\n", "keypoints tagger 2\n", "keypoints tagger 3\n", taggerModel[:len(taggerModel)/2], taggerModel + "x"} {
		_, err := decodeTagger(data, modelStore{})
		assert.Error(t, err)
	}
}

func TestDecodeTaggerNeverPanics(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 100 {
		data := []byte(taggerModel[:len(taggerModel)*i/100])
		if i%2 == 1 {
			data = []byte(taggerModel)
			for range 1 + rng.IntN(4) {
				data[len(taggerMagic)+rng.IntN(len(data)-len(taggerMagic))] = byte(rng.Uint32())
			}
		}
		require.NotPanics(t, func() {
			if tg, err := decodeTagger(string(data), modelStore{}); err == nil {
				tagged(tg, Tokenize(newsSentences[0], 0))
			}
		}, "case %d", i)
	}
}
