package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"keypoints/summarize"
)

// runSplit prints the sentences of a text, one per line, or answers JSON lines with sentences and their spans.
func runSplit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keypoints split", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.Bool("jsonl", false, `read {"id", "text"} JSON lines from stdin, write {"id", "sentences"} lines`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: keypoints split [-jsonl] [FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *jsonl {
		if err := eachLine(stdin, stdout, splitLine); err != nil {
			return fail(stderr, err)
		}
		return 0
	}
	text, err := readInput(fs.Arg(0), stdin)
	if err != nil {
		return fail(stderr, err)
	}
	doc, err := summarize.Parse(text)
	if err != nil {
		return fail(stderr, err)
	}
	var b strings.Builder
	for _, s := range doc.Sentences {
		b.WriteString(s.Text)
		b.WriteByte('\n')
	}
	_, err = io.WriteString(stdout, b.String())
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}

// splitSentence is one sentence of a JSON line: its raw text and its byte span in the line's text.
type splitSentence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func splitLine(id json.RawMessage, text string) any {
	doc, err := summarize.Parse(text)
	if err != nil {
		return errorLine(id, err)
	}
	out := make([]splitSentence, len(doc.Sentences))
	for i, s := range doc.Sentences {
		out[i] = splitSentence{Text: text[s.Start:s.End], Start: s.Start, End: s.End}
	}
	return map[string]any{"id": id, "sentences": out}
}
