package summarize

import (
	"keypoints/summarize/internal/tagger"
	"math"
)

// The scores stage rates how much each sentence deserves to be a key point. News is written in inverted-pyramid
// style, so position dominates; the other signals decide between sentences of similar rank and let an important
// later sentence rise. Every weight is here, with its reason.
const (
	// Position: the lead carries the story. The prior falls off as 1/(1+k/posHalf), so the sentence at posHalf
	// counts half the lead.
	weightPosition = 1.0
	posHalf        = 4.5
	// Centrality: a sentence that shares the document's main vocabulary states what the story is about.
	weightCentrality = 1.5
	// Title: when the input has its own headline, sentences that echo it are on topic.
	weightTitle = 0.3
	// Informativeness: names and figures are what readers come for ("110 drones", "Keir Starmer").
	weightInfo = 0.3
	infoCap    = 0.35 // share of words that are names or figures above which more is not better
	// Penalties for sentences that make weak points on their own.
	penaltyQuote    = 0.15 // quotes colour a story; the facts are in the reporting around them
	penaltyQuestion = 0.5  // a question is not a point
	penaltyDangling = 1.0  // opens with "It", "This", "They": meaningless alone
	penaltyShort    = 0.3  // under shortWords words: a fragment, a caption, a sign-off
	shortWords      = 7
	longWords       = 45 // past this a sentence is a paragraph in disguise; it costs the reader
	penaltyLong     = 0.2
)

// score rates every sentence; higher is better. Scores are comparable within one document only.
func score(a *analysis) []float64 {
	n := len(a.sents)
	all := make([]vector, n)
	for i := range a.sents {
		all[i] = a.sents[i].vec
	}
	// The centroid holds every word of the text, so it is spread into an array by term id: a merge with each
	// sentence would cost sentences × vocabulary, quadratic on long inputs. Products still add in term order.
	centroid := make([]float64, len(a.idf))
	for _, t := range a.sum(all...) {
		centroid[t.id] = t.w
	}
	var title vector
	if a.doc.Title != "" {
		title = a.weigh(a.titleTerms())
	}
	out := make([]float64, n)
	for i := range a.sents {
		f := &a.sents[i]
		s := weightPosition / (1 + float64(i)/posHalf)
		s += weightCentrality * f.vec.dotDense(centroid)
		if title != nil {
			s += weightTitle * f.vec.dot(title)
		}
		if f.words > 0 {
			s += weightInfo * math.Min(float64(f.proper+f.numbers)/float64(f.words), infoCap) / infoCap
		}
		if f.quote {
			s -= penaltyQuote
		}
		if f.question {
			s -= penaltyQuestion
		}
		if f.dangling {
			s -= penaltyDangling
		}
		if f.words < shortWords {
			s -= penaltyShort
		}
		if f.words > longWords {
			s -= penaltyLong
		}
		out[i] = s
	}
	return out
}

// titleTerms returns the term ids of the document's title that occur in its sentences.
func (a *analysis) titleTerms() []int32 {
	var out []int32
	for _, t := range tagger.Tokenize(a.doc.Title, 0) {
		if id, ok := a.ids[termKey(t.Text)]; ok {
			out = append(out, id)
		}
	}
	return out
}
