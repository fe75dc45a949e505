package summarize

import (
	"strings"
	"unicode/utf8"

	"keypoints/summarize/internal/wordset"
)

// The compress stage turns a chosen sentence into a key point: shorter where news style pads it, but made only of
// pieces of the input, so every word of a point can be traced back. It drops leading connectives ("But", "However,"),
// parentheticals, and attribution tails ("…, he said."), and replaces an opening "He" or "She" with the name it
// stands for, in brackets, as editors do. A sentence it cannot make stand alone is refused.

// point is a key point built from one sentence.
type point struct {
	sent  int
	spans []Span
	text  string
	words int
	// name is shown in brackets before the spans' words: the person an opening "He" or "She" stands for (the
	// pronoun is left out), or the speaker of the transcript turn the sentence continues; "" for neither.
	name string
}

// Limits of compression.
const (
	maxTailWords     = 12 // an attribution tail longer than this is a clause of its own
	minCompressWords = 6  // a cut that leaves fewer words than this keeps the sentence whole
	resolveLookback  = 3  // sentences searched back for the name behind "He" or "She"
)

// leadingConnectives open a sentence by pointing at the previous one; a point drops them.
var leadingConnectives = wordset.Of("but and however meanwhile still yet so also moreover furthermore nonetheless nevertheless additionally now then")

// compress builds the key point of sentence i, or reports that the sentence cannot stand alone. A sentence of
// more than longWords words also loses the clauses it can do without (see dropClauses); a shorter one keeps them,
// since a point is a sentence a reader can trust to say what the text says, and every kind of reference we
// measured (headlines, abstracts, extracts) scores whole clauses at least as well as cut ones.
func compress(a *analysis, i int) (point, bool) {
	doc := a.doc
	s := &doc.Sentences[i]
	toks := s.tokens
	if len(toks) == 0 || s.partial || strings.Count(s.Text, `"`)%2 != 0 {
		return point{}, false // an unbalanced quote mark means part of a quote: not a point on its own
	}
	// A caption or the acknowledgements, which PDF text runs into the prose, say nothing of what the text says; a
	// few words with no stop are a title, a heading the blocks stage did not see, or a turn cut off mid-word, unless
	// they are an item of a list, which is written so.
	if captionOf(s.Text) > 0 || strings.HasPrefix(s.Text, "Acknowledg") ||
		!endsSentence(s.Text) && countWords(toks, nil) <= bareLineWords && !isListItem(s.Text) {
		return point{}, false
	}
	keep := make([]bool, len(toks))
	for k := range keep {
		keep[k] = true
	}
	first := 0
	// Stray punctuation before the first word (", it rained") cannot open a point, and would hide a dangling word.
	for first < len(toks) && (isSoftPunct(toks[first].Text) || isClosingPunct(toks[first].Text)) {
		first++
	}
	// Leading connectives, with the comma after them.
	for first < len(toks) && leadingConnectives.Has(bareWord(toks[first].Text)) {
		first++
		if first < len(toks) && toks[first].Text == "," {
			first++
		}
	}
	if !a.turns {
		first = skipCaptionLabel(toks, first)
	}
	for k := 0; k < first; k++ {
		keep[k] = false
	}
	if first >= len(toks) {
		return point{}, false
	}
	name := ""
	dangling, pronoun := openingWord(toks[first].Text)
	dangling = dangling && !a.determiner(i, first)
	// Inside an opening quote mark, a pronoun has no name to stand for either: the quote cannot hold a bracket.
	if q := first + 1; q < len(toks) && (toks[first].Text == `"` || toks[first].Text == "'") {
		if d, p := openingWord(toks[q].Text); d || p {
			return point{}, false
		}
	}
	switch {
	case dangling:
		return point{}, false
	case pronoun:
		name = resolveName(doc, i)
		if name == "" {
			return point{}, false
		}
		keep[first] = false
	}
	if name == "" && a.turns {
		name = turnSpeaker(doc, i)
	}
	dropParentheticals(toks, keep)
	dropFillers(toks, keep)
	label := speakerColon(s.Text, toks)
	last := len(toks) // tokens [.., last) are the sentence without its final punctuation
	for last > 0 && isClosingPunct(toks[last-1].Text) {
		last--
	}
	if !a.sents[i].quote {
		if c := attributionTail(toks, first, last); c > 0 && countWords(toks[first:c], keep[first:c]) >= minCompressWords {
			for k := c; k < len(toks); k++ {
				keep[k] = false
			}
			last = c
		}
	}
	if a.sents[i].words > longWords && name == "" {
		// Without tags (a model that failed to load, which themes report) the point keeps its clauses.
		if tags, err := a.tags.of(i); err == nil {
			first = dropClauses(toks, tags, keep, first, last)
		}
	}
	if !capWords(toks, keep, first, last) {
		return point{}, false
	}
	p := point{sent: i, name: name}
	var parts []string
	for k := 0; k < len(toks); {
		if !keep[k] {
			k++
			continue
		}
		j := k
		for j < len(toks) && keep[j] {
			j++
		}
		// A piece never ends on a comma or a dash: the point ends there, or goes on with another piece. The colon
		// after a speaker's name stays, as the turn wrote it.
		for j > k+1 && isSoftPunct(toks[j-1].Text) && j-1 != label {
			j--
		}
		sp := Span{Start: toks[k].Start, End: toks[j-1].End}
		p.spans = append(p.spans, sp)
		parts = append(parts, doc.pieceText(toks[k:j]))
		p.words += countWords(toks[k:j], nil)
		for k = j; k < len(toks) && keep[k] && isSoftPunct(toks[k].Text); k++ {
		}
	}
	if len(parts) == 0 {
		return point{}, false
	}
	text := strings.Join(parts, " ")
	if name != "" {
		text = "[" + name + "] " + text
	} else {
		text = capitalize(text)
	}
	p.text = finishSentence(text)
	return p, true
}

// Limits of the clause rules.
const (
	// bareLineWords is how long a line with no stop may be and still be a title or a heading rather than a
	// sentence: the headings of the development sets run to eight words.
	bareLineWords  = 8
	minClauseWords = 6 // words of the main clause a cut must leave
	// leadPhraseTokens is how far a leading prepositional phrase may run before its comma: past it, the comma
	// more likely closes a clause with a subject of its own.
	leadPhraseTokens = 16
	// relativeClauseTokens is how far a relative clause between commas may run; a longer one carries content.
	relativeClauseTokens = 24
	// tailVerbReach is how many words of an attribution tail may come before its verb (", said Gov. Oleg
	// Nikolayev", ", a senior official told"); further in, the verb belongs to a clause.
	tailVerbReach = 6
)

// dropClauses removes the parts of a sentence that a key point can do without: a leading prepositional phrase
// ("In an interview with Politico released Tuesday, …"), a trailing participle or relative clause ("…, arguing
// that …", "…, which …", "…, with the U.K. leader saying …"), and a relative clause between commas ("Leo, who
// has met …, has called …"). Nothing inside a quote is touched, and a cut that would leave fewer than
// minClauseWords words is not made. It returns the new first kept token.
func dropClauses(toks []token, tags []string, keep []bool, first, last int) int {
	// open[k] is whether a quote is open before token k; a cut may drop whole quotes, never part of one.
	open := make([]bool, len(toks)+1)
	for k, t := range toks {
		open[k+1] = open[k] != (t.Text == `"`)
	}
	free := func(from, to int) bool { return !open[from] && !open[to] }
	words := func() int { return countWords(toks, keep) }
	drop := func(from, to int) bool {
		saved := append([]bool(nil), keep[from:to]...)
		for k := from; k < to; k++ {
			keep[k] = false
		}
		if words() < minClauseWords {
			copy(keep[from:to], saved)
			return false
		}
		return true
	}
	// A leading prepositional phrase with no finite verb, up to its comma, before a main clause with a subject.
	if first < last && (tags[first] == "IN" || tags[first] == "RB") && !subordinators.Has(strings.ToLower(toks[first].Text)) {
		plainPrep := phraseOpeners.Has(strings.ToLower(toks[first].Text))
		for c := first + 1; c < min(last, first+leadPhraseTokens); c++ {
			if toks[c].Text != "," {
				if isFiniteVerb(tags[c]) && !plainPrep {
					break
				}
				continue
			}
			if c+1 < last && startsClause(tags[c+1]) && free(first, c+1) && drop(first, c+1) {
				first = c + 1
			}
			break
		}
	}
	// A trailing clause that runs to the end of the sentence.
	for c := first + 1; c < last-1; c++ {
		if toks[c].Text != "," || !keep[c] || !free(c, last) {
			continue
		}
		w := strings.ToLower(toks[c+1].Text)
		if tags[c+1] == "VBG" || w == "which" || w == "with" || w == "while" && c+2 < last && tags[c+2] != "VBG" {
			if drop(c, len(toks)) {
				last = c
				break
			}
		}
	}
	// A relative clause between commas, closed by a comma followed by the main clause's verb.
	for c := first + 1; c < last-2; c++ {
		if toks[c].Text != "," || !keep[c] {
			continue
		}
		w := strings.ToLower(toks[c+1].Text)
		if w != "who" && w != "which" {
			continue
		}
		for e := c + 2; e < last-1 && e < c+relativeClauseTokens; e++ {
			if toks[e].Text != "," {
				continue
			}
			if isFiniteVerb(tags[e+1]) && free(c, e+1) {
				drop(c, e+1)
			}
			break
		}
	}
	return first
}

// phraseOpeners are prepositions whose phrase stays a phrase even when a verb follows inside it ("In an interview
// with Politico released Tuesday,"), unlike "After" or "As", which also open clauses.
var phraseOpeners = wordset.Of("in on at during despite amid following according under by among throughout earlier later meanwhile")

// isFiniteVerb reports tags of verbs that make a clause: past, present, modal.
func isFiniteVerb(tag string) bool {
	return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD"
}

// startsClause reports whether a token of this tag can open a main clause's subject: a name, a noun, a determiner, a number.
func startsClause(tag string) bool {
	switch tag {
	case "NNP", "NNPS", "NN", "NNS", "DT", "JJ", "CD", "PRP$":
		return true
	}
	return false
}

// finishSentence adds a final period unless the text already ends a sentence.
func finishSentence(s string) string {
	t := strings.TrimRight(s, `"'”’)]`)
	r, _ := utf8.DecodeLastRuneInString(t)
	if r == '.' || r == '!' || r == '?' || r == '…' {
		return s
	}
	return s + "."
}

// dropParentheticals unmarks "( … )" asides inside the sentence. An aside followed by punctuation stays, since
// removing it would leave the punctuation hanging after a space.
func dropParentheticals(toks []token, keep []bool) {
	for k := 1; k < len(toks); k++ {
		if toks[k].Text != "(" {
			continue
		}
		j := k + 1
		for j < len(toks) && toks[j].Text != ")" && toks[j].Text != "(" {
			j++
		}
		if j >= len(toks) || toks[j].Text != ")" || j+1 >= len(toks) || !isWordToken(toks[j+1].Text) {
			continue
		}
		for x := k; x <= j; x++ {
			keep[x] = false
		}
		k = j
	}
}

// captionLabelWords bounds the label of a photo caption that web copy glues before a sentence ("Sharp dresser:
// The 54-year-old actress…", "Down: RBS reported…").
const captionLabelWords = 3

// skipCaptionLabel returns the first token after a caption label that opens toks[first:], or first when there is
// none: a few words, a colon, then a capitalised word.
func skipCaptionLabel(toks []token, first int) int {
	for k := first; k < len(toks) && k-first <= captionLabelWords; k++ {
		if toks[k].Text == ":" {
			if k > first && k+1 < len(toks) && isCapitalized(toks[k+1].Text) && isCapitalized(toks[first].Text) {
				return k + 1
			}
			return first
		}
		if !isWordToken(toks[k].Text) {
			return first
		}
	}
	return first
}

// capWords cuts a point that still runs past longWords words at the last clause boundary before the limit that
// leaves at least minCompressWords words: a comma, semicolon or dash, or else a conjunction that opens a clause
// ("and", "but", "which", "when"…), which is where sentences run together without their stops (captions copied
// with a story) still break. It reports false when there is neither: that is a table or a list, not a point.
func capWords(toks []token, keep []bool, first, last int) bool {
	if countWords(toks[first:last], keep[first:last]) <= longWords {
		return true
	}
	words, cut, conj := 0, -1, -1
	for k := first; k < last && words < longWords; k++ {
		if !keep[k] {
			continue
		}
		switch {
		case isWordToken(toks[k].Text):
			if words >= minCompressWords && (toks[k].Text == "and" || toks[k].Text == "but" || subordinators.Has(toks[k].Text)) {
				conj = k
			}
			words++
		case (toks[k].Text == "," || toks[k].Text == ";" || toks[k].Text == "—" || toks[k].Text == "–") &&
			words >= minCompressWords:
			cut = k
		}
	}
	if cut < 0 {
		cut = conj
	}
	if cut < 0 {
		return false
	}
	for k := cut; k < len(toks); k++ {
		keep[k] = false
	}
	return true
}

// speakerColon returns the index of the colon that closes the speaker's name of a turn ("Grad A: …"), or -1.
func speakerColon(text string, toks []token) int {
	if !isSpeakerTurn(text) {
		return -1
	}
	for k, t := range toks {
		if t.Text == ":" {
			return k
		}
	}
	return -1
}

// fillers are the sounds of speech that carry no word ("um", "uh"): transcripts are full of them, and a point
// drops them with the comma that follows, each a cut between spans like any other.
var fillers = wordset.Of("um umm uh uhh uhm er erm hmm mm mhm")

func dropFillers(toks []token, keep []bool) {
	for k, t := range toks {
		if !keep[k] || !fillers.Has(strings.ToLower(t.Text)) {
			continue
		}
		keep[k] = false
		if k+1 < len(toks) && toks[k+1].Text == "," {
			keep[k+1] = false
		}
	}
}

// attributionTail returns the index of the comma that opens a tail like ", he said" or ", according to officials"
// in toks[first:last], or 0 when the sentence has none.
func attributionTail(toks []token, first, last int) int {
	for c := last - 1; c > first && last-c <= maxTailWords+1; c-- {
		if toks[c].Text != "," {
			continue
		}
		tail := toks[c+1 : last]
		if len(tail) == 0 {
			return 0
		}
		w0 := strings.ToLower(tail[0].Text)
		if w0 == "according" && len(tail) > 1 && strings.ToLower(tail[1].Text) == "to" {
			return c
		}
		for k, t := range tail {
			if k >= tailVerbReach || t.Text == "," {
				break
			}
			if tailVerbs.Has(strings.ToLower(t.Text)) {
				// The words before the verb must name a speaker ("he", "officials", "Gov. Oleg Nikolayev"), not
				// start a clause ("which he said").
				if k == 0 || !subordinators.Has(w0) {
					return c
				}
			}
		}
		return 0
	}
	return 0
}

// subordinators open clauses that are part of the sentence's meaning, not attribution.
var subordinators = wordset.Of("which who whom whose that when while as because although though if since where after before until")

// headlineWords is the word limit of a headline per length.
var headlineWords = map[string]int{LengthShort: 12, LengthMedium: 17, LengthLong: 22}

// headlineBreaks open the clauses and phrases a headline can end before.
var headlineBreaks = wordset.Of("that which who as while after because when where and but amid despite with following including since before until from in on at for by over")

// shortenHeadline cuts a point to the headline's word limit, before a clause or phrase when it can, and drops its
// final period, as headlines do.
func shortenHeadline(a *analysis, p point, length string) point {
	limit := headlineWords[length]
	var toks []token
	for _, t := range a.doc.Sentences[p.sent].tokens {
		for _, sp := range p.spans {
			if t.Start >= sp.Start && t.End <= sp.End {
				toks = append(toks, t)
				break
			}
		}
	}
	budget := limit
	if p.name != "" {
		budget--
	} else if n := nameRun(toks); n > 1 {
		// Headlines name people by surname: "Ukrainian President Volodymyr Zelenskyy has…" becomes "Zelenskyy has…".
		toks = toks[n-1:]
	}
	// cut is the number of tokens kept: all of them when the words fit, else the last break within the budget.
	cut, words, lastBreak := len(toks), 0, 0
	for k, t := range toks {
		if isWordToken(t.Text) {
			if words == budget {
				cut = lastBreak
				if cut == 0 {
					cut = k
				}
				break
			}
			words++
			if k > 0 && headlineBreaks.Has(strings.ToLower(t.Text)) && words > budget/2 {
				lastBreak = k
			}
		} else if isSoftPunct(t.Text) && words > budget/2 {
			lastBreak = k
		}
	}
	for cut > 0 && (isClosingPunct(toks[cut-1].Text) || isSoftPunct(toks[cut-1].Text)) {
		cut--
	}
	if cut == 0 {
		return p
	}
	toks = toks[:cut]
	var spans []Span
	var parts []string
	for k := 0; k < len(toks); {
		j := k + 1
		for j < len(toks) && sameSpan(p.spans, toks[j-1], toks[j]) {
			j++
		}
		spans = append(spans, Span{Start: toks[k].Start, End: toks[j-1].End})
		parts = append(parts, a.doc.pieceText(toks[k:j]))
		k = j
	}
	text := strings.Join(parts, " ")
	if p.name != "" {
		text = "[" + p.name + "] " + text
	} else {
		text = capitalize(text)
	}
	p.text, p.spans = text, spans
	return p
}

// sameSpan reports whether two consecutive tokens lie in the same span.
func sameSpan(spans []Span, x, y token) bool {
	for _, sp := range spans {
		if x.Start >= sp.Start && y.End <= sp.End {
			return true
		}
	}
	return false
}
