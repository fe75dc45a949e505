// Command keypoints summarizes English text into key points grouped by theme, and splits text into sentences.
//
//	keypoints [-type T] [-length L] [-format F] [FILE]   summarize FILE (stdin when absent)
//	keypoints -jsonl [flags]                             summarize {"id", "text"|"article"} lines from stdin
//	keypoints split [-jsonl] [FILE]                      one sentence per line
//	keypoints eval -data FILE|DIR ... [-length L]        ROUGE against gold summaries, beside Lead-K
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"keypoints/summarize"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status, so tests can drive every command.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "split":
			return runSplit(args[1:], stdin, stdout, stderr)
		case "eval":
			return runEval(args[1:], stdout, stderr)
		}
	}
	return runSummarize(args, stdin, stdout, stderr)
}

// readInput reads the named file, or stdin when the name is empty or "-".
func readInput(name string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	if name == "" || name == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, summarize.MaxTextBytes+1))
	} else {
		b, err = os.ReadFile(name)
	}
	return string(b), err
}

// fail prints one line to stderr and returns the exit status for errors.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "keypoints: %v\n", err)
	return 1
}

// jsonError is the error object of a JSON line.
type jsonError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// eachLine calls fn for every JSON line of r with its id and text ("text", or "article" as in news data sets), and
// writes what fn returns as one JSON line. A line that is not valid JSON gets an error line of its own: one bad line
// never stops the batch.
func eachLine(r io.Reader, w io.Writer, fn func(id json.RawMessage, text string) any) error {
	br := bufio.NewReaderSize(r, 1<<20)
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && len(trimJSONSpace(line)) > 0 {
			var in struct {
				ID      json.RawMessage `json:"id"`
				Text    *string         `json:"text"`
				Article *string         `json:"article"`
			}
			var out any
			switch jerr := json.Unmarshal(line, &in); {
			case jerr != nil:
				out = map[string]any{"id": nil, "error": jsonError{"invalid_input", "line is not a JSON object: " + jerr.Error()}}
			case in.Text == nil && in.Article == nil:
				out = map[string]any{"id": in.ID, "error": jsonError{"invalid_input", `line has no "text" or "article"`}}
			default:
				text := in.Text
				if text == nil {
					text = in.Article
				}
				out = fn(in.ID, *text)
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func trimJSONSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	return b
}

// errorLine is the JSON line for an input that could not be processed.
func errorLine(id json.RawMessage, err error) map[string]any {
	return map[string]any{"id": id, "error": jsonError{summarize.Code(err), err.Error()}}
}
