package rouge

// Score is one ROUGE result. Every field is in [0, 1]; all three are 0 when
// the reference or the prediction has no tokens.
type Score struct {
	Precision float64 // matched units over the prediction's units
	Recall    float64 // matched units over the reference's units
	F1        float64 // harmonic mean of Precision and Recall, 0 when both are 0
}

// newScore builds a Score the way rouge-score's scoring.fmeasure does, with
// the same operation order so results agree to the last bit.
func newScore(precision, recall float64) Score {
	f := 0.0
	if precision+recall > 0 {
		f = 2 * precision * recall / (precision + recall)
	}
	return Score{Precision: precision, Recall: recall, F1: f}
}

// Scores holds the four metrics the project reports for one article.
type Scores struct {
	Rouge1    Score
	Rouge2    Score
	RougeL    Score
	RougeLsum Score
}

// Scorer computes ROUGE scores as rouge-score's RougeScorer does. The zero
// value does not stem, which is rouge-score's default; the project reports
// with Stem set, matching use_stemmer=True. A Scorer holds no state, so one
// value may be used from many goroutines.
//
// Every method takes the reference (gold) text first and the prediction
// second. Texts may hold any bytes: only ASCII letters and digits (and the
// two non-ASCII letters whose Python lowercase is ASCII) make tokens.
type Scorer struct {
	Stem bool // Porter-stem tokens longer than 3 characters, as NLTK does
}

// Tokens returns the tokens of text as rouge-score's DefaultTokenizer makes
// them: lowercased, split at every run of characters other than a-z and 0-9
// (so "café" gives "caf"), and stemmed when s.Stem is set. The result is
// empty, not nil, when text has no tokens.
func (s Scorer) Tokens(text string) []string {
	v := newVocab(s.Stem)
	ids := v.appendIDs(nil, text)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = v.words[id]
	}
	return out
}

// Rouge1 returns ROUGE-1: unigram overlap, each unigram counted at most as
// often as it occurs in the other text.
func (s Scorer) Rouge1(ref, pred string) Score { return s.RougeN(1, ref, pred) }

// Rouge2 returns ROUGE-2: bigram overlap with clipped counts, as Rouge1. A
// text with fewer than two tokens has no bigrams and scores 0.
func (s Scorer) Rouge2(ref, pred string) Score { return s.RougeN(2, ref, pred) }

// RougeN returns ROUGE-N for n-grams of n tokens over the whole texts,
// newlines included. It returns a zero Score for n < 1, where rouge-score
// raises an error.
func (s Scorer) RougeN(n int, ref, pred string) Score {
	if n < 1 {
		return Score{}
	}
	v := newVocab(s.Stem)
	r := v.appendIDs(nil, ref)
	p := v.appendIDs(nil, pred)
	return rougeN(n, r, p, len(v.words))
}

// RougeL returns sentence-level ROUGE-L: the longest common subsequence of
// the two whole token lists, newlines ignored. Its time grows with the
// product of the two token counts; memory only with the prediction's.
func (s Scorer) RougeL(ref, pred string) Score {
	v := newVocab(s.Stem)
	return rougeL(v.appendIDs(nil, ref), v.appendIDs(nil, pred))
}

// RougeLsum returns summary-level ROUGE-L over texts with one sentence a
// line: for each reference sentence, the union of its longest common
// subsequences with every predicted sentence, counted so that no token
// matches more often than it occurs in either text. Empty lines are
// skipped. For texts of one line each it equals RougeL. Time grows with the
// product of the two token counts, as for RougeL.
func (s Scorer) RougeLsum(ref, pred string) Score {
	v := newVocab(s.Stem)
	return rougeLsum(v.sentences(ref), v.sentences(pred), len(v.words))
}

// All returns the four metrics the project reports, tokenizing each text
// once for ROUGE-1, ROUGE-2 and ROUGE-L.
func (s Scorer) All(ref, pred string) Scores {
	v := newVocab(s.Stem)
	r := v.appendIDs(nil, ref)
	p := v.appendIDs(nil, pred)
	var out Scores
	out.Rouge1 = rougeN(1, r, p, len(v.words))
	out.Rouge2 = rougeN(2, r, p, len(v.words))
	out.RougeL = rougeL(r, p)
	// The sentences reuse v, whose cache already holds every stem.
	out.RougeLsum = rougeLsum(v.sentences(ref), v.sentences(pred), len(v.words))
	return out
}

// rougeN scores token id lists whose ids are below nWords.
func rougeN(n int, ref, pred []int32, nWords int) Score {
	r, p, nGrams := ngramIDs(n, ref, pred, nWords)
	// Each reference n-gram takes one unused occurrence from the prediction,
	// which sums min(count in ref, count in pred) over distinct n-grams.
	left := make([]int32, nGrams)
	for _, g := range p {
		left[g]++
	}
	overlap := 0
	for _, g := range r {
		if left[g] > 0 {
			left[g]--
			overlap++
		}
	}
	return newScore(
		float64(overlap)/float64(max(len(p), 1)),
		float64(overlap)/float64(max(len(r), 1)),
	)
}

// ngramIDs numbers the n-grams of ref and pred: entry i of each result
// identifies the n-gram starting at token i, and equal n-grams get equal
// ids below the returned count. An n-gram of length k is numbered from the
// pair (id of its first k-1 tokens, its last token), so no n-gram is ever
// copied or hashed whole.
func ngramIDs(n int, ref, pred []int32, nWords int) (r, p []int32, count int) {
	r, p, count = ref, pred, nWords
	for k := 2; k <= n; k++ {
		if len(ref) < k && len(pred) < k {
			return nil, nil, 0
		}
		// A fresh table per length keeps ids of different lengths apart.
		pairs := make(map[uint64]int32)
		extend := func(grams, toks []int32) []int32 {
			if len(toks) < k {
				return nil
			}
			next := make([]int32, len(toks)-k+1)
			for i := range next {
				key := uint64(uint32(grams[i]))<<32 | uint64(uint32(toks[i+k-1]))
				id, ok := pairs[key]
				if !ok {
					id = int32(len(pairs))
					pairs[key] = id
				}
				next[i] = id
			}
			return next
		}
		r = extend(r, ref)
		p = extend(p, pred)
		count = len(pairs)
	}
	return r, p, count
}

func rougeL(ref, pred []int32) Score {
	if len(ref) == 0 || len(pred) == 0 {
		return Score{}
	}
	lcs := float64(lcsLength(ref, pred))
	return newScore(lcs/float64(len(pred)), lcs/float64(len(ref)))
}

// rougeLsum follows rouge-score's _summary_level_lcs, including its
// hit counting: a token found in a union LCS counts only while it has
// occurrences left in both texts, as in ROUGE-1.5.5.
func rougeLsum(refs, preds [][]int32, nWords int) Score {
	m, n := 0, 0
	longest := 0
	for _, s := range refs {
		m += len(s)
		longest = max(longest, len(s))
	}
	for _, s := range preds {
		n += len(s)
	}
	if m == 0 || n == 0 {
		return Score{}
	}

	leftRef := make([]int32, nWords)
	leftPred := make([]int32, nWords)
	for _, s := range refs {
		for _, t := range s {
			leftRef[t]++
		}
	}
	for _, s := range preds {
		for _, t := range s {
			leftPred[t]++
		}
	}

	var lm lcsMarker
	union := make([]bool, longest)
	hits := 0
	for _, r := range refs {
		inUnion := union[:len(r)]
		clear(inUnion)
		for _, p := range preds {
			lm.mark(r, p, inUnion)
		}
		for i, in := range inUnion {
			if t := r[i]; in && leftRef[t] > 0 && leftPred[t] > 0 {
				hits++
				leftRef[t]--
				leftPred[t]--
			}
		}
	}
	return newScore(float64(hits)/float64(n), float64(hits)/float64(m))
}
