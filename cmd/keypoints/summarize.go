package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"keypoints/summarize"
)

// runSummarize prints the summary of a text, or answers JSON lines with summaries. With -format json it prints the
// whole Summary (themes, points with their spans, sentences), which is what tools built on keypoints read.
func runSummarize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keypoints", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts summarize.Options
	fs.StringVar(&opts.Type, "type", summarize.TypeKeyPoints, "key-points, tldr, teaser or headline")
	fs.StringVar(&opts.Length, "length", summarize.LengthShort, "short, medium or long")
	fs.StringVar(&opts.Format, "format", summarize.FormatMarkdown, "markdown, plain-text or json")
	fs.StringVar(&opts.Kind, "kind", "", "the kind of text: news, reference, report, transcript, chat, reviews, story, docs, email,\n"+
		"notes or general (default: read from the text)")
	jsonl := fs.Bool("jsonl", false, `read {"id", "text"|"article"} JSON lines from stdin, write {"id", "summary"} lines`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: keypoints [-type T] [-length L] [-format F] [-kind K] [FILE]
       keypoints -jsonl [flags] < lines.jsonl
       keypoints split [-jsonl] [FILE]
       keypoints eval -data FILE|DIR [-data ...] [-gold FIELD] [-length L] [-limit N]`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := opts.Validate(); err != nil {
		return fail(stderr, err)
	}
	if *jsonl {
		err := eachLine(stdin, stdout, func(id json.RawMessage, text string) any {
			s, err := summarize.Text(text, opts)
			if err != nil {
				return errorLine(id, err)
			}
			return map[string]any{"id": id, "summary": s}
		})
		if err != nil {
			return fail(stderr, err)
		}
		return 0
	}
	text, err := readInput(fs.Arg(0), stdin)
	if err != nil {
		return fail(stderr, err)
	}
	// Only the JSON form shows the facts; the others print the summary's text alone.
	opts.SkipFacts = opts.Format != summarize.FormatJSON
	s, err := summarize.Text(text, opts)
	if err != nil {
		return fail(stderr, err)
	}
	out := s.Text
	if opts.Format == summarize.FormatJSON {
		b, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return fail(stderr, err)
		}
		out = string(b)
	}
	fmt.Fprintln(stdout, out)
	return 0
}
