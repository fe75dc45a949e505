package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The figures stage lists the numbers of a story with what they count: "110 drones", "about 900 kilometers",
// "20 points, down from 28", "$4.5 billion". A number with nothing to count (a year, a date, an age, a score) is
// left out: precision matters more here than listing every digit.

// maxFigureNoun bounds the words of what a figure counts ("storage tanks").
const maxFigureNoun = 3

// findFigures returns the figures of the document in order.
func findFigures(doc *Document) ([]Figure, error) {
	out := []Figure{}
	for i := range doc.Sentences {
		toks := doc.Sentences[i].tokens
		for k := 0; k < len(toks); k++ {
			if !isNumberToken(toks[k].Text) {
				continue
			}
			win, off := toks, 0
			if figureNeedsTags(toks, k) {
				var err error
				if win, off, err = doc.taggedWindow(i, k); err != nil {
					return nil, err
				}
			}
			start, end, ok := figureAt(win, k-off)
			start, end = start+off, end+off
			if !ok {
				continue
			}
			sp := Span{Start: toks[start].Start, End: toks[end-1].End}
			out = append(out, Figure{Text: doc.pieceText(toks[start:end]), Span: sp, Context: doc.pieceText(toks)})
			k = end - 1
		}
	}
	return out, nil
}

// figureWindow is how many tokens around a number the figure stage tags: enough for the tagger's context
// (two tags back, two words ahead) and the longest figure ("more than 20 storage tanks, down from 28").
const figureWindowBefore, figureWindowAfter = 4, 10

// taggedWindow returns tagged tokens around token k of sentence i, and the index of the window's first token.
// Tagging a window instead of the sentence keeps figures cheap: most sentences of news hold a number. A sentence
// tagged already (for labels or compression) lends its tags.
func (d *Document) taggedWindow(i, k int) ([]Token, int, error) {
	toks := d.Sentences[i].tokens
	if toks[0].Tag != "" {
		return toks, 0, nil
	}
	from, to := max(0, k-figureWindowBefore), min(len(toks), k+figureWindowAfter)
	win := append([]Token(nil), toks[from:to]...)
	tg, err := sharedTagger()
	if err != nil {
		return nil, 0, err
	}
	tg.tag(win)
	return win, from, nil
}

// figureNeedsTags reports whether figureAt would read any tag for the number toks[k]. Most numbers of news are
// years and dates, or stand before punctuation; tagging their window would change nothing, and it is the bulk of
// this stage's cost.
func figureNeedsTags(toks []Token, k int) bool {
	w := toks[k].Text
	if notFigure(toks, k) || isYear(w) {
		return false
	}
	n := magnitudeEnd(toks, k)
	return n < len(toks) && isWordToken(toks[n].Text) && !calendarWords.has(toks[n].Text) &&
		!relativeTime.has(strings.ToLower(toks[n].Text))
}

// notFigure rules out a number by the word before it: "Dec. 5", "No. 10".
func notFigure(toks []Token, k int) bool {
	return !isNumberToken(toks[k].Text) || k > 0 && (calendarWords.has(toks[k-1].Text) || toks[k-1].Text == "No.")
}

// magnitudeEnd returns the index just past the number toks[k] and the magnitudes or percent sign after it.
func magnitudeEnd(toks []Token, k int) int {
	end := k + 1
	for end < len(toks) && (magnitudes.has(strings.ToLower(toks[end].Text)) || toks[end].Text == "%") {
		end++
	}
	if end < len(toks)-1 && strings.ToLower(toks[end].Text) == "per" && strings.ToLower(toks[end+1].Text) == "cent" {
		end += 2
	}
	return end
}

// figureAt returns the token range of a figure whose number is toks[k], if it counts something. It reads tags
// only where figureNeedsTags says so.
func figureAt(toks []Token, k int) (start, end int, ok bool) {
	w := toks[k].Text
	if notFigure(toks, k) {
		return 0, 0, false
	}
	digits := strings.IndexFunc(w, unicode.IsDigit) >= 0
	end = magnitudeEnd(toks, k)
	counted := end > k+1 || k > 0 && currencies.has(toks[k-1].Text) || strings.ContainsAny(w, "%$£€")
	limit := maxFigureNoun
	if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
		limit = 1 // "54-year-old actress", never "39-year-old paid tribute"
	}
	n := end
	for n < len(toks) && n < end+limit && (toks[n].Tag == "NN" || toks[n].Tag == "NNS" || toks[n].Tag == "JJ") &&
		isWordToken(toks[n].Text) && !calendarWords.has(toks[n].Text) && !relativeTime.has(strings.ToLower(toks[n].Text)) {
		n++
	}
	if limit == 1 && n > end && toks[end].Tag == "JJ" {
		n = end
	}
	for n > end && toks[n-1].Tag == "JJ" {
		n-- // end on the noun: "three days", not "three days later"
	}
	if n > end && !uncountable.has(strings.ToLower(toks[n-1].Text)) {
		end, counted = n, true
	}
	if !counted {
		return 0, 0, false
	}
	if digits && isYear(w) {
		return 0, 0, false // "in 2019", "his 1944 speech"
	}
	// Modifiers before the number: "about", "more than", "at least", "$".
	start = k
	for start > 0 && currencies.has(toks[start-1].Text) {
		start--
	}
	if start > 0 && approximators.has(strings.ToLower(toks[start-1].Text)) {
		start--
		if start > 0 && pairedApproximators.has(strings.ToLower(toks[start-1].Text+" "+toks[start].Text)) {
			start--
		}
	}
	// A change: "20 points, down from 28".
	if end+3 < len(toks) && toks[end].Text == "," && (toks[end+1].Text == "down" || toks[end+1].Text == "up") &&
		toks[end+2].Text == "from" && isNumberToken(toks[end+3].Text) {
		end += 4
	}
	return start, end, true
}

// isNumberToken reports digits ("110", "4.5", "1,000", "4-year-old") and number words ("three").
func isNumberToken(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= '0' && c <= '9' {
		return true
	}
	if c >= utf8.RuneSelf || !numberInitials[c] {
		return false // most words skip lowercasing and the map
	}
	return numberWords.has(strings.ToLower(w))
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w >= "1800" && w <= "2100"
}

// numberInitials marks the ASCII letters, in either case, that number words start with. A word starting outside
// ASCII is never one: only the Kelvin sign and the dotted capital I lowercase to ASCII letters, k and i, and no
// number word starts with those.
var numberInitials = func() (set [utf8.RuneSelf]bool) {
	for k := range numberWords.index.ends {
		w := numberWords.index.key(k)
		set[w[0]] = true
		set[unicode.ToUpper(rune(w[0]))] = true
	}
	return set
}()

var (
	numberWords         = wordSetOf("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands dozen dozens million millions billion billions")
	magnitudes          = wordSetOf("hundred thousand million billion trillion percent")
	approximators       = wordSetOf("about nearly almost around roughly some over under approximately least than only just to")
	pairedApproximators = nameSet("more_than less_than fewer_than at_least up_to")
	currencies          = wordSetOf("$ £ € ¥ US$")
	// relativeTime words start a time phrase after a figure ("$4.5 billion last year"), not what it counts.
	relativeTime = wordSetOf("last next this ago earlier later previous")
	// uncountable nouns after a number are not what it counts: "three times", "two ways".
	uncountable = wordSetOf("times time ways way sides side things thing others ones one")
)
