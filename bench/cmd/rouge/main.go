// Command rouge scores predictions against gold summaries with internal/rouge (Porter-stemmed, rouge-score's
// rules). It reads JSON lines from stdin:
//
//	{"system": "lead-3", "ref": ["gold sentence", ...], "pred": ["predicted sentence", ...]}
//
// ref and pred are each a list of sentences or one string with a sentence a line; system is optional. It prints,
// per system in the order systems first appear, the mean ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (×100) and the mean
// number of words of the predictions; with -json, one JSON object a line instead of a table.
//
// With -split, a ref given as one string is split into sentences by rouge.SentenceLines (after . ! ? and at
// newlines), as keypoints eval reads a genre set's gold[0]; lists stay one sentence an item. With -against NAME,
// every other system also gets NAME's margin over it per metric, with a paired bootstrap 95% interval over articles
// (internal/bootstrap's resamples and seed), which needs both systems scored on the same articles in the same order.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"keypoints/internal/bootstrap"
	"keypoints/internal/rouge"
)

func main() {
	asJSON := flag.Bool("json", false, `print {"system", "articles", "rouge1", "rouge2", "rougeLsum", "words"} lines`)
	split := flag.Bool("split", false, "split refs given as one string into sentences after . ! ? and at newlines")
	against := flag.String("against", "", `add "margin": this system's margin over each other one, with 95% intervals`)
	flag.Parse()
	results, err := score(os.Stdin, *split)
	if err == nil && *against != "" {
		err = margins(results, *against)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rouge:", err)
		os.Exit(1)
	}
	if err := write(os.Stdout, results, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "rouge:", err)
		os.Exit(1)
	}
}

// result is one system's means.
type result struct {
	System    string  `json:"system"`
	Articles  int     `json:"articles"`
	Rouge1    float64 `json:"rouge1"` // mean F1 ×100
	Rouge2    float64 `json:"rouge2"`
	RougeLsum float64 `json:"rougeLsum"`
	Words     float64 `json:"words"` // mean whitespace-separated words per prediction
	// Margin is the -against system's mean F1 ×100 minus this one's, per metric, with its interval; nil without
	// -against and on the -against system's own line.
	Margin *margin `json:"margin,omitempty"`

	r1, r2, rl rouge.Mean
	words      int
	f1         [3][]float64 // each article's ROUGE-1, ROUGE-2 and ROUGE-Lsum F1, in order, for the bootstrap
}

// margin is one system's lead over another on each metric.
type margin struct {
	Over      string   `json:"over"` // the -against system
	Rouge1    interval `json:"rouge1"`
	Rouge2    interval `json:"rouge2"`
	RougeLsum interval `json:"rougeLsum"`
}

// interval is a bootstrap.Interval in F1 ×100.
type interval struct {
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"` // 2.5% point of the resampled means
	Hi   float64 `json:"hi"` // 97.5% point
}

// margins fills Margin on every result but name's.
func margins(results []*result, name string) error {
	var ours *result
	for _, res := range results {
		if res.System == name {
			ours = res
		}
	}
	if ours == nil {
		return fmt.Errorf("-against %q: no such system", name)
	}
	for _, res := range results {
		if res == ours {
			continue
		}
		if res.Articles != ours.Articles {
			return fmt.Errorf("-against %q: %d articles, %q has %d", name, ours.Articles, res.System, res.Articles)
		}
		var iv [3]interval
		for m := range iv {
			b := bootstrap.Paired(ours.f1[m], res.f1[m], bootstrap.Resamples, bootstrap.Seed)
			iv[m] = interval{Mean: 100 * b.Mean, Lo: 100 * b.Lo, Hi: 100 * b.Hi}
		}
		res.Margin = &margin{Over: name, Rouge1: iv[0], Rouge2: iv[1], RougeLsum: iv[2]}
	}
	return nil
}

// sentences is a summary given either as a list of sentences or as one string with a sentence a line.
type sentences struct {
	text string // one sentence a line
	list bool   // given as a list
}

func (s *sentences) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*s = sentences{text: strings.Join(list, "\n"), list: true}
		return nil
	}
	var one string
	if err := json.Unmarshal(b, &one); err != nil {
		return fmt.Errorf("want a string or a list of strings: %w", err)
	}
	*s = sentences{text: one}
	return nil
}

// score reads the JSON lines of r; with split, refs given as one string go through rouge.SentenceLines.
func score(r io.Reader, split bool) ([]*result, error) {
	sc := rouge.Scorer{Stem: true}
	var order []*result
	bySystem := map[string]*result{}
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if strings.TrimSpace(string(line)) != "" {
			var rec struct {
				System string     `json:"system"`
				Ref    *sentences `json:"ref"`
				Pred   *sentences `json:"pred"`
			}
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", n, jerr)
			}
			if rec.Ref == nil || rec.Pred == nil {
				return nil, fmt.Errorf(`line %d: "ref" and "pred" are required`, n)
			}
			res := bySystem[rec.System]
			if res == nil {
				res = &result{System: rec.System}
				bySystem[rec.System] = res
				order = append(order, res)
			}
			ref := rec.Ref.text
			if split && !rec.Ref.list {
				ref = rouge.SentenceLines(ref)
			}
			all := sc.All(ref, rec.Pred.text)
			res.r1.Add(all.Rouge1)
			res.r2.Add(all.Rouge2)
			res.rl.Add(all.RougeLsum)
			for m, score := range [3]rouge.Score{all.Rouge1, all.Rouge2, all.RougeLsum} {
				res.f1[m] = append(res.f1[m], score.F1)
			}
			res.words += len(strings.Fields(rec.Pred.text))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	for _, res := range order {
		res.Articles = res.r1.N()
		res.Rouge1 = 100 * res.r1.Score().F1
		res.Rouge2 = 100 * res.r2.Score().F1
		res.RougeLsum = 100 * res.rl.Score().F1
		res.Words = float64(res.words) / float64(res.Articles)
	}
	return order, nil
}

func write(w io.Writer, results []*result, asJSON bool) error {
	bw := bufio.NewWriter(w)
	if asJSON {
		enc := json.NewEncoder(bw)
		for _, res := range results {
			if err := enc.Encode(res); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	fmt.Fprintf(bw, "%-16s %8s %7s %7s %7s %7s\n", "system", "articles", "R1", "R2", "RLsum", "words")
	for _, res := range results {
		fmt.Fprintf(bw, "%-16s %8d %7.2f %7.2f %7.2f %7.1f\n",
			res.System, res.Articles, res.Rouge1, res.Rouge2, res.RougeLsum, res.Words)
	}
	return bw.Flush()
}
