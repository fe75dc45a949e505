package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"keypoints/internal/bootstrap"
	"keypoints/internal/rouge"
	"keypoints/summarize"
)

const evalUsage = "usage: keypoints eval -data FILE|DIR [-data ...] [-gold FIELD] [-length L] [-limit N]"

// runEval scores our key points and Lead-K against gold summaries, on the same articles in the same run, so the
// comparison never mixes machines, splitters or scorer versions. Every -data (and every argument after the flags)
// is a JSON lines file or a folder whose *.jsonl files are read in name order; each file is scored on its own, and
// a run of several ends with one table of them all.
func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keypoints eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var data []string
	fs.Func("data", `JSON lines with "article" or "text" and a gold field, or a folder of them (repeatable)`, func(s string) error {
		data = append(data, s)
		return nil
	})
	gold := fs.String("gold", "", `gold field: "gold" (a list of references, the first is scored), "highlights" or "summary" `+
		`(lists of sentences); empty: the first of these a row has`)
	length := fs.String("length", "", "summary length for every file: short, medium or long; empty: each set's own, "+
		"by its file name (long for wikipedia, govreport, squality; medium for scisummnet, qmsum; else short)")
	limit := fs.Int("limit", 0, "score only the first N articles of each file (0: all)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	data = append(data, fs.Args()...)
	if len(data) == 0 {
		fmt.Fprintln(stderr, evalUsage)
		return 2
	}
	if *length != "" {
		if err := (summarize.Options{Length: *length}).Validate(); err != nil {
			return fail(stderr, err)
		}
	}
	files, err := evalFiles(data)
	if err != nil {
		return fail(stderr, err)
	}
	var results []*evalResult
	for i, file := range files {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		l := *length
		if l == "" {
			l = setLength(file)
		}
		res, err := evaluateFile(file, *gold, l, *limit)
		if err != nil {
			return fail(stderr, err)
		}
		res.write(stdout)
		results = append(results, res)
	}
	if len(results) > 1 {
		fmt.Fprintln(stdout)
		writeEvalTable(stdout, results)
	}
	return 0
}

// setLengths is the length each development set is scored at, by the name its file starts with: the number of
// points that comes closest to its gold's length (3 for a chat's one-sentence summaries and reviews' three, 5 for an
// abstract or a meeting's paragraph, 7 for a Wikipedia lead, a report's summary or a story's plot). Any other set
// (news: CNN/DailyMail's three or four highlights, BBC) is short.
var setLengths = map[string]string{
	"dialogsum":  summarize.LengthShort,
	"fewsum":     summarize.LengthShort,
	"scisummnet": summarize.LengthMedium,
	"qmsum":      summarize.LengthMedium,
	"wikipedia":  summarize.LengthLong,
	"govreport":  summarize.LengthLong,
	"squality":   summarize.LengthLong,
}

// leadSentences is how many sentences Lead-K takes at each length: as many as Text gives key points (3, 5 and 7,
// as the README says), so that every system is held to the same number of units.
var leadSentences = map[string]int{
	summarize.LengthShort:  3,
	summarize.LengthMedium: 5,
	summarize.LengthLong:   7,
}

// setName is a file's set: its base name up to the first "-" or ".", so "qmsum.jsonl" and "qmsum-test.jsonl" are
// both qmsum.
func setName(file string) string {
	name := filepath.Base(file)
	if i := strings.IndexAny(name, "-."); i > 0 {
		name = name[:i]
	}
	return name
}

func setLength(file string) string {
	if l, ok := setLengths[setName(file)]; ok {
		return l
	}
	return summarize.LengthShort
}

// evalFiles expands folders into their *.jsonl files, in name order; files are kept as named.
func evalFiles(data []string) ([]string, error) {
	var files []string
	for _, d := range data {
		info, err := os.Stat(d)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, d)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(d, "*.jsonl"))
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s holds no .jsonl file", d)
		}
		slices.Sort(matches)
		files = append(files, matches...)
	}
	return files, nil
}

// systemScores accumulates one system's results.
type systemScores struct {
	name       string
	r1, r2, rl rouge.Mean
	words, ms  mean
	// f1 holds each article's ROUGE-1, ROUGE-2 and ROUGE-Lsum F1, in article order, for the paired bootstrap.
	f1 [3][]float64
}

// metricNames label systemScores.f1's metrics.
var metricNames = [3]string{"R1", "R2", "RLsum"}

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
	file, gold, length string
	lead               int // sentences Lead-K takes
	articles, failed   int
	systems            []*systemScores // ours first, then Lead-K
}

// margins returns ours minus Lead-K per metric, each with its paired bootstrap interval, in F1 ×100.
func (res *evalResult) margins() [3]bootstrap.Interval {
	var out [3]bootstrap.Interval
	ours, lead := res.systems[0], res.systems[1]
	for m := range out {
		iv := bootstrap.Paired(ours.f1[m], lead.f1[m], bootstrap.Resamples, bootstrap.Seed)
		out[m] = bootstrap.Interval{Mean: 100 * iv.Mean, Lo: 100 * iv.Lo, Hi: 100 * iv.Hi}
	}
	return out
}

func (res *evalResult) write(w io.Writer) {
	fmt.Fprintf(w, "%d articles from %s, gold %q, length %s, ROUGE F1 x100 (Porter-stemmed, rouge-score rules)\n",
		res.articles, res.file, res.gold, res.length)
	if res.failed > 0 {
		fmt.Fprintf(w, "%d articles could not be summarized and score 0\n", res.failed)
	}
	fmt.Fprintf(w, "%-10s %7s %7s %7s %7s %9s\n", "system", "R1", "R2", "RLsum", "words", "ms/art")
	for _, s := range res.systems {
		fmt.Fprintf(w, "%-10s %7.2f %7.2f %7.2f %7.1f %9.3f\n", s.name,
			100*s.r1.Score().F1, 100*s.r2.Score().F1, 100*s.rl.Score().F1, s.words.mean(), s.ms.mean())
	}
	fmt.Fprintf(w, "%s - %s, paired bootstrap %.0f%% interval over articles (%d resamples, seed %d):\n",
		res.systems[0].name, res.systems[1].name, 100*bootstrap.Level, bootstrap.Resamples, bootstrap.Seed)
	for m, iv := range res.margins() {
		fmt.Fprintf(w, "  %-6s %+6.2f  [%+.2f, %+.2f]\n", metricNames[m], iv.Mean, iv.Lo, iv.Hi)
	}
}

// writeEvalTable prints every set's figures in one Markdown table: both systems' R1 / R2 / RLsum, and the margins
// with their intervals.
func writeEvalTable(w io.Writer, results []*evalResult) {
	fmt.Fprintln(w, "| set | n | K | keypoints R1 / R2 / RLsum | Lead-K R1 / R2 / RLsum | margin R1 [95%] | margin R2 [95%] | margin RLsum [95%] |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	triple := func(s *systemScores) string {
		return fmt.Sprintf("%.2f / %.2f / %.2f", 100*s.r1.Score().F1, 100*s.r2.Score().F1, 100*s.rl.Score().F1)
	}
	for _, res := range results {
		fmt.Fprintf(w, "| %s | %d | %d | %s | %s |", setName(res.file), res.articles, res.lead,
			triple(res.systems[0]), triple(res.systems[1]))
		for _, iv := range res.margins() {
			fmt.Fprintf(w, " %+.2f [%+.2f, %+.2f] |", iv.Mean, iv.Lo, iv.Hi)
		}
		fmt.Fprintln(w)
	}
}

func evaluateFile(file, goldField, length string, limit int) (*evalResult, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The scores read only the key points, so the facts are skipped and the times are those of the summary alone.
	res, err := evaluate(f, goldField, summarize.Options{Length: length, SkipFacts: true}, limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	res.file = file
	return res, nil
}

// goldFields are the gold fields a row may carry, in the order they are looked for when -gold is empty.
var goldFields = []string{"gold", "highlights", "summary"}

// evalRow is one article with its reference, one sentence a line as RougeLsum reads it.
type evalRow struct {
	text, ref string
}

// readRow reads a row's text ("article" or "text") and its reference from field, or from the first of goldFields
// the row has when field is empty; it returns the field it read. A "gold" field is a list of alternative references,
// of which the first is scored, split into sentences by rouge.SentenceLines; "highlights" and "summary" are lists of
// the reference's sentences, joined a sentence a line as they are. A field holding one string is split as "gold"'s
// first reference is.
func readRow(line []byte, field string) (evalRow, string, error) {
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(line, &rec); err != nil {
		return evalRow{}, field, err
	}
	var row evalRow
	textField := "article"
	if _, ok := rec[textField]; !ok {
		textField = "text"
	}
	if err := json.Unmarshal(rec[textField], &row.text); err != nil {
		return evalRow{}, field, fmt.Errorf("article: %w", err)
	}
	if field == "" {
		for _, g := range goldFields {
			if _, ok := rec[g]; ok {
				field = g
				break
			}
		}
		if field == "" {
			return evalRow{}, field, errors.New(`no gold field ("gold", "highlights" or "summary")`)
		}
	}
	raw := rec[field]
	var one string
	var list []string
	switch {
	case json.Unmarshal(raw, &one) == nil && raw != nil:
		row.ref = rouge.SentenceLines(one)
	case json.Unmarshal(raw, &list) == nil && raw != nil:
		if field == "gold" {
			if len(list) == 0 {
				return evalRow{}, field, errors.New("gold: no reference")
			}
			row.ref = rouge.SentenceLines(list[0])
		} else {
			row.ref = strings.Join(list, "\n")
		}
	default:
		return evalRow{}, field, fmt.Errorf("%s: want a string or a list of strings", field)
	}
	return row, field, nil
}

// evaluate reads articles and scores both systems on each. Every row is read with the gold field of the first
// when goldField is empty, so one file is never scored against two kinds of reference.
func evaluate(r io.Reader, goldField string, opts summarize.Options, limit int) (*evalResult, error) {
	k := leadSentences[opts.Length]
	ours := &systemScores{name: "keypoints"}
	lead := &systemScores{name: fmt.Sprintf("lead-%d", k)}
	res := &evalResult{length: opts.Length, lead: k, systems: []*systemScores{ours, lead}}
	sc := rouge.Scorer{Stem: true}
	add := func(s *systemScores, ref string, pred []string, d time.Duration) {
		p := strings.Join(pred, "\n")
		all := sc.All(ref, p)
		s.r1.Add(all.Rouge1)
		s.r2.Add(all.Rouge2)
		s.rl.Add(all.RougeLsum)
		for m, score := range [3]rouge.Score{all.Rouge1, all.Rouge2, all.RougeLsum} {
			s.f1[m] = append(s.f1[m], score.F1)
		}
		s.words.add(float64(len(strings.Fields(p))))
		s.ms.add(float64(d.Microseconds()) / 1000)
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for limit <= 0 || res.articles < limit {
		line, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			row, field, rerr := readRow(line, goldField)
			if rerr != nil {
				return nil, fmt.Errorf("line %d: %w", res.articles+1, rerr)
			}
			goldField = field
			res.articles++

			start := time.Now()
			sum, serr := summarize.Text(row.text, opts)
			took := time.Since(start)
			var pred []string
			if serr != nil {
				res.failed++
			} else {
				for _, kp := range sum.KeyPoints {
					pred = append(pred, kp.Text)
				}
			}
			add(ours, row.ref, pred, took)

			start = time.Now()
			doc, perr := summarize.Parse(row.text)
			var leadSents []string
			if perr == nil {
				for _, s := range doc.Sentences[:min(k, len(doc.Sentences))] {
					leadSents = append(leadSents, row.text[s.Start:s.End])
				}
			}
			add(lead, row.ref, leadSents, time.Since(start))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	res.gold = goldField
	if goldField == "gold" {
		res.gold = "gold[0]"
	}
	return res, nil
}
