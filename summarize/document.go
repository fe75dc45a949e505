package summarize

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"keypoints/summarize/internal/tagger"
	"keypoints/summarize/internal/wordset"
)

// The document stage runs the parsing stages in order (normalize or html, language, blocks, sentences, tokens) and
// maps everything they find back to the input as given.

func parse(input string) (*Document, error) {
	if len(input) > MaxTextBytes {
		return nil, withDetail(ErrTextTooLong, strconv.Itoa(len(input)), " bytes, the limit is ", strconv.Itoa(MaxTextBytes))
	}
	tm := &textMap{}
	doc := &Document{input: input, text: tm}
	if looksLikeHTML(input) {
		doc.html = true
		doc.Title = extractHTML(tm, input)
	} else {
		tm.furniture = furniture(input)
		normalizeInto(tm, input, 0, len(input))
	}
	norm := string(tm.norm)
	if !hasWord(norm) {
		return nil, ErrEmptyText
	}
	blocks := splitBlocks(norm)
	if !isEnglish(prose(norm, blocks)) {
		return nil, ErrUnsupportedLanguage
	}
	// The tokens of all sentences share one array, each sentence a capped slice of it: one allocation rather than
	// one or more per sentence. A byte in four is a little more than news needs.
	all := make([]token, 0, len(norm)/4+1)
	for _, b := range blocks {
		p := Paragraph{Span: tm.span(b.start, b.end), Kind: b.kind, Sentences: []int{}}
		switch b.kind {
		case KindTitle:
			doc.Title = collapseSpace(norm[b.start:b.end])
		case KindText:
			start := b.start
			if b.dateline > 0 {
				ds, de := trimSpan(norm, b.start, b.start+b.dateline)
				d := tm.span(ds, de)
				p.Dateline = &d
				start += b.dateline
			}
			for _, r := range segment(norm[start:b.end]) {
				s, e := start+r[0], start+r[1]
				p.Sentences = append(p.Sentences, len(doc.Sentences))
				first := len(all)
				all = tagger.AppendTokens(all, norm[s:e], s)
				doc.Sentences = append(doc.Sentences, Sentence{
					Span:      tm.span(s, e),
					Text:      collapseSpace(norm[s:e]),
					Paragraph: len(doc.Paragraphs),
					tokens:    doc.mapTokens(all[first:len(all):len(all)]),
				})
			}
		}
		doc.Paragraphs = append(doc.Paragraphs, p)
	}
	if len(doc.Sentences) == 0 {
		return nil, withDetail(ErrEmptyText, "only headings and boilerplate")
	}
	linkQuotes(doc)
	for i := range doc.Sentences {
		for _, t := range doc.Sentences[i].tokens {
			if isWordToken(t.Text) {
				doc.Words++
			}
		}
	}
	return doc, nil
}

// proseBytes bounds the text the language check reads: it decides within a few thousand words.
const proseBytes = 64 << 10

// prose returns the text of the blocks that are not code or other markup, up to about proseBytes, for the language
// check: a README that is mostly code is still written in English. Text with no such block is checked whole.
func prose(norm string, blocks []block) string {
	var b strings.Builder
	for _, bl := range blocks {
		if bl.markup == markupCode {
			continue
		}
		b.WriteString(norm[bl.start:bl.end])
		b.WriteByte('\n')
		if b.Len() >= proseBytes {
			break
		}
	}
	if b.Len() == 0 {
		return norm
	}
	return b.String()
}

// mapTokens moves token spans from the normalized text to the input. Tokens cut from one replaced piece (a
// character reference such as "&amp0;" read as three tokens) would all map to the whole piece; the first keeps
// it and the others get an empty span at its end, so token spans never overlap.
func (d *Document) mapTokens(toks []token) []token {
	prev := 0
	for i := range toks {
		sp := d.text.span(toks[i].Start, toks[i].End)
		sp.Start = max(sp.Start, prev)
		sp.End = max(sp.End, sp.Start)
		toks[i].Start, toks[i].End = sp.Start, sp.End
		prev = sp.End
	}
	return toks
}

// linkQuotes finds direct quotes that run over several sentences and links each of their sentences to the one that
// names the speaker: the sentence where the quote closes when words follow the closing mark (`…for," Zelenskyy
// told reporters`), else the one where it opens when words precede the opening mark (`Zelenskyy said that "…`).
// Only double quotes count: a single quote mark is as often an apostrophe.
func linkQuotes(doc *Document) {
	var group []int // sentences of the quote being read
	open := false
	opener := -1 // the sentence that opened the quote, when words precede the mark
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		if i > 0 && s.Paragraph != doc.Sentences[i-1].Paragraph {
			open, group, opener = false, nil, -1 // quotes do not run across paragraphs in news style
		}
		t := s.Text
		if open || strings.HasPrefix(t, `"`) || strings.HasPrefix(t, `'`) {
			s.quote = true
		}
		wasOpen := open
		lastClose := -1
		firstOpen := -1
		for j := 0; ; j++ {
			k := strings.IndexByte(t[j:], '"')
			if k < 0 {
				break
			}
			j += k
			if !open && firstOpen < 0 {
				firstOpen = j
			}
			if open {
				lastClose = j
			}
			open = !open
		}
		if !wasOpen && !open {
			continue // quotes (if any) open and close inside this sentence
		}
		s.partial = true
		if !wasOpen && open {
			group = []int{i}
			opener = -1
			if firstOpen > 0 && hasWord(t[:firstOpen]) {
				opener = i
			}
			continue
		}
		group = append(group, i)
		if open {
			continue // the quote goes on
		}
		speaker := opener
		if lastClose >= 0 && hasWord(t[lastClose+1:]) {
			speaker = i
		}
		if speaker >= 0 && len(group) > 1 {
			for _, g := range group {
				if g != speaker {
					at := speaker
					doc.Sentences[g].Attribution = &at
				}
			}
		}
		group, opener = nil, -1
	}
}

// collapseSpace folds every run of whitespace into one space and trims the ends.
func collapseSpace(s string) string {
	// Most sentences have nothing to fold, and returning them as they are saves splitting and joining each one.
	space := true // a space here would be leading, or the second of a run
	for _, r := range s {
		// ASCII whitespace is '\t' to '\r' and ' ', as unicode.IsSpace has it; the call costs more than the test.
		if r == ' ' || '\t' <= r && r <= '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			if space || r != ' ' {
				return strings.Join(strings.Fields(s), " ")
			}
			space = true
			continue
		}
		space = false
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}

// pieceText is the text of a run of tokens as the input shows it, whitespace collapsed. For HTML input the tokens'
// own text is used, since the input between them may hold markup and character references.
func (d *Document) pieceText(toks []token) string {
	if !d.html {
		start, end := toks[0].Start, toks[len(toks)-1].End
		cuts := d.cutsIn(start, end)
		if len(cuts) == 0 {
			return collapseSpace(d.input[start:end])
		}
		var b strings.Builder
		for _, br := range cuts {
			b.WriteString(d.input[start:br.Start])
			start = br.End
		}
		b.WriteString(d.input[start:end])
		return collapseSpace(b.String())
	}
	var b strings.Builder
	for k, t := range toks {
		if k > 0 && t.Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// cutsIn returns the cuts (see textMap.cuts) inside the input range [start, end).
func (d *Document) cutsIn(start, end int) []Span {
	br := d.text.cuts
	i := sort.Search(len(br), func(i int) bool { return br[i].Start >= start })
	j := i
	for j < len(br) && br[j].End <= end {
		j++
	}
	return br[i:j]
}

// pieceSpans returns spans split at every cut inside them: the pieces of the input a text is made of. Across a
// word's break they join with nothing between (the one edit inside a word; see doc.go), across page furniture
// with a space, as any two spans do.
func (d *Document) pieceSpans(spans []Span) []Span {
	if len(d.text.cuts) == 0 {
		return spans
	}
	var out []Span
	for _, sp := range spans {
		for _, br := range d.cutsIn(sp.Start, sp.End) {
			out = append(out, Span{Start: sp.Start, End: br.Start})
			sp.Start = br.End
		}
		out = append(out, sp)
	}
	return out
}

// resolveName finds the name an opening "He" or "She" of sentence i stands for: the named subject of a sentence
// shortly before it, following quotes to their attribution. It returns the surname ("Zelenskyy"), or "" when the
// subject is not a name, since a wrong name is worse than no point.
func resolveName(doc *Document, i int) string {
	j := i - 1
	for steps := 0; j >= 0 && steps < resolveLookback; steps++ {
		s := &doc.Sentences[j]
		if s.Attribution != nil && *s.Attribution < j {
			j = *s.Attribution
			continue
		}
		if name := leadingName(s.tokens); name != "" {
			return name
		}
		if len(s.tokens) == 0 {
			return ""
		}
		if _, pronoun := openingWord(s.tokens[0].Text); !pronoun {
			return ""
		}
		j--
	}
	return ""
}

// nameRun returns the length of the run of capitalised words that opens a sentence when a verb follows it, else 0.
func nameRun(toks []token) int {
	k := 0
	for k < len(toks) && isCapitalized(toks[k].Text) && !stopwords.Has(strings.ToLower(toks[k].Text)) {
		k++
	}
	if k == 0 || k >= len(toks) {
		return 0
	}
	next := toks[k].Text
	if !startsLower(next) || stopwords.Has(next) && !verbish.Has(next) {
		return 0
	}
	return k
}

// leadingName returns the last word of the run of capitalised words that opens a sentence when a verb follows it
// ("Ukrainian President Volodymyr Zelenskyy has…" gives "Zelenskyy"), else "".
func leadingName(toks []token) string {
	k := 0
	for k < len(toks) && (toks[k].Text == `"` || toks[k].Text == "'") {
		k++
	}
	n := nameRun(toks[k:])
	if n == 0 {
		return ""
	}
	return strings.TrimSuffix(toks[k+n-1].Text, "'s")
}

// verbish are function words that follow a subject as a verb or auxiliary.
var verbish = wordset.Of("has have had is was were are will would can could should may might must did does do said says told also")

// turnSpeaker returns the speaker of the transcript turn that sentence i continues: the name before the colon of
// its paragraph's first sentence ("Grad A: …"), when that sentence is not i itself; "" otherwise.
func turnSpeaker(doc *Document, i int) string {
	p := doc.Paragraphs[doc.Sentences[i].Paragraph]
	if len(p.Sentences) == 0 || p.Sentences[0] == i {
		return ""
	}
	t := doc.Sentences[p.Sentences[0]].Text
	if !isSpeakerTurn(t) {
		return ""
	}
	return t[:strings.Index(t, ": ")]
}
