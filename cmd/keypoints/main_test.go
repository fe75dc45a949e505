package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCmd runs the command with args and stdin, returning its exit status, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

var seed = filepath.Join("..", "..", "testdata", "ap-ukraine-territory.txt")

func TestSplit(t *testing.T) {
	code, out, _ := runCmd(t, "Hello World. My name is Jonas.", "split")
	assert.Equal(t, 0, code)
	assert.Equal(t, "Hello World.\nMy name is Jonas.\n", out)

	code, out, _ = runCmd(t, "", "split", seed)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "\"Undoubtedly, Russia insists for us to give up territories.\n")
}

func TestSplitJSONL(t *testing.T) {
	in := `{"id": 1, "text": "One here. Two “there.”"}
not json
{"id": "x", "text": ""}
{"id": 3}
{"id": 4, "text": "Le président ukrainien a réaffirmé son refus de céder des territoires, alors que les États-Unis font pression pour des concessions douloureuses à la Russie."}
`
	code, out, _ := runCmd(t, in, "split", "-jsonl")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 5, "one output line per input line, bad lines included")
	assert.JSONEq(t, `{"id":1,"sentences":[{"text":"One here.","start":0,"end":9},{"text":"Two “there.”","start":10,"end":26}]}`, lines[0])
	assert.Contains(t, lines[1], `"code":"invalid_input"`)
	assert.Contains(t, lines[2], `"code":"empty_text"`)
	assert.Contains(t, lines[3], `"code":"invalid_input"`)
	assert.Contains(t, lines[4], `"code":"unsupported_language"`)
}

func TestSummarize(t *testing.T) {
	code, out, _ := runCmd(t, "", seed)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "### Facing US pressure\n- ")

	code, out, _ = runCmd(t, "", "-type", "headline", seed)
	require.Equal(t, 0, code)
	assert.LessOrEqual(t, len(strings.Fields(out)), 12)

	code, out, _ = runCmd(t, "", "-format", "json", seed)
	require.Equal(t, 0, code)
	var s struct {
		Themes    []struct{ Label string }
		KeyPoints []struct{ Text string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Len(t, s.Themes, 4)
	assert.Len(t, s.KeyPoints, 3)
}

func TestSummarizeJSONL(t *testing.T) {
	text, err := os.ReadFile(seed)
	require.NoError(t, err)
	line, _ := json.Marshal(map[string]any{"id": "seed", "article": string(text)})
	code, out, _ := runCmd(t, string(line)+"\n{\"id\": 2, \"text\": \"   \"}\n", "-jsonl", "-length", "medium")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"summary":{"type":"key-points","length":"medium"`)
	assert.Contains(t, lines[1], `"code":"empty_text"`)
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		msg   string
	}{
		{"empty", "  ", nil, 1, "keypoints: summarize: text is empty\n"},
		{"bad type", "Text.", []string{"-type", "bullets"}, 1, "keypoints: summarize: invalid options: type \"bullets\" is not one of key-points, tldr, teaser, headline\n"},
		{"missing file", "", []string{"no-such-file.txt"}, 1, "keypoints: open no-such-file.txt: no such file or directory\n"},
		{"bad flag", "", []string{"-nope"}, 2, ""},
		{"eval without data", "", []string{"eval"}, 2, evalUsage + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, out)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, errOut)
			}
		})
	}
}

// update rewrites the golden files of this package's tests: go test ./cmd/keypoints -run Golden -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden/ with the current output")

// evalTimes matches the ms/art column of eval's system rows, the one figure that changes from run to run.
var evalTimes = regexp.MustCompile(`(?m)^(\S+ +-?\d+\.\d\d +-?\d+\.\d\d +-?\d+\.\d\d +\d+\.\d) +\d+\.\d{3}$`)

// TestEvalGolden pins every figure eval prints for small fixed inputs: both systems' scores, the margins and their
// intervals, and the table of a run over several files. A change to the summaries moves them; rerun with -update
// and read the diff.
func TestEvalGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "eval")
	tests := []struct {
		name string
		args []string
	}{
		{"cnndm", []string{"-data", filepath.Join(dir, "cnndm-3.jsonl")}},
		{"genres-medium", []string{"-length", "medium", "-data", filepath.Join(dir, "genres-3.jsonl")}},
		{"folder", []string{"-data", dir}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"eval"}, tt.args...)...)
			require.Equal(t, 0, code, errOut)
			got := evalTimes.ReplaceAllString(out, "$1 (ms)")
			golden := filepath.Join("..", "..", "testdata", "golden", "eval-"+tt.name+".txt")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./cmd/keypoints -run Golden -update")
			assert.Equal(t, string(want), got)
		})
	}
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"bad length", []string{"-length", "huge", "-data", write("a.jsonl", "")}, "invalid options"},
		{"missing file", []string{"-data", filepath.Join(dir, "none.jsonl")}, "no such file"},
		{"empty folder", []string{"-data", t.TempDir()}, "holds no .jsonl file"},
		{"no gold", []string{"-data", write("b.jsonl", `{"text": "One. Two."}`)}, "line 1: no gold field"},
		{"no reference", []string{"-data", write("c.jsonl", `{"text": "One. Two.", "gold": []}`)}, "line 1: gold: no reference"},
		{"bad gold", []string{"-data", write("d.jsonl", `{"text": "One. Two.", "gold": 3}`)}, "want a string or a list"},
		{"no text", []string{"-data", write("e.jsonl", `{"gold": ["One."]}`)}, "line 1: article:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"eval"}, tt.args...)...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.msg)
		})
	}
}

func TestSetLength(t *testing.T) {
	tests := []struct{ file, want string }{
		{"../shared/data/genres/dialogsum.jsonl", "short"},
		{"fewsum.jsonl", "short"},
		{"scisummnet.jsonl", "medium"},
		{"data/qmsum-test.jsonl", "medium"},
		{"wikipedia.jsonl", "long"},
		{"govreport.jsonl", "long"},
		{"squality.jsonl", "long"},
		{"cnndm-dev.jsonl", "short"},
		{"bbc-dev.jsonl", "short"},
		{"notes", "short"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, setLength(tt.file), tt.file)
	}
}

func TestReadRow(t *testing.T) {
	tests := []struct {
		name, line, field string
		want              evalRow
		wantField         string
	}{
		{"news", `{"article": "A.", "highlights": ["One. Two.", "Three."]}`, "", evalRow{"A.", "One. Two.\nThree."}, "highlights"},
		{"extractive", `{"article": "A.", "summary": ["One.", "Two."]}`, "", evalRow{"A.", "One.\nTwo."}, "summary"},
		{"genre", `{"text": "A.", "gold": ["One. Two!\nThree", "Other."]}`, "", evalRow{"A.", "One.\nTwo!\nThree"}, "gold"},
		{"gold first", `{"text": "A.", "summary": ["S."], "gold": ["G."]}`, "", evalRow{"A.", "G."}, "gold"},
		{"chosen field", `{"text": "A.", "summary": ["S."], "gold": ["G."]}`, "summary", evalRow{"A.", "S."}, "summary"},
		{"one string", `{"text": "A.", "abstract": "One. Two."}`, "abstract", evalRow{"A.", "One.\nTwo."}, "abstract"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, field, err := readRow([]byte(tt.line), tt.field)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.wantField, field)
		})
	}
}
