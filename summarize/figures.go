package summarize

import (
	"strings"
	"unicode"

	"keypoints/summarize/internal/wordset"
)

// The figures stage lists the numbers of a story with what they count: "110 drones", "about 900 kilometers",
// "20 points, down from 28", "$4.5 billion". A number with nothing to count (a year, a date, an age, a score) is
// left out: precision matters more here than listing every digit.

// maxFigureNoun bounds the words of what a figure counts ("storage tanks").
const maxFigureNoun = 3

// findFigures returns the figures of the document in order.
func findFigures(doc *Document) ([]Figure, error) {
	out := []Figure{}
	var tags []string // the tags of the window around the number being read, when it needs them
	for i := range doc.Sentences {
		toks := doc.Sentences[i].tokens
		for k := 0; k < len(toks); k++ {
			if !isNumberToken(toks[k].Text) {
				continue
			}
			win, off := toks, 0
			tags = tags[:0]
			if figureNeedsTags(toks, k) {
				off = max(0, k-figureWindowBefore)
				win = toks[off:min(len(toks), k+figureWindowAfter)]
				tags = append(tags, make([]string, len(win))...)
				if err := tagTokens(win, tags); err != nil {
					return nil, err
				}
			}
			start, end, ok := figureAt(win, tags, k-off)
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
// (two tags back, two words ahead) and the longest figure ("more than 20 storage tanks, down from 28"). Tagging a
// window instead of the sentence keeps figures cheap, since most sentences of news hold a number; the window is
// tagged afresh even where another stage tagged the whole sentence, so that figures never depend on which
// sentences the summary happened to read closely.
const figureWindowBefore, figureWindowAfter = 4, 10

// figureNeedsTags reports whether figureAt would read any tag for the number toks[k]. Most numbers of news are
// years and dates, or stand before punctuation; tagging their window would change nothing, and it is the bulk of
// this stage's cost.
func figureNeedsTags(toks []token, k int) bool {
	w := toks[k].Text
	if notFigure(toks, k) || isYear(w) {
		return false
	}
	n := magnitudeEnd(toks, k)
	return n < len(toks) && isWordToken(toks[n].Text) && !calendarWords.Has(toks[n].Text) &&
		!relativeTime.Has(strings.ToLower(toks[n].Text))
}

// notFigure rules out a number by the word before it: "Dec. 5", "No. 10".
func notFigure(toks []token, k int) bool {
	return !isNumberToken(toks[k].Text) || k > 0 && (calendarWords.Has(toks[k-1].Text) || toks[k-1].Text == "No.")
}

// magnitudeEnd returns the index just past the number toks[k] and the magnitudes or percent sign after it.
func magnitudeEnd(toks []token, k int) int {
	end := k + 1
	for end < len(toks) && (magnitudes.Has(strings.ToLower(toks[end].Text)) || toks[end].Text == "%") {
		end++
	}
	if end < len(toks)-1 && strings.ToLower(toks[end].Text) == "per" && strings.ToLower(toks[end+1].Text) == "cent" {
		end += 2
	}
	return end
}

// figureAt returns the token range of a figure whose number is toks[k], if it counts something. It reads tags, one
// per token, only where figureNeedsTags says so; tags is empty elsewhere.
func figureAt(toks []token, tags []string, k int) (start, end int, ok bool) {
	tag := func(n int) string {
		if n < len(tags) {
			return tags[n]
		}
		return ""
	}
	w := toks[k].Text
	if notFigure(toks, k) {
		return 0, 0, false
	}
	digits := strings.IndexFunc(w, unicode.IsDigit) >= 0
	end = magnitudeEnd(toks, k)
	counted := end > k+1 || k > 0 && currencies.Has(toks[k-1].Text) || strings.ContainsAny(w, "%$£€")
	limit := maxFigureNoun
	if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
		limit = 1 // "54-year-old actress", never "39-year-old paid tribute"
	}
	n := end
	for n < len(toks) && n < end+limit && (tag(n) == "NN" || tag(n) == "NNS" || tag(n) == "JJ") &&
		isWordToken(toks[n].Text) && !calendarWords.Has(toks[n].Text) && !relativeTime.Has(strings.ToLower(toks[n].Text)) {
		n++
	}
	if limit == 1 && n > end && tag(end) == "JJ" {
		n = end
	}
	for n > end && tag(n-1) == "JJ" {
		n-- // end on the noun: "three days", not "three days later"
	}
	if n > end && !uncountable.Has(strings.ToLower(toks[n-1].Text)) {
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
	for start > 0 && currencies.Has(toks[start-1].Text) {
		start--
	}
	if start > 0 && approximators.Has(strings.ToLower(toks[start-1].Text)) {
		start--
		if start > 0 && pairedApproximators.Has(strings.ToLower(toks[start-1].Text+" "+toks[start].Text)) {
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

var (
	magnitudes          = wordset.Of("hundred thousand million billion trillion percent")
	approximators       = wordset.Of("about nearly almost around roughly some over under approximately least than only just to")
	pairedApproximators = nameSet("more_than less_than fewer_than at_least up_to")
	currencies          = wordset.Of("$ £ € ¥ US$")
	// relativeTime words start a time phrase after a figure ("$4.5 billion last year"), not what it counts.
	relativeTime = wordset.Of("last next this ago earlier later previous")
	// uncountable nouns after a number are not what it counts: "three times", "two ways".
	uncountable = wordset.Of("times time ways way sides side things thing others ones one")
)
