package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"keypoints/internal/rouge"
	"keypoints/summarize"
)

// runEval scores our key points and Lead-3 against gold summaries, on the same articles in the same run, so the
// comparison never mixes machines, splitters or scorer versions.
func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keypoints eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", `JSON lines with "article" and the gold field (required)`)
	gold := fs.String("gold", "highlights", `gold field: "highlights" (abstractive) or "summary" (extractive)`)
	length := fs.String("length", summarize.LengthShort, "summary length: short, medium or long")
	limit := fs.Int("limit", 0, "score only the first N articles (0: all)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *data == "" {
		fmt.Fprintln(stderr, "usage: keypoints eval -data FILE [-gold highlights|summary] [-length short] [-limit N]")
		return 2
	}
	f, err := os.Open(*data)
	if err != nil {
		return fail(stderr, err)
	}
	defer f.Close()
	// The scores read only the key points, so the facts are skipped and the times are those of the summary alone.
	res, err := evaluate(f, *gold, summarize.Options{Length: *length, SkipFacts: true}, *limit)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "%d articles from %s, gold %q, length %s, ROUGE F1 x100 (Porter-stemmed, rouge-score rules)\n",
		res.articles, *data, *gold, *length)
	if res.failed > 0 {
		fmt.Fprintf(stdout, "%d articles could not be summarized and score 0\n", res.failed)
	}
	fmt.Fprintf(stdout, "%-10s %7s %7s %7s %7s %9s\n", "system", "R1", "R2", "RLsum", "words", "ms/art")
	for _, s := range res.systems {
		fmt.Fprintf(stdout, "%-10s %7.2f %7.2f %7.2f %7.1f %9.3f\n", s.name,
			100*s.r1.Score().F1, 100*s.r2.Score().F1, 100*s.rl.Score().F1, s.words.mean(), s.ms.mean())
	}
	return 0
}

// systemScores accumulates one system's results.
type systemScores struct {
	name       string
	r1, r2, rl rouge.Mean
	words, ms  mean
}

// mean averages plain numbers.
type mean struct {
	sum float64
	n   int
}

func (m *mean) add(x float64) { m.sum += x; m.n++ }

func (m *mean) mean() float64 {
	if m.n == 0 {
		return 0
	}
	return m.sum / float64(m.n)
}

type evalResult struct {
	articles, failed int
	systems          []*systemScores
}

// evaluate reads articles and scores both systems on each.
func evaluate(r io.Reader, goldField string, opts summarize.Options, limit int) (*evalResult, error) {
	ours := &systemScores{name: "keypoints"}
	lead := &systemScores{name: "lead-3"}
	res := &evalResult{systems: []*systemScores{ours, lead}}
	sc := rouge.Scorer{Stem: true}
	add := func(s *systemScores, ref string, pred []string, d time.Duration) {
		p := strings.Join(pred, "\n")
		all := sc.All(ref, p)
		s.r1.Add(all.Rouge1)
		s.r2.Add(all.Rouge2)
		s.rl.Add(all.RougeLsum)
		s.words.add(float64(len(strings.Fields(p))))
		s.ms.add(float64(d.Microseconds()) / 1000)
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for limit <= 0 || res.articles < limit {
		line, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			var rec map[string]json.RawMessage
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", res.articles+1, jerr)
			}
			var article string
			var goldSents []string
			if jerr := json.Unmarshal(rec["article"], &article); jerr != nil {
				return nil, fmt.Errorf("line %d: article: %w", res.articles+1, jerr)
			}
			if jerr := json.Unmarshal(rec[goldField], &goldSents); jerr != nil {
				return nil, fmt.Errorf("line %d: %s: %w", res.articles+1, goldField, jerr)
			}
			ref := strings.Join(goldSents, "\n")
			res.articles++

			start := time.Now()
			sum, serr := summarize.Text(article, opts)
			took := time.Since(start)
			var pred []string
			if serr != nil {
				res.failed++
			} else {
				for _, k := range sum.KeyPoints {
					pred = append(pred, k.Text)
				}
			}
			add(ours, ref, pred, took)

			start = time.Now()
			doc, perr := summarize.Parse(article)
			var leadSents []string
			if perr == nil {
				for _, s := range doc.Sentences[:min(3, len(doc.Sentences))] {
					leadSents = append(leadSents, article[s.Start:s.End])
				}
			}
			add(lead, ref, leadSents, time.Since(start))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return res, nil
}
