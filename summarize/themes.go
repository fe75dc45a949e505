package summarize

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"keypoints/summarize/internal/wordset"
)

// The themes stage groups the sentences into runs about one subject. Headings, where the input has them, are the
// writer's own grouping and win. Without them, news still runs in blocks (the event, the reactions, the
// background), and a block boundary shows as a dip in vocabulary shared across it: TextTiling's lexical cohesion,
// which needs no training, is cheap, and keeps themes contiguous so a reader can map them back to the text. The
// dips say where a boundary may lie; how many there are, and which, is decided by how briefly the runs they make
// can be described (themes_segment.go), so that the number of themes follows how the text reads: three stories
// pasted together part where the stories do, and a story that keeps to its subject stays whole.

// Limits of theme discovery.
const (
	tilingWindowParagraphs = 2  // units compared on each side of a gap, when units are paragraphs
	tilingWindowSentences  = 3  // likewise for sentences, which carry less vocabulary each
	minParagraphUnits      = 6  // below this many paragraphs, sentences are the units
	minSentenceUnits       = 10 // below this many sentences, the text is one theme
	minThemeSentences      = 2  // a theme of one sentence is a fragment of its neighbour, not a subject
	maxThemes              = 8
	labelSentences         = 3 // top sentences per theme whose noun phrases may label it; tagging costs
	maxLabelWords          = 4
)

// theme is a run of sentences in normalized terms.
type theme struct {
	label  string
	source string // LabelHeading or LabelKeyphrase
	sents  []int
}

// findThemes returns the themes of the document in order; every sentence is in exactly one.
func findThemes(a *analysis, scores []float64) ([]theme, error) {
	doc := a.doc
	var themes []theme
	// Headings that first appear past the middle of the text are not its outline but lines of a list at its end
	// (credits, a track listing, names standing alone): the text before them would be one theme holding most of
	// it, so its themes are found as if it had no headings.
	hasHeadings := false
	before := 0 // sentences before the first heading
	for _, p := range doc.Paragraphs {
		if p.Kind == KindHeading {
			hasHeadings = 2*before <= len(doc.Sentences)
			break
		}
		before += len(p.Sentences)
	}
	if hasHeadings {
		cur := theme{source: LabelKeyphrase}
		for _, p := range doc.Paragraphs {
			switch p.Kind {
			case KindHeading:
				if len(cur.sents) > 0 {
					themes = append(themes, cur)
				}
				cur = theme{label: collapseSpace(doc.input[p.Start:p.End]), source: LabelHeading}
			case KindText:
				cur.sents = append(cur.sents, p.Sentences...)
			}
		}
		if len(cur.sents) > 0 {
			themes = append(themes, cur)
		}
	} else {
		for _, r := range tile(a) {
			t := theme{source: LabelKeyphrase}
			for i := r[0]; i < r[1]; i++ {
				t.sents = append(t.sents, i)
			}
			themes = append(themes, t)
		}
	}
	if err := labelThemes(a, scores, themes); err != nil {
		return nil, err
	}
	return mergeUnnamed(themes), nil
}

// mergeUnnamed joins every discovered theme that no phrase of its own names to the theme before it (the first to
// the one after): a run with nothing to name it is chit-chat or a fragment of its neighbour, and a second
// "Overview" would tell a reader nothing. A text with no name at all is one theme, its Overview.
func mergeUnnamed(themes []theme) []theme {
	var out []theme
	for _, th := range themes {
		switch {
		case th.label != "" || th.source == LabelHeading:
			out = append(out, th)
		case len(out) > 0 && out[len(out)-1].source != LabelHeading:
			out[len(out)-1].sents = append(out[len(out)-1].sents, th.sents...)
		default:
			out = append(out, th) // named below, or by the theme after it
		}
	}
	// A leading unnamed theme joins the theme after it, when that one was found too.
	if len(out) > 1 && out[0].label == "" && out[1].source != LabelHeading {
		out[1].sents = append(out[0].sents, out[1].sents...)
		out = out[1:]
	}
	for t := range out {
		if out[t].label == "" {
			out[t].label = "Overview"
		}
	}
	return out
}

// tile cuts the sentences into contiguous runs [start, end): the depth scores of lexical cohesion between units
// propose the gaps where a run may start, and segmentByLength picks among them.
func tile(a *analysis) [][2]int {
	doc := a.doc
	n := len(doc.Sentences)
	if doc.Words < oneThemeWords {
		return [][2]int{{0, n}}
	}
	// Units: paragraphs when there are enough of them, else sentences.
	var units [][2]int // sentence ranges
	window := tilingWindowParagraphs
	for _, p := range doc.Paragraphs {
		if len(p.Sentences) > 0 {
			units = append(units, [2]int{p.Sentences[0], p.Sentences[len(p.Sentences)-1] + 1})
		}
	}
	if len(units) < minParagraphUnits {
		if n < minSentenceUnits {
			return [][2]int{{0, n}}
		}
		units = units[:0]
		for i := 0; i < n; i++ {
			units = append(units, [2]int{i, i + 1})
		}
		window = tilingWindowSentences
	}
	m := len(units)
	vecs := make([]vector, m)
	for u, r := range units {
		var vs []vector
		for i := r[0]; i < r[1]; i++ {
			vs = append(vs, a.sents[i].vec)
		}
		vecs[u] = a.sum(vs...)
	}
	// sim[g] is the cohesion across the gap after unit g.
	sim := make([]float64, m-1)
	left, right := vector{}, vector{} // reused from gap to gap
	for g := range sim {
		left = a.sumInto(left, vecs[max(0, g-window+1):g+1]...)
		right = a.sumInto(right, vecs[g+1:min(m, g+1+window)]...)
		sim[g] = left.dot(right)
	}
	depth := make([]float64, len(sim))
	mean := 0.0
	for g := range sim {
		l, r := sim[g], sim[g]
		for i := g - 1; i >= 0 && sim[i] >= l; i-- {
			l = sim[i]
		}
		for i := g + 1; i < len(sim) && sim[i] >= r; i++ {
			r = sim[i]
		}
		depth[g] = (l - sim[g]) + (r - sim[g])
		mean += depth[g]
	}
	mean /= float64(len(depth))
	sd := 0.0
	for _, d := range depth {
		sd += (d - mean) * (d - mean)
	}
	sd = math.Sqrt(sd / float64(len(depth)))
	cutoff := mean - sd/2 // TextTiling's liberal cutoff: a gap above it may be a boundary
	gaps := make([]int, len(depth))
	for g := range gaps {
		gaps[g] = g
	}
	slices.SortStableFunc(gaps, func(i, j int) int { return cmp.Compare(depth[j], depth[i]) })
	minRun := max(2, window)
	var cands []int // unit indexes where a run may start
	for _, g := range gaps {
		if len(cands) == maxCandidates || depth[g] <= cutoff || depth[g] <= 0 {
			break
		}
		if c := g + 1; c >= minRun && m-c >= minRun {
			cands = append(cands, c)
		}
	}
	slices.Sort(cands)
	cuts := segmentByLength(a, units, cands, minRun)
	var out [][2]int
	prev := 0
	for _, c := range cuts {
		out = append(out, [2]int{units[prev][0], units[c][0]})
		prev = c
	}
	return append(out, [2]int{units[prev][0], n})
}

// maxCandidates is how many of the deepest gaps the segmentation chooses among: four per theme at most, enough
// to move a boundary to a neighbouring gap the window misjudged, few enough that choosing stays quadratic in the
// candidates alone and a book's thousands of paragraphs cost only the counting.
const maxCandidates = 4 * maxThemes

// phrase is a candidate label: a noun phrase of the input.
type phrase struct {
	span   Span    // where it is in the input
	text   string  // as written, whitespace collapsed; set only for a phrase that may label a theme
	terms  []int32 // content terms it holds
	score  float64
	first  int   // sentence of its first occurrence, to break ties by reading order
	names  bool  // every word is a proper noun
	words  int   // word tokens
	titled bool  // opens with a title or an initial: "Mr.", "Col.", "J."
	person bool  // a name behind a role: "assistant Locke"
	head   int32 // the term id of its last word, -1 when it has none
}

// labelThemes gives every theme that has no heading a noun phrase naming its subject: the phrase, among those of
// the theme's best sentences, whose words are most frequent in the theme and rarest in the other themes.
func labelThemes(a *analysis, scores []float64, themes []theme) error {
	// In how many themes each term occurs, and below the term frequency of the theme being labelled; dense by term
	// id, since maps cost more here than the counting.
	spread := make([]int, len(a.idf))
	last := make([]int, len(a.idf)) // per term, 1 + the last theme counted in spread
	for t, th := range themes {
		for _, i := range th.sents {
			for _, id := range a.sents[i].terms {
				if last[id] != t+1 {
					last[id] = t + 1
					spread[id]++
				}
			}
		}
	}
	tf := make([]int, len(a.idf))
	// weight is what a term adds to a phrase's score in the theme being labelled: how often it occurs in the theme,
	// times how few other themes use it, so the story's main actor, present everywhere, names no theme.
	weight := func(id int32) float64 {
		return float64(tf[id]) * math.Log(float64(len(themes)+1)/float64(max(1, spread[id])))
	}
	used := map[string]bool{}     // labels taken, lower-cased
	usedHeads := map[int32]bool{} // the head words of the labels found
	for _, th := range themes {
		if th.source == LabelHeading {
			used[strings.ToLower(th.label)] = true
		}
	}
	for t := range themes {
		if themes[t].source == LabelHeading {
			continue
		}
		for _, i := range themes[t].sents {
			for _, id := range a.sents[i].terms {
				tf[id]++
			}
		}
		// Tagging is the costliest step here, and a sentence none of whose phrases could outscore a leading phrase
		// of several words cannot change the label (only a higher score displaces one), so it is left untagged.
		// The sentences are read from the highest bound down: which phrase wins does not depend on the order, and
		// a strong one found first rules out more of the rest.
		var cands []labelSentence
		for _, i := range topSentences(themes[t].sents, scores, labelSentences) {
			// A turn's speaker is in every theme of a transcript, and names none of them.
			from := 0
			if a.turns {
				from = speakerColon(a.doc.Sentences[i].Text, a.doc.Sentences[i].tokens) + 1
			}
			cands = append(cands, labelSentence{i, from, phraseBound(a.sents[i].tokTerms[from:], weight)})
		}
		for k := 1; k < len(cands); k++ { // a stable sort of labelSentences at most
			for j := k; j > 0 && cands[j].bound > cands[j-1].bound; j-- {
				cands[j], cands[j-1] = cands[j-1], cands[j]
			}
		}
		best := phrase{}
		for _, c := range cands {
			if best.text != "" && (len(themes) == 1 || best.words > 1) && c.bound < best.score {
				continue
			}
			i, from, toks := c.i, c.from, a.doc.Sentences[c.i].tokens
			tags, err := a.tags.of(i)
			if err != nil {
				return err
			}
			for _, p := range nounPhrases(a, toks[from:], tags[from:], a.sents[i].tokTerms[from:]) {
				p.first = i
				s := phraseScore(p.terms, weight)
				if p.names {
					s *= labelNameFactor
				}
				p.score = s
				// A lone name says who, not what: the same people run through every theme, and a surname alone
				// reads as a fragment, also behind a title ("Col. Fitts") or a role ("assistant Locke").
				if p.names && (p.words == 1 || p.words == 2 && p.titled) || p.person {
					continue
				}
				if p.score <= 0 {
					continue
				}
				// Readers tell groups apart by a phrase; among several themes, a lone noun labels one only when no
				// phrase can. The one theme of a whole text is its subject, which a lone noun often names ("Kettle").
				if len(themes) > 1 && best.text != "" && (p.words > 1) != (best.words > 1) {
					if best.words > 1 {
						continue
					}
				} else if !(p.score > best.score || p.score == best.score && best.text != "" && p.first < best.first) {
					continue
				}
				// Only a phrase that would win needs its text, which costs a copy.
				p.text = collapseSpace(a.doc.input[p.span.Start:p.span.End])
				if !used[strings.ToLower(p.text)] && !usedHeads[p.head] {
					best = p
				}
			}
		}
		for _, i := range themes[t].sents {
			for _, id := range a.sents[i].terms {
				tf[id] = 0
			}
		}
		if best.text == "" {
			themes[t].label = "" // nothing names it: mergeUnnamed joins it to a neighbour
			continue
		}
		themes[t].label = capitalize(trimStop(best.text))
		used[strings.ToLower(best.text)] = true
		usedHeads[best.head] = true // "Special relationship" after "Relationship" would tell the two apart by an adjective
	}
	return nil
}

// trimStop drops the stop a sentence's last word carries into a label ("Cheltenham Gold Cup."), but not the
// period of an abbreviation ("U.S.").
func trimStop(s string) string {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	if strings.HasSuffix(w, ".") && strings.Count(w, ".") == 1 {
		return s[:len(s)-1]
	}
	return s
}

// vagueWords name no subject: units of time and quantity, the adjectives of praise and size that open noun
// phrases ("fantastic opportunity"), ordinals and the words that compare with something said before ("Fourth
// season", "Similar loss", "Latter rule"), the indefinite pronouns the tagger takes for nouns ("Anyone"), and the
// interjections of speech ("Yeah"), which transcripts are full of. A label
// never starts with one, nor is one alone.
var vagueWords = wordset.Of(`minute minutes hour hours night nights day days week weeks month months year years time times
moment moments seconds secs lot lots number numbers part parts thing things way ways kind sort bit side sides end start
fantastic great good bad big small huge major minor new old other same whole full real true best worst
latest last next first second third fourth fifth sixth seventh eighth ninth tenth final former recent several many
few various certain such own extra similar different latter previous following dozen dozens half top
games game point points stage
anyone anybody anything everyone everybody everything someone somebody something nobody nothing
yeah yes yep okay ok um uh hmm mm oh alright`)

// honorifics open a person's name, and so end the noun phrase before them.
var honorifics = wordset.Of(`mr mr. mrs mrs. ms ms. dr dr. miss`)

// labelNameFactor discounts labels made only of names: a theme is better named by what happens ("drone
// attacks", "security guarantees") than by who is in it, since the same people run through every theme.
const labelNameFactor = 0.6

// labelLengthFactor favours two- and three-word phrases, which name a subject better than a lone word and read
// better than a long name; indexed by the number of content words.
var labelLengthFactor = []float64{0, 1, 1.2, 1.1, 0.8}

// labelSentence is a sentence whose noun phrases may label a theme: its index, its first token that may belong to
// a phrase, and phraseBound of its tokens from there.
type labelSentence struct {
	i, from int
	bound   float64
}

// phraseScore is what a phrase of the given terms weighs before the discount of names: the sum of its terms'
// weights over the square root of their number, since the mean would make every modifier cost its head noun, and
// readers name a group with a phrase ("martial arts teacher") more often than with a lone noun ("Counts").
func phraseScore(terms []int32, weight func(int32) float64) float64 {
	s := 0.0
	for _, id := range terms {
		s += weight(id)
	}
	return s / math.Sqrt(float64(len(terms))) * labelLengthFactor[min(len(terms), len(labelLengthFactor)-1)]
}

// phraseBound is the highest score labelThemes could give a noun phrase of a sentence whose tokens have the given
// term ids (-1 for none). A phrase is a run of at most maxLabelWords tokens and holds the terms of all of them, so
// the best such run bounds it; the discount of names only lowers a score. The margin covers rounding, since a
// phrase adds its terms' weights in another order.
func phraseBound(terms []int32, weight func(int32) float64) float64 {
	w := make([]float64, len(terms)) // each token's weight, 0 for none
	for k, id := range terms {
		if id >= 0 {
			w[k] = weight(id)
		}
	}
	var factor [maxLabelWords + 1]float64 // by number of terms, what phraseScore multiplies their sum by
	for n := 1; n < len(factor); n++ {
		factor[n] = labelLengthFactor[min(n, len(labelLengthFactor)-1)] / math.Sqrt(float64(n))
	}
	bound := 0.0
	for k := range terms {
		sum, n := 0.0, 0
		for e := k; e < min(k+maxLabelWords, len(terms)); e++ {
			if terms[e] >= 0 {
				sum += w[e]
				n++
				bound = max(bound, sum*factor[n])
			}
		}
	}
	return bound * (1 + 1e-9)
}

// topSentences returns up to n of the given sentences with the highest scores, best first.
func topSentences(sents []int, scores []float64, n int) []int {
	top := append([]int(nil), sents...)
	slices.SortStableFunc(top, func(i, j int) int { return cmp.Compare(scores[j], scores[i]) })
	return top[:min(n, len(top))]
}

// nounPhrases returns the noun phrases of a tagged sentence: runs of adjectives and nouns that end in a noun, at
// most maxLabelWords long, trimmed of function words at either end.
func nounPhrases(a *analysis, toks []token, tags []string, terms []int32) []phrase {
	var out []phrase
	var buf []byte
	// The phrases' terms, back to back in one array: the runs are disjoint, so they never hold more than toks.
	termBuf := make([]int32, 0, len(toks))
	in := func(set *wordset.Set, w string) bool {
		buf = wordset.AppendLower(buf[:0], w)
		return set.HasBytes(buf)
	}
	// flush reads the noun phrase of the nominal run toks[from:to].
	flush := func(from, to int) {
		// A bare number ("42,093", "7.58 seconds") counts something and names no subject; a lone small letter is
		// what is left of a possessive.
		// A comparative or superlative ("Better horse", "longer archdeacon") compares with what the sentence said
		// before, and names nothing alone.
		for from < to && (in(&stopwords, toks[from].Text) || in(&vagueWords, toks[from].Text) ||
			!strings.HasPrefix(tags[from], "NN") && tags[from] != "JJ" || !hasLetter(toks[from].Text) ||
			len(toks[from].Text) == 1 && toks[from].Text[0] >= 'a' && toks[from].Text[0] <= 'z') {
			from++
		}
		for from < to && (!strings.HasPrefix(tags[to-1], "NN") || in(&stopwords, toks[to-1].Text) || !hasLetter(toks[to-1].Text)) {
			to--
		}
		if to-from == 1 && in(&vagueWords, toks[from].Text) {
			return
		}
		from = max(from, to-maxLabelWords)
		if from >= to {
			return
		}
		p := phrase{span: Span{toks[from].Start, toks[to-1].End}, names: true, words: to - from,
			head:   terms[to-1],
			titled: in(&honorifics, toks[from].Text) || strings.HasSuffix(toks[from].Text, ".")}
		first := len(termBuf)
		for k := from; k < to; k++ {
			if !strings.HasPrefix(tags[k], "NNP") {
				p.names = false
				// A role or a description before a name ("assistant Locke", "unpopular Bubba Watson") names a person.
				p.person = p.person || strings.HasPrefix(tags[to-1], "NNP") && to-k >= 2 &&
					(strings.HasPrefix(tags[k], "NN") || tags[k] == "JJ")
			}
			if id := terms[k]; id >= 0 {
				termBuf = append(termBuf, id)
			}
		}
		p.terms = termBuf[first:len(termBuf):len(termBuf)]
		// A name whose last word the text uses alone more often than its first is a person's, called by the
		// surname after the first mention ("John Waldron" … "Waldron said"); an organization keeps its whole name.
		if n := len(p.terms); p.names && n >= 2 && n == p.words && a.idf[p.terms[n-1]] < a.idf[p.terms[0]] {
			p.person = true
		}
		if len(p.terms) > 0 && !strings.ContainsAny(a.doc.input[p.span.Start:p.span.End], `"()`) {
			out = append(out, p)
		}
	}
	start := 0
	for i, t := range toks {
		switch {
		case !isNominal(t.Text, tags[i]):
			flush(start, i)
			start = i + 1
		case i > start && in(&honorifics, t.Text):
			// "told police Mr Docherty": a title opens a new noun phrase, the name it belongs to.
			flush(start, i)
			start = i
		}
	}
	flush(start, len(toks))
	return out
}

// isNominal reports whether a word of this tag can be part of a noun phrase label.
func isNominal(w, tag string) bool {
	if !isWordToken(w) || strings.Contains(w, "'") {
		return false
	}
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ")
}
