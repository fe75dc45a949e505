// Command rouge scores predictions against gold summaries with internal/rouge (Porter-stemmed, rouge-score's
// rules). It reads JSON lines from stdin:
//
//	{"system": "lead-3", "ref": ["gold sentence", ...], "pred": ["predicted sentence", ...]}
//
// ref and pred are each a list of sentences or one string with a sentence a line; system is optional. It prints,
// per system in the order systems first appear, the mean ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (×100) and the mean
// number of words of the predictions; with -json, one JSON object a line instead of a table.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"keypoints/internal/rouge"
)

func main() {
	asJSON := flag.Bool("json", false, `print {"system", "articles", "rouge1", "rouge2", "rougeLsum", "words"} lines`)
	flag.Parse()
	results, err := score(os.Stdin)
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

	r1, r2, rl rouge.Mean
	words      int
}

// sentences is a summary given either as a list of sentences or as one string with a sentence a line.
type sentences string

func (s *sentences) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*s = sentences(strings.Join(list, "\n"))
		return nil
	}
	var one string
	if err := json.Unmarshal(b, &one); err != nil {
		return fmt.Errorf("want a string or a list of strings: %w", err)
	}
	*s = sentences(one)
	return nil
}

func score(r io.Reader) ([]*result, error) {
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
			all := sc.All(string(*rec.Ref), string(*rec.Pred))
			res.r1.Add(all.Rouge1)
			res.r2.Add(all.Rouge2)
			res.rl.Add(all.RougeLsum)
			res.words += len(strings.Fields(string(*rec.Pred)))
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
