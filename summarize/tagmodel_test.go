package summarize

import (
	"bytes"
	"encoding/gob"
	"os"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Where prose keeps the tagger's model, inside its embedded assets.
const (
	proseWeights = "model/AveragedPerceptron/weights.gob"
	proseTags    = "model/AveragedPerceptron/tags.gob"
	proseClasses = "model/AveragedPerceptron/classes.gob"
)

// loadProseTagger builds the tagger from prose's own gob files, the source of tagger.model.
func loadProseTagger(tb testing.TB) *tagger {
	tb.Helper()
	decode := func(name string, into any) {
		b, err := prose.Asset(name)
		require.NoError(tb, err)
		require.NoError(tb, gob.NewDecoder(bytes.NewReader(b)).Decode(into))
	}
	var classes []string
	var known map[string]string
	var weights map[string]map[string]float64
	decode(proseClasses, &classes)
	decode(proseTags, &known)
	decode(proseWeights, &weights)
	t, err := newTagger(classes, known, weights)
	require.NoError(tb, err)
	return t
}

// TestTaggerModel checks that tagger.model is prose's model, byte for byte; -update rewrites it.
func TestTaggerModel(t *testing.T) {
	want := encodeTagger(loadProseTagger(t))
	if *update {
		require.NoError(t, os.WriteFile("tagger.model", want, 0o644))
		return
	}
	assert.True(t, bytes.Equal(want, []byte(taggerModel)), "tagger.model differs from prose's model; run go test -run TestTaggerModel -update")
	got, err := decodeTagger(taggerModel)
	require.NoError(t, err)
	assert.Equal(t, want, encodeTagger(got), "decoding and encoding again changes the model")
}

func TestDecodeTaggerRejectsGarbage(t *testing.T) {
	for _, data := range []string{"", "keypoints tagger 1\n", "keypoints tagger 1\n\xff\xff\xff", taggerModel[:len(taggerModel)/2], taggerModel + "x"} {
		_, err := decodeTagger(data)
		assert.Error(t, err)
	}
}
