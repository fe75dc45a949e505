package rouge

// Mean averages Scores over many articles, each field on its own, as
// rouge-score's aggregators do: the mean F1 is the mean of the per-article
// F1 values, not the F1 of the mean precision and recall. The zero value is
// an empty mean, ready to use.
type Mean struct {
	n   int
	sum Score
}

// Add counts one article's score.
func (m *Mean) Add(s Score) {
	m.n++
	m.sum.Precision += s.Precision
	m.sum.Recall += s.Recall
	m.sum.F1 += s.F1
}

// N returns how many scores were added.
func (m *Mean) N() int { return m.n }

// Score returns the mean of the added scores, or a zero Score when none
// were added.
func (m *Mean) Score() Score {
	if m.n == 0 {
		return Score{}
	}
	n := float64(m.n)
	return Score{
		Precision: m.sum.Precision / n,
		Recall:    m.sum.Recall / n,
		F1:        m.sum.F1 / n,
	}
}
