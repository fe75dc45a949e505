package summarize

import (
	"fmt"
	"sort"
)

// The keypoints stage picks the sentences that become points, builds each point, and assembles the Summary. It
// picks greedily by score, less a penalty for saying again what a chosen point says (maximal marginal relevance),
// plus a bonus for a theme that has no point yet, so a short summary spreads over the story instead of repeating
// its lead.
const (
	redundancyWeight = 0.6  // how much similarity to a chosen point costs
	redundancyMax    = 0.5  // above this cosine a sentence says what a chosen point says: never picked
	spreadBonus      = 0.15 // for the first point of a theme
	minPointWords    = 5
	// Teasers look for what draws a reader in rather than what informs: quotes, questions, surprises.
	teaserQuoteBonus    = 0.7
	teaserQuestionBonus = 0.6
	teaserPositionShare = 0.5 // of the position prior kept: a teaser need not retell the lead
)

// pointCounts is how many points each length gives, per type.
var pointCounts = map[string]map[string]int{
	TypeKeyPoints: {LengthShort: 3, LengthMedium: 5, LengthLong: 7},
	TypeTLDR:      {LengthShort: 1, LengthMedium: 3, LengthLong: 5},
	TypeTeaser:    {LengthShort: 1, LengthMedium: 3, LengthLong: 5},
	TypeHeadline:  {LengthShort: 1, LengthMedium: 1, LengthLong: 1},
}

// withDefaults fills zero fields and checks the others.
func (o Options) withDefaults() (Options, error) {
	if o.Type == "" {
		o.Type = TypeKeyPoints
	}
	if o.Length == "" {
		o.Length = LengthShort
	}
	if o.Format == "" {
		o.Format = FormatMarkdown
	}
	if _, ok := pointCounts[o.Type]; !ok {
		return o, fmt.Errorf("%w: type %q is not one of key-points, tldr, teaser, headline", ErrInvalidOptions, o.Type)
	}
	if _, ok := pointCounts[o.Type][o.Length]; !ok {
		return o, fmt.Errorf("%w: length %q is not one of short, medium, long", ErrInvalidOptions, o.Length)
	}
	switch o.Format {
	case FormatMarkdown, FormatPlainText, FormatJSON:
	default:
		return o, fmt.Errorf("%w: format %q is not one of markdown, plain-text, json", ErrInvalidOptions, o.Format)
	}
	return o, nil
}

// summarizeDoc runs the summarizing stages over a parsed document.
func summarizeDoc(doc *Document, opts Options) (*Summary, error) {
	a := analyze(doc)
	scores := score(a)
	themes, err := findThemes(a, scores)
	if err != nil {
		return nil, err
	}
	themeOf := make([]int, len(doc.Sentences))
	for t, th := range themes {
		for _, i := range th.sents {
			themeOf[i] = t
		}
	}
	ranked := scores
	if opts.Type == TypeTeaser {
		ranked = teaserScores(a, scores)
	}
	points := pick(a, ranked, themeOf, pointCounts[opts.Type][opts.Length], opts.Type == TypeKeyPoints)
	sum := &Summary{
		Type: opts.Type, Length: opts.Length, Format: opts.Format, Title: doc.Title,
		Themes: make([]Theme, len(themes)), KeyPoints: make([]KeyPoint, 0, len(points)),
		Sentences: make([]SentenceRef, len(doc.Sentences)),
		Stats:     Stats{Words: doc.Words, Sentences: len(doc.Sentences)},
	}
	for i, s := range doc.Sentences {
		sum.Sentences[i] = SentenceRef{Span: s.Span, Paragraph: s.Paragraph}
	}
	for _, p := range doc.Paragraphs {
		if len(p.Sentences) > 0 {
			sum.Stats.Paragraphs++
		}
	}
	for t, th := range themes {
		sum.Themes[t] = Theme{Label: th.label, LabelSource: th.source, Sentences: th.sents, KeyPoints: []int{}}
	}
	// Key points read in the order of the story: by theme, then by position. A headline or a single sentence is
	// simply the best one.
	sort.SliceStable(points, func(x, y int) bool {
		tx, ty := themeOf[points[x].sent], themeOf[points[y].sent]
		if opts.Type != TypeKeyPoints || tx == ty {
			return points[x].sent < points[y].sent
		}
		return tx < ty
	})
	lo, hi := bounds(scores)
	for _, p := range points {
		t := themeOf[p.sent]
		sum.Themes[t].KeyPoints = append(sum.Themes[t].KeyPoints, len(sum.KeyPoints))
		norm := 1.0
		if hi > lo {
			norm = (scores[p.sent] - lo) / (hi - lo)
		}
		sum.KeyPoints = append(sum.KeyPoints, KeyPoint{Text: p.text, Theme: t, Sentence: p.sent, Spans: p.spans, Score: round3(norm)})
	}
	if opts.Type == TypeHeadline && len(sum.KeyPoints) > 0 {
		shortenHeadline(a, &sum.KeyPoints[0], opts.Length)
	}
	sum.Text = render(sum)
	return sum, nil
}

// pick chooses up to n points greedily. When spread is set, a theme's first point earns a bonus.
func pick(a *analysis, scores []float64, themeOf []int, n int, spread bool) []point {
	var chosen []point
	covered := map[int]bool{}
	built := make(map[int]*point)
	refused := make([]bool, len(scores))
	for len(chosen) < n {
		best, bestVal := -1, 0.0
		for i := range scores {
			if refused[i] {
				continue
			}
			if a.sents[i].words < minPointWords {
				continue
			}
			red := 0.0
			for _, c := range chosen {
				red = max(red, a.sents[i].vec.dot(a.sents[c.sent].vec))
			}
			if red > redundancyMax {
				continue
			}
			v := scores[i] - redundancyWeight*red
			if spread && !covered[themeOf[i]] {
				v += spreadBonus
			}
			if best < 0 || v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		p, ok := built[best], true
		if p == nil {
			var q point
			q, ok = compress(a, best)
			p = &q
			built[best] = p
		}
		if !ok || p.words < minPointWords-1 {
			refused[best] = true
			continue
		}
		chosen = append(chosen, *p)
		covered[themeOf[best]] = true
		refused[best] = true
	}
	return chosen
}

// teaserScores favours what draws a reader in: a complete quote, a question, less of the lead.
func teaserScores(a *analysis, scores []float64) []float64 {
	out := make([]float64, len(scores))
	for i, s := range scores {
		f := &a.sents[i]
		pos := weightPosition / (1 + float64(i)/posHalf)
		s -= (1 - teaserPositionShare) * pos
		if f.quote {
			s += penaltyQuote + teaserQuoteBonus
		}
		if f.question {
			s += penaltyQuestion + teaserQuestionBonus
		}
		out[i] = s
	}
	return out
}

func bounds(xs []float64) (lo, hi float64) {
	for i, x := range xs {
		if i == 0 || x < lo {
			lo = x
		}
		if i == 0 || x > hi {
			hi = x
		}
	}
	return lo, hi
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
