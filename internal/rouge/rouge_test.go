package rouge

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fixtureDir = "../../testdata/rouge"

// The fixtures' README quotes its scores to 5 decimals.
const fixtureTolerance = 1e-5

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	require.NoError(t, err)
	return string(b)
}

// fixtureLine returns line n (from 1) of a fixture, newline kept, as Python's
// readlines gives it to rouge-score's tests.
func fixtureLine(t testing.TB, name string, n int) string {
	t.Helper()
	lines := strings.SplitAfter(readFixture(t, name), "\n")
	require.Greater(t, len(lines), n-1)
	return lines[n-1]
}

type metric func(s Scorer, ref, pred string) Score

// TestFixtures reproduces every score listed in testdata/rouge/README.md,
// plus the stemmed line-1 scores that rouge-score's tests also check.
func TestFixtures(t *testing.T) {
	tests := []struct {
		name      string
		ref, pred string // fixture file names
		line      int    // line of both files; 0 means the whole files
		stem      bool
		metric    metric
		r, p, f1  float64
	}{
		{"plain line 1 rouge1", "target.txt", "prediction.txt", 1, false, Scorer.Rouge1, 0.40741, 0.68750, 0.51163},
		{"plain line 1 rouge2", "target.txt", "prediction.txt", 1, false, Scorer.Rouge2, 0.30769, 0.53333, 0.39024},
		{"plain line 1 rougeL", "target.txt", "prediction.txt", 1, false, Scorer.RougeL, 0.40741, 0.68750, 0.51163},
		{"plain line 2 rouge1", "target.txt", "prediction.txt", 2, false, Scorer.Rouge1, 0.40476, 0.65385, 0.50000},
		{"plain line 2 rouge2", "target.txt", "prediction.txt", 2, false, Scorer.Rouge2, 0.29268, 0.48000, 0.36364},
		{"plain line 2 rougeL", "target.txt", "prediction.txt", 2, false, Scorer.RougeL, 0.40476, 0.65385, 0.50000},
		{"stemmed line 1 rouge1", "target.txt", "prediction.txt", 1, true, Scorer.Rouge1, 0.40741, 0.68750, 0.51163},
		{"stemmed line 1 rouge2", "target.txt", "prediction.txt", 1, true, Scorer.Rouge2, 0.30769, 0.53333, 0.39024},
		{"stemmed line 2 rouge1", "target.txt", "prediction.txt", 2, true, Scorer.Rouge1, 0.42857, 0.69231, 0.52941},
		{"stemmed line 2 rouge2", "target.txt", "prediction.txt", 2, true, Scorer.Rouge2, 0.29268, 0.48000, 0.36364},
		{"stemmed multi rougeLsum", "target_multi.0.txt", "prediction_multi.0.txt", 0, true, Scorer.RougeLsum, 0.36538, 0.66667, 0.47205},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref, pred string
			if tt.line == 0 {
				ref, pred = readFixture(t, tt.ref), readFixture(t, tt.pred)
			} else {
				ref, pred = fixtureLine(t, tt.ref, tt.line), fixtureLine(t, tt.pred, tt.line)
			}
			got := tt.metric(Scorer{Stem: tt.stem}, ref, pred)
			assert.InDelta(t, tt.r, got.Recall, fixtureTolerance, "recall")
			assert.InDelta(t, tt.p, got.Precision, fixtureTolerance, "precision")
			assert.InDelta(t, tt.f1, got.F1, fixtureTolerance, "f1")
		})
	}
}

// TestSmallCases holds the README's small cases and the rougeLsum example of
// rouge-score's tests (the one of section 3.2 of the ROUGE paper).
func TestSmallCases(t *testing.T) {
	tests := []struct {
		name      string
		metric    metric
		ref, pred string
		want      Score
	}{
		{"rouge1 subset", Scorer.Rouge1, "testing one two", "testing", Score{1, 1.0 / 3, 1.0 / 2}},
		{"rouge2 prefix", Scorer.Rouge2, "testing one two", "testing one", Score{1, 1.0 / 2, 2.0 / 3}},
		{"rougeL consecutive", Scorer.RougeL, "testing one two", "testing one", Score{1, 2.0 / 3, 4.0 / 5}},
		{"rougeL gap", Scorer.RougeL, "testing one two", "testing two", Score{1, 2.0 / 3, 4.0 / 5}},
		{"rouge1 clipped", Scorer.Rouge1, "the cat", "the the the", Score{1.0 / 3, 1.0 / 2, 0.4}},
		{"rougeLsum union", Scorer.RougeLsum, "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", Score{0.4, 0.8, 0.4 * 0.8 * 2 / 1.2}},
		{"rougeLsum one line", Scorer.RougeLsum, "testing one two", "testing two", Score{1, 2.0 / 3, 4.0 / 5}},
		{"rougeLsum blank lines", Scorer.RougeLsum, "\n\nw1 w2\n\n", "w2\n\n\nw1\n", Score{1, 1, 1}},
		{"rougeLsum punctuation only", Scorer.RougeLsum, "w1 w2 w3 w4 w5", "/", Score{}},
		{"stemming off", Scorer.Rouge1, "running", "run", Score{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.metric(Scorer{}, tt.ref, tt.pred)
			assert.InDelta(t, tt.want.Precision, got.Precision, 1e-12, "precision")
			assert.InDelta(t, tt.want.Recall, got.Recall, 1e-12, "recall")
			assert.InDelta(t, tt.want.F1, got.F1, 1e-12, "f1")
		})
	}
}

func TestEmptyScoresZero(t *testing.T) {
	tests := []struct {
		name      string
		ref, pred string
	}{
		{"empty prediction", "testing one two", ""},
		{"empty reference", "", "testing"},
		{"both empty", "", ""},
		{"no tokens", "¿¡ — …", "testing one two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, stem := range []bool{false, true} {
				s := Scorer{Stem: stem}
				assert.Equal(t, Scores{}, s.All(tt.ref, tt.pred))
				assert.Equal(t, Score{}, s.RougeN(3, tt.ref, tt.pred))
			}
		})
	}
}

func TestRouge2NeedsTwoTokens(t *testing.T) {
	assert.Equal(t, Score{}, Scorer{}.Rouge2("testing", "testing"))
}

func TestRougeNLong(t *testing.T) {
	text := "a b c d e f g h i j"
	tests := []struct {
		name      string
		n         int
		ref, pred string
		want      Score
	}{
		{"identical 7-grams", 7, text, text, Score{1, 1, 1}},
		{"identical 10-grams", 10, text, text, Score{1, 1, 1}},
		{"longer than text", 11, text, text, Score{}},
		{"one 7-gram shared", 7, text, "a b c d e f g x", Score{0.5, 0.25, 1.0 / 3}},
		{"repeated 3-grams clipped", 3, "a b c a b c", "a b c", Score{1, 0.25, 0.4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Scorer{}.RougeN(tt.n, tt.ref, tt.pred)
			assert.InDelta(t, tt.want.Precision, got.Precision, 1e-12, "precision")
			assert.InDelta(t, tt.want.Recall, got.Recall, 1e-12, "recall")
			assert.InDelta(t, tt.want.F1, got.F1, 1e-12, "f1")
		})
	}
}

func TestRougeNRejectsNonPositive(t *testing.T) {
	s := Scorer{Stem: true}
	for _, n := range []int{0, -1, math.MinInt} {
		assert.Equal(t, Score{}, s.RougeN(n, "testing one two", "testing one two"))
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		stem bool
		text string
		want []string
	}{
		{"empty", false, "", []string{}},
		{"punctuation only", true, " ,.;— ", []string{}},
		{"lowercase and split", false, "Hello, World! It's 3.5%", []string{"hello", "world", "it", "s", "3", "5"}},
		{"non-ascii separates", false, "café naïve 日本x", []string{"caf", "na", "ve", "x"}},
		{"dotted capital i", false, "İstanbul", []string{"i", "stanbul"}},
		{"kelvin sign", false, "\u212aelvin", []string{"kelvin"}},
		{"invalid utf-8", false, "ab\xffcd", []string{"ab", "cd"}},
		{"stems long tokens", true, "The officials said running dogs were reported", []string{"the", "offici", "said", "run", "dog", "were", "report"}},
		{"keeps short tokens", true, "was has its dies", []string{"was", "has", "its", "die"}},
		{"irregular forms", true, "News of dying skies", []string{"news", "of", "die", "sky"}},
		{"newlines are spaces", true, "first line\nsecond\r\nthird", []string{"first", "line", "second", "third"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Scorer{Stem: tt.stem}.Tokens(tt.text))
		})
	}
}

// TestLCSMarker checks the subsequence read-out against rouge-score's own
// expectations (rouge_scorer_test.py testLcsTable and testUnionLcs).
func TestLCSMarker(t *testing.T) {
	tests := []struct {
		name  string
		ref   []int32
		cands [][]int32
		want  []int // marked positions of ref
	}{
		{"one candidate", []int32{1, 2, 3, 4, 5}, [][]int32{{2, 5, 3, 4}}, []int{1, 2, 3}},
		{"nothing common", []int32{1, 2, 3, 4, 5}, [][]int32{{8, 9}}, []int{}},
		{"union", []int32{1, 2, 3, 4, 5}, [][]int32{{1, 2, 6, 7, 8}, {1, 3, 8, 9, 5}}, []int{0, 1, 2, 4}},
		{"empty candidate", []int32{1, 2}, [][]int32{{}}, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lm lcsMarker
			marked := make([]bool, len(tt.ref))
			for _, c := range tt.cands {
				lm.mark(tt.ref, c, marked)
			}
			got := []int{}
			for i, m := range marked {
				if m {
					got = append(got, i)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestLCSMarkerLargeTables checks that the checkpointed read-out of tables
// above fullTableCells picks the very subsequence a whole table gives.
func TestLCSMarkerLargeTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range [][2]int{{1100, 1000}, {3000, 400}, {400, 3000}} {
		ref := randomTokens(rng, size[0], 30)
		cand := randomTokens(rng, size[1], 30)
		require.Greater(t, (len(ref)+1)*(len(cand)+1), fullTableCells)

		var lm lcsMarker
		got := make([]bool, len(ref))
		lm.mark(ref, cand, got)
		assert.Equal(t, markWholeTable(ref, cand), got)
	}
}

func randomTokens(rng *rand.Rand, n, vocab int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(rng.IntN(vocab))
	}
	return out
}

// markWholeTable is rouge-score's _lcs_table and _backtrack_norec, written
// plainly.
func markWholeTable(ref, cand []int32) []bool {
	t := make([][]int, len(ref)+1)
	for i := range t {
		t[i] = make([]int, len(cand)+1)
	}
	for i := 1; i <= len(ref); i++ {
		for j := 1; j <= len(cand); j++ {
			if ref[i-1] == cand[j-1] {
				t[i][j] = t[i-1][j-1] + 1
			} else {
				t[i][j] = max(t[i-1][j], t[i][j-1])
			}
		}
	}
	marked := make([]bool, len(ref))
	i, j := len(ref), len(cand)
	for i > 0 && j > 0 {
		switch {
		case ref[i-1] == cand[j-1]:
			marked[i-1] = true
			i--
			j--
		case t[i][j-1] > t[i-1][j]:
			j--
		default:
			i--
		}
	}
	return marked
}

// TestSummaryLevelCounts checks rouge-score's testSummaryLevelLcs and that a
// token in the union of several reference sentences counts only as often as
// the prediction has it.
func TestSummaryLevelCounts(t *testing.T) {
	got := rougeLsum([][]int32{{1, 2, 3, 4, 5}}, [][]int32{{1, 2, 6, 7, 8}, {1, 3, 8, 9, 5}}, 10)
	assert.InDelta(t, 0.8, got.Recall, 1e-12)
	assert.InDelta(t, 0.4, got.Precision, 1e-12)

	got = rougeLsum([][]int32{{0}}, [][]int32{{}}, 1)
	assert.Equal(t, Score{}, got)

	// "a" is in the union of both reference sentences but once in the
	// prediction, so it is one hit, not two.
	got = Scorer{}.RougeLsum("a b\na c", "a")
	assert.InDelta(t, 1.0, got.Precision, 1e-12)
	assert.InDelta(t, 0.25, got.Recall, 1e-12)
}

func TestAllMatchesMethods(t *testing.T) {
	ref := readFixture(t, "target_multi.0.txt")
	pred := readFixture(t, "prediction_multi.0.txt")
	for _, stem := range []bool{false, true} {
		s := Scorer{Stem: stem}
		assert.Equal(t, Scores{
			Rouge1:    s.Rouge1(ref, pred),
			Rouge2:    s.Rouge2(ref, pred),
			RougeL:    s.RougeL(ref, pred),
			RougeLsum: s.RougeLsum(ref, pred),
		}, s.All(ref, pred))
	}
}

func TestMean(t *testing.T) {
	var m Mean
	assert.Equal(t, Score{}, m.Score(), "empty")
	assert.Equal(t, 0, m.N())

	m.Add(Score{Precision: 1, Recall: 0.5, F1: 2.0 / 3})
	m.Add(Score{})
	assert.Equal(t, 2, m.N())
	got := m.Score()
	assert.InDelta(t, 0.5, got.Precision, 1e-12)
	assert.InDelta(t, 0.25, got.Recall, 1e-12)
	assert.InDelta(t, 1.0/3, got.F1, 1e-12)
}

func FuzzRouge(f *testing.F) {
	f.Add("testing one two", "testing", true)
	f.Add("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", false)
	f.Add("The officials said\nrunning dogs", "dogs ran\n\nofficial", true)
	f.Add("café İstanbul \u212a", "caf\xff", true)
	f.Add("", "", false)
	for _, name := range []string{"target.txt", "target_multi.0.txt"} {
		b, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err == nil {
			f.Add(string(b), strings.ToUpper(string(b)), true)
		}
	}
	f.Fuzz(func(t *testing.T, ref, pred string, stem bool) {
		s := Scorer{Stem: stem}
		all := s.All(ref, pred)
		for _, sc := range []Score{all.Rouge1, all.Rouge2, all.RougeL, all.RougeLsum} {
			for _, v := range []float64{sc.Precision, sc.Recall, sc.F1} {
				require.False(t, math.IsNaN(v), "%+v", all)
				require.GreaterOrEqual(t, v, 0.0, "%+v", all)
				require.LessOrEqual(t, v, 1.0, "%+v", all)
			}
		}

		swapped := s.Rouge1(pred, ref)
		assert.Equal(t, all.Rouge1.F1, swapped.F1, "rouge1 f1 symmetric")
		assert.Equal(t, all.Rouge1.Precision, swapped.Recall, "rouge1 precision and recall swap")

		same := s.All(ref, ref)
		one := Score{Precision: 1, Recall: 1, F1: 1}
		if n := len(s.Tokens(ref)); n > 0 {
			assert.Equal(t, one, same.Rouge1, "identical rouge1")
			assert.Equal(t, one, same.RougeL, "identical rougeL")
			assert.Equal(t, one, same.RougeLsum, "identical rougeLsum")
			if n > 1 {
				assert.Equal(t, one, same.Rouge2, "identical rouge2")
			}
		} else {
			assert.Equal(t, Scores{}, same, "no tokens")
		}
	})
}

func BenchmarkScorer(b *testing.B) {
	ref := readFixture(b, "target_multi.0.txt")
	pred := readFixture(b, "prediction_multi.0.txt")
	cases := []struct {
		name      string
		ref, pred string
	}{
		{"summary", ref, pred},
		// About an article's length: ten times the fixtures, 20 and 40 lines.
		{"article", strings.Repeat(ref, 10), strings.Repeat(pred, 10)},
	}
	s := Scorer{Stem: true}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.All(c.ref, c.pred)
			}
		})
	}
}
