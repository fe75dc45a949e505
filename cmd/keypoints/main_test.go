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
		{"eval without data", "", []string{"eval"}, 2, "usage: keypoints eval -data FILE [-gold highlights|summary] [-length short] [-limit N]\n"},
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

func TestEval(t *testing.T) {
	code, out, errOut := runCmd(t, "", "eval", "-data", filepath.Join("..", "..", "testdata", "eval", "cnndm-3.jsonl"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "3 articles from")
	assert.Regexp(t, `(?m)^keypoints +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d`, out)
	assert.Regexp(t, `(?m)^lead-3 +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d`, out)
}
