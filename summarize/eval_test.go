//go:build eval

package summarize

// The cross-validated evaluation of the choice of points (`make eval-cv`): every development set of ../shared/data,
// each scored against its human references beside Lead-K, for every tuning of a small grid. The figure that
// predicts text never seen is the out-of-fold one: the items are cut into folds, and each fold is scored with the
// tuning that does best on the other folds. The in-sample figure is that of the shipped tuning on all items; where it
// runs well above the out-of-fold one, the tuning fits noise.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"keypoints/internal/rouge"
)

// evalGoal is the margin over the baselines, in ROUGE points, that the choice of points aims at on every set.
const evalGoal = 1.0

// evalFolds is the number of folds; items are dealt to folds in the order of their ids' hash, so that folds mix.
const evalFolds = 5

// evalSet is one development set: its rows, the field holding the input and the references, and the number of
// points every system gives (the K: 3, 5 or 7 by how long the references run).
type evalSet struct {
	name, file, text, gold string
	k                      int
	length                 string
	limit                  int     // rows read; 0 for all
	weight                 float64 // in the selection: BBC's references are extracts, so they count half
}

var evalSets = []evalSet{
	{"cnndm", "cnndm-dev.jsonl", "article", "highlights", 3, LengthShort, 0, 1},
	{"bbc", "bbc-dev.jsonl", "article", "summary", 3, LengthShort, 400, 0.5},
	{"dialogsum", "genres/dialogsum.jsonl", "text", "gold", 3, LengthShort, 0, 1},
	{"fewsum", "genres/fewsum.jsonl", "text", "gold", 3, LengthShort, 0, 1},
	{"scisummnet", "genres/scisummnet.jsonl", "text", "gold", 5, LengthMedium, 0, 1},
	{"qmsum", "genres/qmsum.jsonl", "text", "gold", 5, LengthMedium, 0, 1},
	{"wikipedia", "genres/wikipedia.jsonl", "text", "gold", 7, LengthLong, 0, 1},
	{"govreport", "genres/govreport.jsonl", "text", "gold", 7, LengthLong, 0, 1},
	{"squality", "genres/squality.jsonl", "text", "gold", 7, LengthLong, 0, 1},
}

// evalGrid is what the selection chooses among: the shipped tuning and its neighbours.
var evalGrid = func() []tuning {
	var out []tuning
	for _, c := range []float64{0.5, 1, 1.5} {
		for _, l := range []float64{0.1, 0.2, 0.3} {
			out = append(out, tuning{centrality: c, length: l, longText: tuned.longText})
		}
	}
	return out
}()

type evalItem struct {
	id, text, ref string
	fold          int
}

// refSentences puts a reference's sentences on lines of their own, for ROUGE-Lsum: after . ! ? and at newlines.
var refSentences = regexp.MustCompile(`([.!?])\s+`)

func splitReference(s string) string {
	var out []string
	for _, line := range strings.Split(refSentences.ReplaceAllString(s, "$1\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func readEvalSet(t *testing.T, dir string, set evalSet) []evalItem {
	f, err := os.Open(filepath.Join(dir, set.file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []evalItem
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() && (set.limit == 0 || len(items) < set.limit) {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		var it evalItem
		var refs []string
		if json.Unmarshal(rec["id"], &it.id) != nil || json.Unmarshal(rec[set.text], &it.text) != nil ||
			json.Unmarshal(rec[set.gold], &refs) != nil || len(refs) == 0 {
			t.Fatalf("%s: row %d lacks id, %s or %s", set.file, len(items)+1, set.text, set.gold)
		}
		if set.gold == "gold" {
			it.ref = splitReference(refs[0]) // a list of references: the first is the one scored
		} else {
			it.ref = strings.Join(refs, "\n") // highlights and extracts: one sentence per entry
		}
		it.fold = int(hashKeyString(it.id) % evalFolds)
		items = append(items, it)
	}
	return items
}

// hashKeyString is FNV-1a, for dealing items to folds.
func hashKeyString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// triple is ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of one summary.
type triple [3]float64

func scoreTexts(sc rouge.Scorer, ref string, pred []string) triple {
	all := sc.All(ref, strings.Join(pred, "\n"))
	return triple{all.Rouge1.F1, all.Rouge2.F1, all.RougeLsum.F1}
}

func leadK(text string, k int) []string {
	doc, err := Parse(text)
	if err != nil {
		return nil
	}
	var out []string
	for _, s := range doc.Sentences[:min(k, len(doc.Sentences))] {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func pointsWith(tn tuning, text, length string) []string {
	saved := tuned
	tuned = tn
	defer func() { tuned = saved }()
	s, err := Text(text, Options{Length: length, SkipFacts: true})
	if err != nil {
		return nil
	}
	out := make([]string, len(s.KeyPoints))
	for i, p := range s.KeyPoints {
		out[i] = p.Text
	}
	return out
}

func meanOf(xs []triple, keep func(i int) bool) triple {
	var m triple
	n := 0
	for i, x := range xs {
		if keep(i) {
			for j := range m {
				m[j] += x[j]
			}
			n++
		}
	}
	for j := range m {
		m[j] = 100 * m[j] / float64(max(n, 1))
	}
	return m
}

// interval is the bootstrap 95% interval of the mean of a[i]-b[i] for one metric, resampling items with a fixed
// seed so the report is the same on every run.
func interval(a, b []triple, metric int) (lo, hi float64) {
	r := rand.New(rand.NewPCG(1, 2))
	means := make([]float64, 1000)
	for s := range means {
		t := 0.0
		for range a {
			i := r.IntN(len(a))
			t += a[i][metric] - b[i][metric]
		}
		means[s] = 100 * t / float64(len(a))
	}
	slices.Sort(means)
	return means[25], means[974]
}

// sharedData returns the folder of the development sets ($SHARED/data, ../shared/data beside the project by
// default), and skips the test, saying so, where it is absent.
func sharedData(t *testing.T) string {
	dir := os.Getenv("SHARED")
	if dir == "" {
		dir = "../../shared"
	}
	dir = filepath.Join(dir, "data")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("eval: %s is absent; nothing to score", dir)
	}
	return dir
}

func TestCrossValidatedChoice(t *testing.T) {
	dir := sharedData(t)
	sc := rouge.Scorer{Stem: true}
	type setResult struct {
		set   evalSet
		items []evalItem
		lead  []triple
		grid  [][]triple // per tuning, per item
	}
	var results []setResult
	for _, set := range evalSets {
		items := readEvalSet(t, dir, set)
		res := setResult{set: set, items: items, grid: make([][]triple, len(evalGrid))}
		for _, it := range items {
			res.lead = append(res.lead, scoreTexts(sc, it.ref, leadK(it.text, set.k)))
		}
		for g, tn := range evalGrid {
			for _, it := range items {
				res.grid[g] = append(res.grid[g], scoreTexts(sc, it.ref, pointsWith(tn, it.text, set.length)))
			}
		}
		results = append(results, res)
	}
	// objective is a tuning's mean margin over Lead-K in ROUGE-Lsum, over the sets by their weights, on the
	// items keep admits. A margin counts up to evalGoal only: the goal is that lead on every set, and past it a
	// further gain on one set must not buy a loss on another.
	objective := func(g int, keep func(it evalItem) bool) float64 {
		total, weights := 0.0, 0.0
		for _, r := range results {
			in := func(i int) bool { return keep(r.items[i]) }
			total += r.set.weight * min(evalGoal, meanOf(r.grid[g], in)[2]-meanOf(r.lead, in)[2])
			weights += r.set.weight
		}
		return total / weights
	}
	best := func(keep func(it evalItem) bool) int {
		b := 0
		for g := range evalGrid {
			if objective(g, keep) > objective(b, keep) {
				b = g
			}
		}
		return b
	}
	shipped := slices.IndexFunc(evalGrid, func(tn tuning) bool { return tn == tuned })
	if shipped < 0 {
		t.Fatalf("the shipped tuning %+v is not in the grid", tuned)
	}
	all := best(func(evalItem) bool { return true })
	fmt.Printf("tunings: %d; shipped %+v; best on all items %+v\n", len(evalGrid), evalGrid[shipped], evalGrid[all])
	chosen := make([]int, evalFolds)
	for f := range chosen {
		chosen[f] = best(func(it evalItem) bool { return it.fold != f })
		fmt.Printf("fold %d: chosen on the other folds %+v\n", f, evalGrid[chosen[f]])
	}
	fmt.Printf("\n%-11s %4s %2s  %-20s %-20s %-20s  %s\n", "set", "n", "K", "out-of-fold R1/R2/RLs", "in-sample R1/R2/RLs",
		"Lead-K R1/R2/RLs", "out-of-fold margin over Lead-K, 95% interval: R1 | R2 | RLsum")
	for _, r := range results {
		oof := make([]triple, len(r.items))
		for i, it := range r.items {
			oof[i] = r.grid[chosen[it.fold]][i]
		}
		every := func(int) bool { return true }
		o, in, l := meanOf(oof, every), meanOf(r.grid[shipped], every), meanOf(r.lead, every)
		line := fmt.Sprintf("%-11s %4d %2d  %5.2f %5.2f %5.2f    %5.2f %5.2f %5.2f    %5.2f %5.2f %5.2f   ",
			r.set.name, len(r.items), r.set.k, o[0], o[1], o[2], in[0], in[1], in[2], l[0], l[1], l[2])
		for m := range 3 {
			lo, hi := interval(oof, r.lead, m)
			line += fmt.Sprintf(" %+5.2f [%+5.2f, %+5.2f]", o[m]-l[m], lo, hi)
		}
		fmt.Println(line)
	}
}

// The audit of points (`make eval-cv` prints it too): the share of long key points, over every development set,
// that read badly in one of the ways a reader notices first. The patterns are rough on purpose, so they overcount
// rather than miss: a glued sentence is a lowercase word, digit or closing mark followed by a capitalised word
// that only opens sentences; a caption is a few words and a colon opening a point outside transcripts; a bare
// heading is a point whose source ends with no stop and has at most eight words; a filler is um, uh or the like
// left in; wrong spans means the text does not rebuild from its spans with the documented edits.
var (
	auditGlued   = regexp.MustCompile(`[a-z0-9'’”)]\s+(?:The|He|She|It|They|In|But|This|These|We|His|Her|Their|As)\s+[a-z]`)
	auditCaption = regexp.MustCompile(`^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: [A-Z]`)
)

func TestPointAudit(t *testing.T) {
	dir := sharedData(t)
	fmt.Printf("\n%-11s %6s %7s %7s %7s %7s %7s %7s\n", "set (long)", "points", "glued", "caption", "heading", "filler",
		">45 wds", "spans")
	for _, set := range evalSets {
		var points, glued, caption, heading, filler, long, spans int
		for _, it := range readEvalSet(t, dir, set) {
			s, err := Text(it.text, Options{Length: LengthLong, SkipFacts: true})
			if err != nil {
				continue
			}
			turns := s.Kind == TextTranscript || s.Kind == TextChat
			for _, kp := range s.KeyPoints {
				points++
				body := kp.Text
				if end := strings.Index(body, "] "); strings.HasPrefix(body, "[") && end > 1 {
					body = body[end+2:]
				}
				if auditGlued.MatchString(body) {
					glued++
				}
				if !turns && auditCaption.MatchString(body) {
					caption++
				}
				src := s.Sentences[kp.Sentence]
				raw := strings.TrimSpace(it.text[src.Start:src.End])
				if len(strings.Fields(raw)) <= 8 && !endsSentence(raw) {
					heading++
				}
				for _, w := range strings.Fields(strings.ToLower(body)) {
					if fillers.Has(strings.Trim(w, ",.")) {
						filler++
						break
					}
				}
				if len(strings.Fields(body)) > longWords+1 {
					long++
				}
				if joined := joinSpans(it.text, kp.Spans); !sameUpToEdits(joined, body) && !sameUpToEdits(joined, kp.Text) {
					spans++
				}
			}
		}
		pct := func(n int) string { return fmt.Sprintf("%6.1f%%", 100*float64(n)/float64(max(points, 1))) }
		fmt.Printf("%-11s %6d %s %s %s %s %s %s\n", set.name, points, pct(glued), pct(caption), pct(heading),
			pct(filler), pct(long), pct(spans))
	}
}
