package summarize

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The quotes stage lists who said what: every direct quote of a few words or more, with its speaker resolved to a
// name: the name next to the reporting verb (`…," Trump told Politico`), the subject before the quote (`Zelenskyy
// said Monday that Trump "…`), or, for "he said", the person the story was just about. A quote that runs over
// several sentences comes out whole.

// minQuoteWords keeps scare quotes ("upper hand", "skeptical") out: they quote a phrase, not a statement.
const minQuoteWords = 5

// quoteToken is a token of a paragraph with the sentence it belongs to.
type quoteToken struct {
	token
	sent int
}

// findQuotes returns the direct quotes of the document in order; speakers resolve to the full names of entities.
func findQuotes(doc *Document, entities []Entity) []Quote {
	full := map[string]string{} // surname or full name → full name
	for _, e := range entities {
		if e.Kind == EntityPerson {
			f := strings.Fields(e.Text)
			full[f[len(f)-1]] = e.Text
			full[e.Text] = e.Text
		}
	}
	// people lists every person mention in order, for "he said": the speaker is the person named last before
	// the quote.
	type personAt struct {
		start int
		name  string
	}
	var people []personAt
	for _, e := range entities {
		if e.Kind == EntityPerson {
			for _, m := range e.Mentions {
				people = append(people, personAt{m.Start, e.Text})
			}
		}
	}
	slices.SortStableFunc(people, func(a, b personAt) int { return cmp.Compare(a.start, b.start) })
	lastNamed := func(before int) string {
		i := sort.Search(len(people), func(i int) bool { return people[i].start >= before })
		if i == 0 {
			return ""
		}
		return people[i-1].name
	}
	out := []Quote{}
	var flat []quoteToken // the paragraph's tokens; the array is reused from paragraph to paragraph
	for _, p := range doc.Paragraphs {
		prevSpeaker := "" // a quote with no attribution goes on from the paragraph's previous one
		flat = flat[:0]
		for _, i := range p.Sentences {
			for _, t := range doc.Sentences[i].tokens {
				flat = append(flat, quoteToken{t, i})
			}
		}
		for k := 0; k < len(flat); k++ {
			mark, attached := opensQuote(doc, flat[k].token)
			if mark == "" {
				continue
			}
			e := k + 1
			for e < len(flat) && !(flat[e].Text == mark && closesQuote(doc, flat[e].token)) {
				e++
			}
			if e >= len(flat) {
				break // an unclosed quote: nothing reliable to report
			}
			first := k + 1
			if attached {
				first = k // the tokenizer leaves a single quote mark on the word it opens: "'I"
			}
			inner := make([]token, 0, e-first)
			for _, t := range flat[first:e] {
				inner = append(inner, t.token)
			}
			if attached {
				_, w := utf8.DecodeRuneInString(doc.input[inner[0].Start:])
				inner[0].Start += w
				inner[0].Text = inner[0].Text[1:]
			}
			if countWords(inner, nil) >= minQuoteWords {
				speaker := quoteSpeaker(doc, flat, k, e)
				switch speaker {
				case "":
					speaker = prevSpeaker
				case pronounSpeaker:
					if speaker = lastNamed(flat[k].Start); speaker == "" {
						speaker = prevSpeaker
					}
				}
				if f, ok := full[speaker]; ok {
					speaker = f
				}
				prevSpeaker = speaker
				out = append(out, Quote{
					Text:    strings.TrimRight(doc.pieceText(inner), ", "),
					Speaker: speaker,
					Span:    Span{Start: inner[0].Start, End: inner[len(inner)-1].End},
				})
			}
			k = e
		}
	}
	return out
}

// pronounSpeaker stands for "he said" or "she said": the caller names the person mentioned last before the quote.
const pronounSpeaker = "\x00pronoun"

// quoteSpeaker names who says the quote flat[open+1:close], or "" when the text does not say.
func quoteSpeaker(doc *Document, flat []quoteToken, open, close int) string {
	// After the closing mark, in its sentence: `," Zelenskyy told`, `," he said`, `," said Gov. Oleg Nikolayev`.
	var after []token
	for x := close + 1; x < len(flat) && flat[x].sent == flat[close].sent && len(after) < 8; x++ {
		after = append(after, flat[x].token)
	}
	for len(after) > 0 && isSoftPunct(after[0].Text) {
		after = after[1:]
	}
	for v, t := range after {
		if !speechVerbs.Has(strings.ToLower(t.Text)) {
			continue
		}
		if v == 0 {
			if n := nameRunAfter(after[1:]); n != "" {
				return n
			}
			break
		}
		if v == 1 && isPronoun(after[0].Text) {
			return pronounSpeaker
		}
		if n := surnameOf(after[:v]); n != "" {
			return n
		}
		break
	}
	// Before the opening mark, in its sentence: the subject of a reporting verb (`Zelenskyy said … "`).
	sent := flat[open].sent
	toks := doc.Sentences[sent].tokens
	before := flat[open].Start
	for _, t := range toks {
		if t.Start >= before {
			break
		}
		if speechVerbs.Has(strings.ToLower(t.Text)) {
			if len(toks) > 0 && isPronoun(toks[0].Text) {
				return resolveName(doc, sent)
			}
			if len(toks) > 0 && toks[0].Text == "The" {
				toks = toks[1:] // "The Vatican said"
			}
			return leadingName(toks)
		}
	}
	return ""
}

// opensQuote returns the mark a token opens a quote with ("" when it opens none), and whether the mark is
// attached to the token's word. Double quotes are tokens of their own and alternate. A single quote mark is also an
// apostrophe ("the players' efforts"), so it opens only where the input shows an opening mark (‘) or a straight one
// after a space; the tokenizer leaves it attached to the word it opens.
func opensQuote(doc *Document, t token) (mark string, attached bool) {
	if t.Text == `"` {
		return `"`, false
	}
	if !strings.HasPrefix(t.Text, "'") || t.Start >= len(doc.input) {
		return "", false
	}
	raw := doc.input[t.Start:]
	open := strings.HasPrefix(raw, "\u2018") ||
		raw[0] == '\'' && (t.Start == 0 || isSpaceByte(doc.input[t.Start-1]))
	if !open {
		return "", false
	}
	return "'", len(t.Text) > 1
}

// closesQuote reports whether a token can close a quote: a closing mark with no space before it.
func closesQuote(doc *Document, t token) bool {
	if t.Text == `"` {
		return true
	}
	if t.Text != "'" || strings.HasPrefix(doc.input[t.Start:], "\u2018") {
		return false
	}
	return t.Start > 0 && !isSpaceByte(doc.input[t.Start-1])
}

func isPronoun(w string) bool {
	_, p := openingWord(w)
	return p
}

// surnameOf returns the last word of a run of capitalised words (a role may precede the name), or "".
func surnameOf(toks []token) string {
	for _, t := range toks {
		if !isNameWord(t.Text) {
			return ""
		}
	}
	return strings.TrimSuffix(toks[len(toks)-1].Text, "'s")
}

// nameRunAfter returns the surname of the capitalised run that opens toks ("Gov. Oleg Nikolayev said" → "Nikolayev").
func nameRunAfter(toks []token) string {
	n := 0
	for n < len(toks) && isNameWord(toks[n].Text) {
		n++
	}
	if n == 0 {
		return ""
	}
	return strings.TrimSuffix(toks[n-1].Text, "'s")
}
