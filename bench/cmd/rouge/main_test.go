package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keypoints/bench"
)

func TestScoreSmallCases(t *testing.T) {
	in := `{"system":"a","ref":"testing one two","pred":"testing"}
{"system":"b","ref":["testing one two"],"pred":["testing one"]}

{"system":"a","ref":"testing one two","pred":""}
`
	results, err := score(strings.NewReader(in), false)
	require.NoError(t, err)
	require.Len(t, results, 2)
	assert.Equal(t, "a", results[0].System)
	assert.Equal(t, 2, results[0].Articles)
	assert.InDelta(t, 25, results[0].Rouge1, 1e-9, "mean of 1/2 and 0")
	assert.InDelta(t, 0.5, results[0].Words, 1e-9)
	assert.InDelta(t, 100*2.0/3, results[1].Rouge2, 1e-9)
}

func TestScoreErrors(t *testing.T) {
	for _, in := range []string{`{"ref":"a"}`, `{"ref":1,"pred":"a"}`, `not json`} {
		_, err := score(strings.NewReader(in), false)
		assert.Error(t, err, in)
	}
}

// TestScoreRougeCases feeds the multi-sentence case of rouge-score's fixtures through the JSON lines path: sentence
// lists must reach ROUGE-Lsum one a line, as the Perl script's figure (F1 0.47205) needs.
func TestScoreRougeCases(t *testing.T) {
	dir := filepath.Join(bench.SharedData(3), "rouge-cases")
	ref, err := os.ReadFile(filepath.Join(dir, "target_multi.0.txt"))
	if err != nil {
		t.Skipf("rouge-cases are absent: %v", err)
	}
	pred, err := os.ReadFile(filepath.Join(dir, "prediction_multi.0.txt"))
	require.NoError(t, err)
	line, err := json.Marshal(map[string]any{
		"ref":  strings.Split(strings.TrimSpace(string(ref)), "\n"),
		"pred": strings.Split(strings.TrimSpace(string(pred)), "\n"),
	})
	require.NoError(t, err)
	results, err := score(bytes.NewReader(line), false)
	require.NoError(t, err)
	require.Len(t, results, 1)
	assert.InDelta(t, 47.205, results[0].RougeLsum, 0.001)
}

func TestScoreSplit(t *testing.T) {
	in := `{"system":"a","ref":"The cat sat. The dog ran.","pred":"The dog ran, the cat sat."}
{"system":"a","ref":["The cat sat. The dog ran."],"pred":"The dog ran, the cat sat."}
`
	whole, err := score(strings.NewReader(in), false)
	require.NoError(t, err)
	split, err := score(strings.NewReader(in), true)
	require.NoError(t, err)
	assert.InDelta(t, whole[0].Rouge1, split[0].Rouge1, 1e-9, "splitting moves ROUGE-Lsum alone")
	assert.Less(t, whole[0].RougeLsum, split[0].RougeLsum, "the whole reference as one line loses the order of its sentences")
	assert.InDelta(t, 100, split[0].r1.Score().F1*100, 1e-9)
	assert.InDelta(t, 100, split[0].f1[2][0]*100, 1e-9, "the string ref is split")
	assert.Less(t, split[0].f1[2][1]*100, 100.0, "the list ref is left as given")
}

func TestMargins(t *testing.T) {
	in := `{"system":"ours","ref":"testing one two","pred":"testing one two"}
{"system":"lead","ref":"testing one two","pred":"testing"}
{"system":"ours","ref":"alpha beta","pred":"alpha beta"}
{"system":"lead","ref":"alpha beta","pred":"alpha beta"}
`
	results, err := score(strings.NewReader(in), false)
	require.NoError(t, err)
	require.NoError(t, margins(results, "ours"))
	assert.Nil(t, results[0].Margin)
	m := results[1].Margin
	require.NotNil(t, m)
	assert.Equal(t, "ours", m.Over)
	assert.InDelta(t, 25, m.Rouge1.Mean, 1e-9, "(100 - 50 + 0) / 2")
	assert.InDelta(t, 0, m.Rouge1.Lo, 1e-9, "a draw of the second article twice")
	assert.InDelta(t, 50, m.Rouge1.Hi, 1e-9, "a draw of the first twice")

	assert.Error(t, margins(results, "nobody"))
	uneven, err := score(strings.NewReader(in+`{"system":"lead","ref":"a","pred":"a"}`), false)
	require.NoError(t, err)
	assert.Error(t, margins(uneven, "ours"))
}
