package summarize

import (
	"cmp"
	"container/heap"
	"slices"
	"strconv"
	"strings"
)

// The keypoints stage picks the sentences that become points, builds each point, and assembles the Summary. It
// picks greedily by score, less a penalty for saying again what a chosen point says (maximal marginal relevance).
// Under the writer's headings every section is owed a point and the rest go to the best, with a bonus for a
// section that has none yet, so a short summary spreads over the text instead of repeating its lead. Themes found
// without headings are guesses, and owe nothing: a bonus for them moved news points off the lead (CNN/DM −0.9 R1
// with a theme for every few paragraphs; −0.3 with the bonus kept for summaries with a point for every theme),
// while without one the points are the same however finely the text is cut, and the themes only group them.
const (
	redundancyWeight = 0.3  // how much similarity to a chosen point costs
	redundancyMax    = 0.4  // above this cosine a sentence says what a chosen point says: never picked
	spreadBonus      = 0.15 // for the first point of a section under a heading
	// weightSectionLead is the position prior inside a section under a heading, as strong as the lead's.
	weightSectionLead = weightPosition
	minPointWords     = 5
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
		return o, withDetail(ErrInvalidOptions, "type ", strconv.Quote(o.Type), " is not one of key-points, tldr, teaser, headline")
	}
	if _, ok := pointCounts[o.Type][o.Length]; !ok {
		return o, withDetail(ErrInvalidOptions, "length ", strconv.Quote(o.Length), " is not one of short, medium, long")
	}
	switch o.Format {
	case FormatMarkdown, FormatPlainText, FormatJSON:
	default:
		return o, withDetail(ErrInvalidOptions, "format ", strconv.Quote(o.Format), " is not one of markdown, plain-text, json")
	}
	if o.Kind != "" && !slices.Contains(textKinds, o.Kind) {
		return o, withDetail(ErrInvalidOptions, "kind ", strconv.Quote(o.Kind), " is not one of ", strings.Join(textKinds, ", "))
	}
	return o, nil
}

// summarizeDoc runs the summarizing stages over a parsed document.
func summarizeDoc(doc *Document, opts Options) (*Summary, error) {
	kind := opts.Kind
	if kind == "" {
		kind = detectKind(doc)
	}
	r, long := readings[kind], doc.Words >= tuned.longText
	a := analyze(doc)
	a.turns = kind == TextTranscript || kind == TextChat
	sigs := measure(a)
	scores := weigh(sigs, r, informWeighting, long)
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
		ranked = weigh(sigs, r, teaserWeighting, long)
	}
	if headed(themes) && r.position > 0 && !r.lead {
		ranked = sectionLeads(ranked, themes, r.position)
	}
	points := pick(a, ranked, themes, themeOf, pointCounts[opts.Type][opts.Length], opts.Type == TypeKeyPoints && !r.lead)
	sum := &Summary{
		Type: opts.Type, Length: opts.Length, Format: opts.Format, Kind: kind, Title: doc.Title,
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
	slices.SortStableFunc(points, func(x, y point) int {
		tx, ty := themeOf[x.sent], themeOf[y.sent]
		if opts.Type != TypeKeyPoints || tx == ty {
			return cmp.Compare(x.sent, y.sent)
		}
		return cmp.Compare(tx, ty)
	})
	if opts.Type == TypeHeadline && len(points) > 0 {
		points[0] = shortenHeadline(a, points[0], opts.Length)
	}
	lo, hi := bounds(scores)
	for _, p := range points {
		t := themeOf[p.sent]
		sum.Themes[t].KeyPoints = append(sum.Themes[t].KeyPoints, len(sum.KeyPoints))
		norm := 1.0
		if hi > lo {
			norm = (scores[p.sent] - lo) / (hi - lo)
		}
		sum.KeyPoints = append(sum.KeyPoints, KeyPoint{Text: p.text, Theme: t, Sentence: p.sent, Spans: doc.pieceSpans(p.spans), Score: round3(norm)})
	}
	sum.Entities, sum.Quotes, sum.Figures = []Entity{}, []Quote{}, []Figure{}
	if !opts.SkipFacts {
		sum.Entities = findEntities(doc)
		sum.Quotes = findQuotes(doc, sum.Entities)
		if sum.Figures, err = findFigures(doc); err != nil {
			return nil, err
		}
	}
	sum.Text = render(sum)
	return sum, nil
}

// pick chooses up to n points greedily. When spread is set and the themes are the writer's own sections, every
// section gets its best point first, sections in the order of their best score, so a summary covers the text's
// parts before it deepens any; themes found without headings are guesses, and owe nothing.
func pick(a *analysis, scores []float64, themes []theme, themeOf []int, n int, spread bool) []point {
	if p := pickWith(a, scores, themes, themeOf, n, spread, minPointWords); len(p) > 0 {
		return p
	}
	// A text too short for a proper point ("Hello", a headline pasted alone) still gets its best sentence.
	return pickWith(a, scores, themes, themeOf, 1, spread, 1)
}

// pickWith is pick with a floor on the words of a point.
func pickWith(a *analysis, scores []float64, themes []theme, themeOf []int, n int, spread bool, minWords int) []point {
	var chosen []point
	covered := make([]bool, len(themes))
	built := make(map[int]*point)
	refused := make([]bool, len(scores))
	headed := spread && headed(themes)
	bonus := 0.0
	if headed {
		bonus = spreadBonus
	}
	// value is the marginal value of sentence i: its score, less its likeness to the points chosen, plus the
	// bonus while its theme has no point; ok is false when it may not be picked (any more).
	value := func(i int, bonus float64) (v float64, ok bool) {
		if refused[i] || a.sents[i].words < minWords {
			return 0, false
		}
		red := 0.0
		for _, c := range chosen {
			red = max(red, a.sents[i].vec.dot(a.sents[c.sent].vec))
		}
		if red > redundancyMax {
			return 0, false
		}
		v = scores[i] - redundancyWeight*red
		if !covered[themeOf[i]] {
			v += bonus
		}
		return v, true
	}
	// take builds the point of sentence i and keeps it if the sentence can stand alone.
	take := func(i int) bool {
		p := built[i]
		if p == nil {
			q, ok := compress(a, i)
			if !ok {
				q.words = 0
			}
			p = &q
			built[i] = p
		}
		refused[i] = true
		if p.words < minWords-1 || p.words == 0 {
			return false
		}
		chosen = append(chosen, *p)
		covered[themeOf[i]] = true
		return true
	}
	if headed {
		first := func(i int) (float64, bool) { return value(i, 0) } // a section's first point earns no bonus
		sections := make([]*candidates, len(themes))
		for t, th := range themes {
			sections[t] = newCandidates(th.sents, first)
		}
		for len(chosen) < n {
			// The uncovered section whose best candidate scores highest gets its point.
			bt, bi, bv := -1, -1, 0.0
			for t := range themes {
				if covered[t] {
					continue
				}
				if i, v := sections[t].best(); i >= 0 && (bt < 0 || v > bv) {
					bt, bi, bv = t, i, v
				}
			}
			if bt < 0 {
				break
			}
			take(bi)
		}
	}
	all := make([]int, len(scores))
	for i := range all {
		all[i] = i
	}
	c := newCandidates(all, func(i int) (float64, bool) { return value(i, bonus) })
	for len(chosen) < n {
		i, _ := c.best()
		if i < 0 {
			break
		}
		take(i)
	}
	return chosen
}

// candidates finds the sentence of highest marginal value among a set, lazily. A sentence's value only falls as
// points are chosen (there is more for it to repeat, and fewer themes without a point), so a value once computed
// bounds it from above: the sentence on top of the heap whose value, computed afresh, still tops the heap is the
// best, as a pass over every sentence would find it (ties to the earlier sentence), and a sentence that cannot be
// a point costs a heap operation rather than a pass over the text. A list of thousands of sentences that
// compression refuses one by one stays linear.
type candidates struct {
	heap  candidateHeap
	value func(int) (float64, bool) // the marginal value now; ok is false for a sentence that may not be picked
}

type candidate struct {
	v float64
	i int
}

func newCandidates(sents []int, value func(int) (float64, bool)) *candidates {
	c := &candidates{value: value}
	for _, i := range sents {
		if v, ok := value(i); ok {
			c.heap = append(c.heap, candidate{v, i})
		}
	}
	heap.Init(&c.heap)
	return c
}

// best returns the best sentence and its value, leaving it in the set, or -1.
func (c *candidates) best() (int, float64) {
	h := &c.heap
	for h.Len() > 0 {
		top := heap.Pop(h).(candidate)
		v, ok := c.value(top.i)
		if !ok {
			continue
		}
		top.v = v
		heap.Push(h, top)
		if (*h)[0] == top {
			return top.i, v
		}
	}
	return -1, 0
}

// candidateHeap orders candidates by value, highest first, ties to the earlier sentence.
type candidateHeap []candidate

func (h candidateHeap) Len() int { return len(h) }
func (h candidateHeap) Less(x, y int) bool {
	return h[x].v > h[y].v || h[x].v == h[y].v && h[x].i < h[y].i
}
func (h candidateHeap) Swap(x, y int) { h[x], h[y] = h[y], h[x] }
func (h *candidateHeap) Push(x any)   { *h = append(*h, x.(candidate)) }
func (h *candidateHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sectionLeads adds to each sentence the position prior within its section, weighed as the reading weighs the
// text's: under a heading, writers of top-down text again lead with what matters, and the prior over the whole
// text cannot see that.
func sectionLeads(scores []float64, themes []theme, weight float64) []float64 {
	out := append([]float64(nil), scores...)
	for _, th := range themes {
		for k, i := range th.sents {
			out[i] += weight * weightSectionLead * positionPrior(k)
		}
	}
	return out
}

// headed reports whether the themes come from the input's headings.
func headed(themes []theme) bool {
	for _, th := range themes {
		if th.source == LabelHeading {
			return true
		}
	}
	return false
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
