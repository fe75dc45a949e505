package summarize

import "math"

// oneThemeWords is the length under which a text is one theme: about two minutes of reading (silent reading of
// non-fiction runs near 238 words a minute). A story of a few hundred words is one subject to its reader even
// where its paragraphs change vocabulary. Past it, the number of themes follows the text (segmentByLength).
const oneThemeWords = 480

// segmentByLength chooses, among the candidate gaps, the cuts that make the text shortest to describe: every run
// of units is a bag of content words drawn from a distribution of its own, and a run is cheap when its words
// repeat within it. This is Utiyama and Isahara's segmentation model with the run's distribution integrated out
// under the uniform prior (the Dirichlet of Laplace's rule, as in Eisenstein and Barzilay's Bayesian segmenter):
//
//	cost(run) = −log P(words of the run) = Σ_{t<n} log(t + V) − Σ_w log f_w!
//
// for a run of n words, f_w of them the word w, over the text's V distinct words; and every run pays log N, N the
// words of the whole text, for saying where it starts (their prior on the number of runs). The two halves of a run
// that reads alike throughout cost more apart than together, since each half must learn the same words afresh;
// two stories pasted together cost less apart, since neither has to make room for the other's words. So the
// number of themes follows the text without a threshold of its own: the prior is the uninformed one, and the price
// of a run is the length of its address.
//
// cands are the unit indexes where a run may start, ascending; the result is the chosen ones, ascending. A run
// holds at least minRun units and minThemeSentences sentences; there are at most maxThemes runs. The cost of every
// run of candidate blocks is counted once, so the work is the number of candidates times the words, and the
// choice is quadratic in the candidates alone.
func segmentByLength(a *analysis, units [][2]int, cands []int, minRun int) []int {
	m := len(units)
	bounds := append(append([]int{0}, cands...), m) // blocks lie between consecutive bounds
	nb := len(bounds) - 1
	runs := maxThemes
	if nb < 2 {
		return nil
	}
	// sentsOf(b) is the sentence range of block b; its terms are read from the sentences each time, not copied.
	sentsOf := func(b int) (int, int) { return units[bounds[b]][0], units[bounds[b+1]-1][1] }
	first, _ := sentsOf(0)
	_, last := sentsOf(nb - 1)
	total, vocab := 0, 0
	seen := make([]bool, len(a.idf))
	for i := first; i < last; i++ {
		for _, id := range a.sents[i].terms {
			total++
			if !seen[id] {
				seen[id] = true
				vocab++
			}
		}
	}
	if total == 0 {
		return nil
	}
	// logs[k] = log k, so that the counting below costs no logarithm.
	logs := make([]float64, total+vocab+1)
	for k := 1; k < len(logs); k++ {
		logs[k] = math.Log(float64(k))
	}
	price := logs[total]
	// cost[i][j] is the cost of the run of blocks [i, j), its price included; f counts the run's words by term.
	cost := make([][]float64, nb)
	f := make([]int, len(a.idf))
	for i := range cost {
		cost[i] = make([]float64, nb+1)
		s, n := 0.0, 0
		for j := i + 1; j <= nb; j++ {
			from, to := sentsOf(j - 1)
			for k := from; k < to; k++ {
				for _, id := range a.sents[k].terms {
					f[id]++
					s += logs[n+vocab] - logs[f[id]]
					n++
				}
			}
			cost[i][j] = s + price
		}
		from, _ := sentsOf(i)
		for k := from; k < last; k++ {
			for _, id := range a.sents[k].terms {
				f[id] = 0
			}
		}
	}
	short := func(i, j int) bool {
		from, _ := sentsOf(i)
		_, to := sentsOf(j - 1)
		return bounds[j]-bounds[i] < minRun || to-from < minThemeSentences
	}
	// best[c][j] is the least cost of blocks [0, j) cut into c+1 runs, from[c][j] the block its last run starts at.
	inf := math.Inf(1)
	best := make([][]float64, runs)
	from := make([][]int, runs)
	for c := range best {
		best[c] = make([]float64, nb+1)
		from[c] = make([]int, nb+1)
		for j := range best[c] {
			best[c][j] = inf
		}
	}
	for j := 1; j <= nb; j++ {
		if !short(0, j) {
			best[0][j] = cost[0][j]
		}
	}
	for c := 1; c < runs; c++ {
		for j := 2; j <= nb; j++ {
			for i := 1; i < j; i++ {
				if best[c-1][i] == inf || short(i, j) {
					continue
				}
				if v := best[c-1][i] + cost[i][j]; v < best[c][j] {
					best[c][j], from[c][j] = v, i
				}
			}
		}
	}
	k := 0 // runs - 1 of the cheapest segmentation; ties go to fewer runs
	for c := range best {
		if best[c][nb] < best[k][nb] {
			k = c
		}
	}
	if best[k][nb] == inf {
		return nil
	}
	out := make([]int, k)
	for c, j := k, nb; c > 0; c-- {
		j = from[c][j]
		out[c-1] = bounds[j]
	}
	return out
}
