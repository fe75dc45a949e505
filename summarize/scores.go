package summarize

import (
	"math"

	"keypoints/summarize/internal/tagger"
)

// The scores stage rates how much each sentence deserves to be a key point. News is written in inverted-pyramid
// style, so position dominates; the other signals decide between sentences of similar rank and let an important
// later sentence rise. Every weight is here, with its reason.
const (
	// Position: the lead carries the story. The prior falls off as 1/(1+k/posHalf), so the sentence at posHalf
	// counts half the lead.
	weightPosition = 1.0
	posHalf        = 4.5
	// Centrality: a sentence that shares the document's main vocabulary states what the text is about. Where a
	// reading weighs position too, tuned.centrality sets the balance.
	weightCentrality = 1.0
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
	// Teasers look for what draws a reader in rather than what informs: quotes, questions, surprises.
	teaserQuoteBonus    = 0.7
	teaserQuestionBonus = 0.6
	teaserPositionShare = 0.5 // of the position prior kept: a teaser need not retell the lead
)

// signals are what the scores stage measures of one sentence, before any weighing: each type of summary weighs
// them its own way (see weigh), so no later stage has to undo a weight to apply its own.
type signals struct {
	position   float64 // the position prior, 1 for the lead and falling from there (see positionPrior)
	centrality float64 // cosine to the document's centroid
	title      float64 // cosine to the input's own headline; 0 when it has none
	info       float64 // share of names and figures among the words, capped, as a fraction of the cap
	quote      bool
	question   bool
	dangling   bool
	short      bool // under shortWords words
	long       bool // over longWords words
	words      int
}

// positionPrior is the weight of the k-th sentence (from 0) of a run written top-down: the text, or a section
// under a heading.
func positionPrior(k int) float64 {
	return 1 / (1 + float64(k)/posHalf)
}

// measure computes the signals of every sentence.
func measure(a *analysis) []signals {
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
	out := make([]signals, n)
	for i := range a.sents {
		f := &a.sents[i]
		sg := signals{
			position:   positionPrior(i),
			centrality: f.vec.dotDense(centroid),
			quote:      f.quote,
			question:   f.question,
			dangling:   f.dangling,
			short:      f.words < shortWords,
			long:       f.words > longWords,
			words:      f.words,
		}
		if title != nil {
			sg.title = f.vec.dot(title)
		}
		if f.words > 0 {
			sg.info = math.Min(float64(f.proper+f.numbers)/float64(f.words), infoCap) / infoCap
		}
		out[i] = sg
	}
	return out
}

// reading is how one kind of text is read for its points. News and reports are written top-down, so their lead
// carries them; a story, a meeting, an encyclopedia article or a set of reviews is not, and its points are the
// sentences that share most of the vocabulary of the whole. Each weight is 0 or 1 on purpose: which signals a kind
// is read by follows from how it is written, and a fitted weight per kind would fit the few texts of each kind we
// have rather than the kind.
type reading struct {
	position   float64 // weight of the position prior, here and within sections under headings
	centrality float64 // weight of the cosine to the centroid
	// extras are the title echo and the share of names and figures: what a news reader comes for.
	extras bool
	// lead says the opening states what the whole finds, so the points follow the text's order, not its sections:
	// no position prior within sections, and no theme is owed a point.
	lead bool
}

// readings by kind of text. A report's opening states what it finds, and its points are those statements, not
// the vocabulary its sections share, so it is read by position alone; news, chats and text of no clear kind weigh
// the lead and the centre alike.
var readings = map[string]reading{
	TextNews:       {position: 1, centrality: 1, extras: true},
	TextGeneral:    {position: 1, centrality: 1, extras: true},
	TextDocs:       {position: 1, centrality: 1, extras: true},
	TextEmail:      {position: 1, centrality: 1, extras: true},
	TextNotes:      {position: 1, centrality: 1, extras: true},
	TextChat:       {position: 1, centrality: 1, extras: true},
	TextReport:     {position: 1, lead: true},
	TextReference:  {centrality: 1},
	TextStory:      {centrality: 1},
	TextTranscript: {centrality: 1},
	TextReviews:    {centrality: 1},
}

// tuning holds the weights chosen on the development sets, by cross-validation (eval_test.go, `make eval-cv`): a
// variable so that the evaluation can try the others of its grid, and the only one that does so.
type tuning struct {
	// centrality multiplies weightCentrality in the readings that weigh position too: the balance between the lead
	// and the centre. A reading by centrality alone needs no balance.
	centrality float64
	// A long text is summarized at more length by its readers, while the caller fixes the number of points;
	// fuller sentences carry the difference. Past longText words, every sentence gains length per natural-log
	// unit of its words (up to longWords, past which it pays penaltyLong): 0.2 is about a third of a sentence's
	// centrality between a seven-word and a 45-word sentence.
	length   float64
	longText int
}

var tuned = tuning{centrality: 1.5, length: 0.2, longText: 1500}

// weighting is how one type of summary values the signals.
type weighting struct {
	position float64 // multiplies the reading's position weight
	quote    float64 // added for a quote (negative: a penalty)
	question float64 // added for a question
}

// Weightings: key points, tldr and headlines inform, so quotes and questions pay; a teaser draws a reader in, so
// they earn a bonus instead, and the lead counts less, since a teaser need not retell it.
var (
	informWeighting = weighting{position: 1, quote: -penaltyQuote, question: -penaltyQuestion}
	teaserWeighting = weighting{position: teaserPositionShare, quote: teaserQuoteBonus, question: teaserQuestionBonus}
)

// weigh rates every sentence from its signals as the kind's reading and the type's weighting ask; higher is
// better. long says the text has tuned.longText words or more. Scores are comparable within one document only.
func weigh(sigs []signals, r reading, w weighting, long bool) []float64 {
	out := make([]float64, len(sigs))
	for i, sg := range sigs {
		s := w.position * r.position * weightPosition * sg.position
		c := r.centrality * weightCentrality
		if r.position > 0 {
			c *= tuned.centrality
		}
		s += c * sg.centrality
		if r.extras {
			s += weightTitle * sg.title
			s += weightInfo * sg.info
		}
		if long && sg.words > 0 {
			s += tuned.length * math.Log(float64(min(sg.words, longWords)))
		}
		if sg.quote {
			s += w.quote
		}
		if sg.question {
			s += w.question
		}
		if sg.dangling {
			s -= penaltyDangling
		}
		if sg.short {
			s -= penaltyShort
		}
		if sg.long {
			s -= penaltyLong
		}
		out[i] = s
	}
	return out
}

// titleTerms returns the term ids of the document's title that occur in its sentences.
func (a *analysis) titleTerms() []int32 {
	var out []int32
	var buf []byte
	for _, t := range tagger.Tokenize(a.doc.Title, 0) {
		if buf = appendTermKey(buf[:0], t.Text); len(buf) > 0 {
			if id, ok := a.ids.Find(buf); ok {
				out = append(out, int32(id))
			}
		}
	}
	return out
}
