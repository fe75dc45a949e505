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
	results, err := score(strings.NewReader(in))
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
		_, err := score(strings.NewReader(in))
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
	results, err := score(bytes.NewReader(line))
	require.NoError(t, err)
	require.Len(t, results, 1)
	assert.InDelta(t, 47.205, results[0].RougeLsum, 0.001)
}
