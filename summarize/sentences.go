package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"keypoints/summarize/internal/wordset"
)

// This file is the sentence stage: it cuts a paragraph into sentences.
//
// The rules follow pragmatic_segmenter (abbreviation lists, initialisms,
// numbers, list markers, ellipses, closing quotes) but are tuned for news
// copy, where a wrong cut costs more than a missed one: a key point that
// starts with "Smith said." or ends with "Gov." reads as broken.
//
// The segmenter walks whitespace-separated tokens once, left to right. Only
// a token that ends in terminal punctuation (. ? ! …), possibly followed by
// closing quotes or brackets, can end a sentence. The decision looks at the
// word before the punctuation and at the start of the next token; only a
// spaced ellipsis or a short attribution after a quotation ("Travolta
// asked.") makes it look a few tokens further, and every such lookahead is
// bounded, so the cost stays linear in the input and nothing backtracks.

// segment splits one paragraph of text into sentences. It returns byte ranges [start, end) into text, in order,
// non-overlapping, each trimmed of surrounding whitespace and non-empty; together they cover every non-space byte.
//
// Single newlines are ordinary whitespace: paragraphs are split before this
// stage. Invalid UTF-8 is treated as ordinary characters. Every cut falls on
// a rune boundary as seen by utf8.DecodeRuneInString walking text from the
// start.
func segment(text string) [][2]int {
	s := segmenter{text: text, out: make([][2]int, 0, len(text)/128+1)}
	for i := skipSpace(text, 0); i < len(text); i = skipSpace(text, i) {
		te, dot := scanToken(text, i)
		i = s.token(i, te, dot)
	}
	s.emit(len(text))
	return s.out
}

// segmenter holds the state of one segment call.
type segmenter struct {
	text string
	out  [][2]int

	start int        // byte offset where the current sentence begins, before trimming
	words int        // tokens already in the current sentence; bare bullets do not count
	first string     // leading ASCII letters of the current sentence's first token
	colon bool       // the previous token ended with ':', so a list may start here
	list  listMarker // the marker that would continue the list in progress
	prev  [4][2]int  // the last tokens noted, newest first
}

// token handles the token text[ts:te], which contains a '.' if dot is set,
// and returns where scanning resumes.
func (s *segmenter) token(ts, te int, dot bool) int {
	t := s.text
	if c := t[te-1]; !dot && c < utf8.RuneSelf && !isTerminal(rune(c)) && !isCloser(rune(c)) && t[ts] < utf8.RuneSelf {
		// Most tokens are plain words: without a period, a final ? or !, a
		// closer or a bullet they can neither end a sentence nor be a list
		// marker, unless a boundary lost its punctuation before them.
		if s.words > 0 && s.glued(ts, te) {
			s.cut(ts)
		}
		s.note(ts, te)
		return te
	}
	ms := ts
	if r, n := utf8.DecodeRuneInString(t[ts:te]); isBullet(r) {
		// A bullet always opens an item, even when the previous item had no
		// final punctuation ("• 9. The first item • 10. The second item").
		if s.words > 0 {
			s.cut(ts)
		}
		ms = ts + n
		if ms == te {
			return te
		}
	}
	if m, ok := parseMarker(t[ms:te]); ok {
		// "1." at the start of a sentence numbers an item; it is not a
		// sentence of its own. Mid-sentence, only the marker that continues
		// the list in progress opens a new item, so "bought 2. The" still
		// reads as prose.
		switch {
		case s.words == 0 || (s.colon && m.n == 1):
			s.list = m.succ()
			s.note(ms, te)
			return te
		case s.list.n > 0 && m == s.list:
			s.cut(ts)
			s.list = m.succ()
			s.note(ms, te)
			return te
		}
	}
	if isLoneDot(t[ts:te]) {
		return s.dots(ts)
	}

	// The token is [openers] core terminal-run [closers]; find the run from
	// the right so that "great.”" and "engineer.)" end at the closer.
	cq := te
	for cq > ms {
		r, n := utf8.DecodeLastRuneInString(t[ms:cq])
		if !isCloser(r) {
			break
		}
		cq -= n
	}
	tp := cq
	for tp > ms {
		r, n := utf8.DecodeLastRuneInString(t[ms:tp])
		if !isTerminal(r) {
			break
		}
		tp -= n
	}
	if dot {
		s.inner(ms, tp)
	}
	if tp == cq {
		s.note(ms, te)
		return te
	}

	cs := skipOpeners(t, ms, tp)
	if s.start > cs {
		cs = s.start // an inner cut ("world.Today") moved the sentence start into this token
	}
	ce := tp
	for ce > cs {
		r, n := utf8.DecodeLastRuneInString(t[cs:ce])
		if !isCloser(r) {
			break
		}
		ce -= n
	}
	core := t[cs:ce]
	if ce < tp {
		// A period after a closer ends a parenthetical or a quoted title
		// ("38mph (61km/h). Curiously"), never an abbreviation.
		core = ""
	}

	dots, qe := 0, false
	for _, r := range t[tp:cq] {
		switch r {
		case '.':
			dots++
		case '…':
			dots += 3
		default:
			qe = true
		}
	}
	nx := s.peek(te)
	var cut bool
	switch {
	case nx.kind == atEnd:
		// The final emit closes the sentence.
	case qe:
		// "Is it over?" he asked. / Yahoo! in the accounting department.
		cut = nx.strong()
		if cut && t[tp:cq] == "!" && exclaimNames.Has(core) && !nx.starter() {
			cut = false
		}
	case dots >= 2:
		switch {
		case tp > ms && t[tp-1] == '[' && cq < te && t[cq] == ']':
			// "[...]" marks words left out of a quotation.
		case core == "" && (s.words == 0 || cs > ms):
			// A leading ellipsis (“... A woman is entitled") resumes a
			// quotation; it does not end anything.
		case dots >= 4:
			// Four dots are a period plus an ellipsis.
			cut = nx.strong()
		default:
			// An ellipsis before a capital usually ends the thought, but the
			// pronoun I is capitalized anyway and says nothing.
			cut = nx.kind == upper && nx.word != "I"
		}
	case nx.dot:
		// "compounds. . . . The practice": the period ends the sentence and
		// the spaced ellipsis opens the next one.
		if k, end := loneDots(t, skipSpace(t, te)); k == 3 {
			cut = s.peek(end).kind == upper
		}
	default:
		cut = s.endsAt(classify(core), nx)
	}
	if cut && hasQuote(t[cq:te]) && s.attribution(te) {
		// "Can I go?" Travolta asked. The quote and its attribution are
		// one sentence, as they are with a lowercase "he asked".
		cut = false
	}
	s.note(ms, te)
	if cut {
		s.cut(te)
	}
	return te
}

// attribution reports whether the tokens after p are a short attribution
// that ends there, such as "Travolta asked." or "Prime Minister David
// Cameron said,": up to four capitalized words, then a speech verb followed
// by a period or comma. "Loeb said he filed" is reported speech, a sentence
// of its own, and does not match.
func (s *segmenter) attribution(p int) bool {
	t := s.text
	for i := 0; i < 5; i++ {
		p = skipSpace(t, p)
		if p >= len(t) {
			return false
		}
		w := leadingLetters(t, p)
		if i > 0 && speechVerbs.Has(w) {
			q := p + len(w)
			return q < len(t) && (t[q] == '.' || t[q] == ',') && (q+1 == len(t) || spaceAt(t, q+1) > 0)
		}
		if !isUpperASCII(t[p]) || (i == 0 && starters.Has(w) && !pronouns.Has(w)) {
			return false // "That said, she is working on a film."
		}
		// Names are short; a long token is not one, and stopping early
		// keeps the lookahead bounded.
		q := p
		for q < len(t) && q-p < 24 && spaceAt(t, q) == 0 {
			q++
		}
		if q-p >= 24 {
			return false
		}
		p = q
	}
	return false
}

// hasQuote reports whether closers contains a quotation mark.
func hasQuote(closers string) bool {
	return strings.ContainsAny(closers, `"'”’»›`)
}

// endsAt reports whether a single period after a word of the given kind ends
// the sentence when nx follows.
func (s *segmenter) endsAt(kind wordKind, nx next) bool {
	switch nx.kind {
	case lower, weak:
		return false
	case digit:
		// "No. 10", "p. 55", "Dec. 5", "the U.S. 10-year note".
		return kind == plain
	}
	switch kind {
	case plain, numeric:
		return true
	case title:
		return false
	case clock:
		// "at 10 p.m. Monday" and "6 p.m. ET" continue; "at 6 P.M. Mr. Smith
		// then went" is a new sentence unless the time opened this one, as in
		// "At 5 a.m. Mr. Smith went to the bank."
		if nx.starter() {
			return true
		}
		if nx.kind != upper || timeWords.Has(nx.word) {
			return false
		}
		return !(timeLeads.Has(s.first) && s.words <= 4)
	default:
		// Initials, initialisms and company or place abbreviations end a
		// sentence only before a word that typically starts one: "the U.S.
		// Government" but "in the U.S. How about you?".
		return nx.starter()
	}
}

// inner cuts inside the token text[ts:end] where a period is followed by a
// capitalized word with no space, as in "Hello world.Today is Tuesday.".
// URLs and emails are left alone.
func (s *segmenter) inner(ts, end int) {
	t := s.text
	found := false
	for k := ts; k+2 < end; k++ {
		switch t[k] {
		case '@':
			return
		case ':':
			if strings.HasPrefix(t[k:end], "://") {
				return
			}
		case '.':
			if isUpperASCII(t[k+1]) && isLowerASCII(t[k+2]) {
				found = true
			}
		}
	}
	if !found || hasPrefixFold(t[ts:end], "www.") {
		return
	}
	ps := skipOpeners(t, ts, end)
	for k := ps; k < end; k++ {
		if t[k] != '.' {
			continue
		}
		k2 := k
		for k2 < end && t[k2] == '.' {
			k2++
		}
		if k2+1 < end && isUpperASCII(t[k2]) && isLowerASCII(t[k2+1]) && k-ps >= 2 {
			last := t[k-1]
			if (isLowerASCII(last) || isDigitASCII(last) || last == ')' || last == '"') && classify(t[ps:k]) == plain {
				s.cut(k2)
			}
		}
		ps = k2
		k = k2 - 1
	}
}

// dots handles a run of lone periods (". . .") starting at ts and returns
// where scanning resumes.
func (s *segmenter) dots(ts int) int {
	k, end := loneDots(s.text, ts)
	cut := false
	if k != 3 {
		// Three spaced dots are an ellipsis inside the sentence (or the tail
		// of "word. . . ." whose cut was decided at the word). One or two
		// stray dots act as a period; four or more are ellipsis plus period.
		cut = s.peek(end).strong()
	}
	s.note(ts, end)
	if cut {
		s.cut(end)
	}
	return end
}

// note records the token text[ts:te] as part of the current sentence.
func (s *segmenter) note(ts, te int) {
	if s.words == 0 {
		if ts < s.start {
			ts = s.start
		}
		s.first = leadingLetters(s.text, skipOpeners(s.text, ts, te))
	}
	s.words++
	s.colon = s.text[te-1] == ':'
	copy(s.prev[1:], s.prev[:len(s.prev)-1])
	s.prev[0] = [2]int{ts, te}
}

// glued reports whether the plain word text[ts:te] starts a sentence whose boundary lost its punctuation. Pages
// copied as text run photo captions into the story ("…higher than a colleague The cost of divorce…") and leave
// widget labels in it ("Scroll down for video"). A capitalised article or pronoun right after a lowercase content
// word, and followed by a lowercase word, is such a start: inside a sentence "The" is capitalised only in titles
// ("in The Great Escape"), which follow a function word or go on with capitals.
func (s *segmenter) glued(ts, te int) bool {
	t := s.text
	w := t[ts:te]
	prev := t[s.prev[0][0]:s.prev[0][1]]
	if s.words >= 4 && prev == "video" && s.prev[3][1] > s.start && t[s.prev[3][0]:s.prev[1][1]] == "Scroll down for" {
		return unicode.IsUpper(rune(w[0]))
	}
	if w == "Scroll" && strings.HasPrefix(t[te:], " down for video") {
		return true
	}
	if !gluedStarters[w] || gluedBlockers[prev] {
		return false
	}
	// After a figure ("…for $20 He was once…", "…on Saturday, May 2 The two boxers…") the starter opens a sentence
	// when a lowercase word follows: "in 2015 The Guardian" is a title.
	// A number that ends a list marker ("conditions: 1. The states…") is no figure. A footnote mark after a stop
	// ("…the same category.1 In actuality…") ends the sentence as the stop would.
	if isDigitsASCII(strings.TrimLeft(prev, "$£€")) && !strings.HasSuffix(prev, ".") || isFootnoted(prev) {
		return s.peek(te).kind == lower
	}
	if len(prev) < 3 || gluedBlockers[strings.ToLower(prev)] {
		return false
	}
	// The word before is lowercase, or a name before an article or a pronoun ("…at Old Trafford The afternoon
	// started…"): a title that goes on from a name goes on with capitals ("Alexander The Great"). Other starters
	// after a capital more likely belong to a name or a title ("Merseyside Police said", "Faking It and…", "How
	// We do"), and a capitalised function word is a speaker starting over ("But We can…").
	name := prev[0] >= 'A' && prev[0] <= 'Z' && gluedAfterName[w] && !stopwords.Has(strings.ToLower(prev))
	for i := 0; i < len(prev); i++ {
		if (prev[i] < 'a' || prev[i] > 'z') && (i > 0 || !name) {
			return false
		}
	}
	return s.peek(te).kind == lower
}

// isFootnoted reports whether w is a word, a stop and a footnote number: "category.1".
func isFootnoted(w string) bool {
	dot := strings.LastIndexByte(w, '.')
	return dot > 0 && dot+1 < len(w) && isDigitsASCII(w[dot+1:]) && unicode.IsLetter(rune(w[dot-1])) &&
		strings.IndexByte(w[:dot], '.') < 0
}

// gluedStarters open a sentence glued to the one before, gluedAfterName also after a name; gluedBlockers are
// words after which a capitalised "The" starts a title rather than a sentence.
var (
	gluedStarters = map[string]bool{"The": true, "He": true, "She": true, "It": true, "They": true, "His": true, "Her": true,
		"Their": true, "Police": true, "In": true, "But": true, "This": true, "These": true, "We": true, "As": true}
	gluedAfterName = map[string]bool{"The": true, "He": true, "She": true, "They": true, "His": true, "Her": true,
		"Their": true, "This": true, "These": true, "We": true}
	gluedBlockers = map[string]bool{"the": true, "of": true, "in": true, "on": true, "at": true, "by": true, "for": true,
		"with": true, "from": true, "to": true, "and": true, "or": true, "called": true, "named": true, "titled": true,
		"dubbed": true, "film": true, "movie": true, "book": true, "show": true, "song": true, "album": true,
		"newspaper": true, "magazine": true, "paper": true, "read": true, "watched": true, "star": true, "starred": true,
		"that": true, "than": true, "as": true, "like": true, "about": true, "into": true, "said": true, "says": true, "told": true}
)

// cut ends the current sentence at p and starts the next one there.
func (s *segmenter) cut(p int) {
	s.emit(p)
	s.start = p
	s.words = 0
	s.first = ""
	s.colon = false
}

// emit appends the current sentence, up to p, trimmed; blank ones are dropped.
func (s *segmenter) emit(p int) {
	t := s.text
	a := skipSpace(t, s.start)
	b := p
	for b > a {
		r, n := utf8.DecodeLastRuneInString(t[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	if a < b {
		s.out = append(s.out, [2]int{a, b})
	}
}

// nextKind classifies how the token after a candidate boundary begins.
type nextKind uint8

const (
	atEnd nextKind = iota // no more tokens
	upper                 // a capital letter, or a lowercase brand such as iPhone
	lower                 // a lowercase letter: the sentence goes on
	digit                 // a number
	weak                  // a dash, comma, colon or closer: the sentence goes on
	other                 // a symbol or emoji, treated like a capital
)

// next describes the token after a candidate boundary.
type next struct {
	kind nextKind
	word string // leading ASCII letters after any opening quote, for word lists
	dot  bool   // the token is a lone '.', maybe the start of ". . ."
}

// strong reports whether the next token looks like the start of a sentence
// at all; whether it really is one depends on what came before.
func (n next) strong() bool {
	return n.kind == upper || n.kind == digit || n.kind == other
}

// starter reports whether the next token is a word that commonly starts a
// sentence and rarely follows an abbreviation inside a name.
func (n next) starter() bool {
	return n.kind == upper && starters.Has(n.word)
}

// peek looks at the token that starts at or after p. It reads only a short
// prefix of that token, except to check for a lone '.'.
func (s *segmenter) peek(p int) next {
	t := s.text
	p = skipSpace(t, p)
	if p >= len(t) {
		return next{kind: atEnd}
	}
	var nx next
	if t[p] == '.' {
		nx.dot = isLoneDot(t[p:tokenEnd(t, p)])
	}
	q := p
	for q < len(t) {
		r, n := utf8.DecodeRuneInString(t[q:])
		if !isOpener(r) {
			break
		}
		q += n
	}
	if q >= len(t) || spaceAt(t, q) > 0 {
		nx.kind = other
		return nx
	}
	r, n := utf8.DecodeRuneInString(t[q:])
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		nx.kind = upper
	case unicode.IsLower(r):
		nx.kind = lower
		if r2, _ := utf8.DecodeRuneInString(t[q+n:]); unicode.IsUpper(r2) {
			nx.kind = upper // iPhone, eBay
		}
	case unicode.IsDigit(r):
		nx.kind = digit
	case (r == '-' || r == '*') && (q+1 == len(t) || spaceAt(t, q+1) > 0):
		nx.kind = other // a lone hyphen or asterisk is a bullet: "evidence. - The government"
	case isWeak(r):
		nx.kind = weak
	default:
		nx.kind = other
	}
	nx.word = leadingLetters(t, q)
	return nx
}

// wordKind classifies the word before a period.
type wordKind uint8

const (
	plain   wordKind = iota // an ordinary word, URL or email: a period ends the sentence
	numeric                 // takes a number after it (No., Dec., ft.): joins only before digits
	title                   // precedes a name (Mr., Gov., vs.): never ends a sentence before a word
	soft                    // initials, initialisms, Inc., St.: ends only before a sentence starter
	clock                   // a.m. and p.m.
)

// classify returns the kind of core, the text before a terminal period
// without quotes or brackets. Matching is case-sensitive on purpose: "Co."
// and "St." are abbreviations, "st." after "5th" is not special either way,
// and "Ill." is a state while "ill." ends a sentence.
func classify(core string) wordKind {
	// "R-Ariz." and "ex-Gov." are decided by their last part, but not
	// "Type-C." or "km/h.", which are not initials.
	if i := strings.LastIndexByte(core, '-'); i >= 0 && len(core)-i > 2 {
		core = core[i+1:]
	}
	if len(core) == 0 || len(core) > 8 {
		return plain
	}
	if k, ok := abbreviations[core]; ok {
		return k
	}
	if len(core) == 1 && (isUpperASCII(core[0]) || isLowerASCII(core[0])) {
		return soft // an initial, "E." in "Jonas E. Smith"
	}
	if isInitialism(core) {
		return soft
	}
	return plain
}

// isInitialism reports whether w looks like "U.S", "U.S.A" or "Ph.D": short
// letter groups joined by periods (the final period is not part of w).
func isInitialism(w string) bool {
	groups, n := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			groups++
			n = 0
		case isUpperASCII(c) || isLowerASCII(c):
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return groups > 0 && n > 0
}

// listMarker is an item marker such as "1.", "2)", "3.)" or "b.".
type listMarker struct {
	n     int    // item number; letters count a=1, b=2; 0 means none
	alpha bool   // lettered rather than numbered
	style string // what follows the number: ".", ")" or ".)"
}

// succ returns the marker of the following item.
func (m listMarker) succ() listMarker {
	m.n++
	if m.alpha && m.n > 26 {
		return listMarker{}
	}
	return m
}

// parseMarker reports whether tok is a list marker. Numbers have at most
// two digits so that years ("2015.") are not taken for items; letters are
// lowercase, since "A." and "I." are usually initials.
func parseMarker(tok string) (listMarker, bool) {
	var m listMarker
	i := 0
	switch {
	case len(tok) >= 2 && isLowerASCII(tok[0]):
		m.alpha = true
		m.n = int(tok[0]-'a') + 1
		i = 1
	default:
		for i < len(tok) && i < 3 && isDigitASCII(tok[i]) {
			m.n = m.n*10 + int(tok[i]-'0')
			i++
		}
		if i == 0 || i > 2 || m.n == 0 {
			return listMarker{}, false
		}
	}
	switch tok[i:] {
	case ".", ")", ".)":
		m.style = tok[i:]
		return m, true
	}
	return listMarker{}, false
}

// loneDots counts the lone-period tokens of a spaced ellipsis starting at p
// and returns the count and the end of the last one. A closer after a dot
// (". . .”") ends the run.
func loneDots(t string, p int) (int, int) {
	k, end := 0, p
	for p < len(t) {
		te := tokenEnd(t, p)
		if !isLoneDot(t[p:te]) {
			break
		}
		k++
		end = te
		if te-p > 1 {
			break
		}
		p = skipSpace(t, te)
	}
	return k, end
}

// isLoneDot reports whether tok is a single '.' with nothing but closers after it.
func isLoneDot(tok string) bool {
	if tok == "" || tok[0] != '.' {
		return false
	}
	for _, r := range tok[1:] {
		if !isCloser(r) {
			return false
		}
	}
	return true
}

// skipSpace returns the offset of the first non-space rune at or after i.
func skipSpace(t string, i int) int {
	for i < len(t) {
		if t[i] == ' ' {
			i++
			continue
		}
		n := spaceAt(t, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// tokenEnd returns the offset of the first space rune after i, or len(t).
func tokenEnd(t string, i int) int {
	end, _ := scanToken(t, i)
	return end
}

// scanToken returns the offset of the first space rune after i, or len(t),
// and whether the token before it contains a '.'.
func scanToken(t string, i int) (int, bool) {
	dot := false
	for i < len(t) {
		switch byteClass[t[i]] {
		case 0:
			i++
		case classDot:
			dot = true
			i++
		case classSpace:
			return i, dot
		default:
			r, n := utf8.DecodeRuneInString(t[i:])
			if unicode.IsSpace(r) {
				return i, dot
			}
			i += n
		}
	}
	return i, dot
}

// Byte classes for scanToken, which runs over every byte of the input.
const (
	classSpace = 1 + iota // ASCII whitespace
	classDot              // '.'
	classHigh             // first or later byte of a multi-byte rune
)

var byteClass = func() (c [256]uint8) {
	for b := 0x80; b < 0x100; b++ {
		c[b] = classHigh
	}
	for _, b := range " \t\n\v\f\r" {
		c[b] = classSpace
	}
	c['.'] = classDot
	return c
}()

// spaceAt returns the byte length of the space rune at i, or 0.
func spaceAt(t string, i int) int {
	if t[i] < utf8.RuneSelf {
		if isSpaceASCII(t[i]) {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// skipOpeners returns the offset after the opening quotes and brackets at i, at most end.
func skipOpeners(t string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(t[i:end])
		if !isOpener(r) {
			break
		}
		i += n
	}
	return i
}

// leadingLetters returns the ASCII letters at i, or "" when there are too
// many to be a listed word (which keeps the cost per token bounded).
func leadingLetters(t string, i int) string {
	j := i
	for j < len(t) && j-i <= 16 && (isUpperASCII(t[j]) || isLowerASCII(t[j])) {
		j++
	}
	if j-i > 16 {
		return ""
	}
	return t[i:j]
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isSpaceASCII(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

func isTerminal(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '…' || r == '‽'
}

// isCloser reports whether r may close a quotation or bracket after the
// final punctuation. The straight quotes and ’ double as apostrophes, which
// is harmless here: "Jr.'s" has letters after the quote, so it is not a closer
// position.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„', '‚', '¿', '¡':
		return true
	}
	return false
}

func isBullet(r rune) bool {
	switch r {
	case '•', '⁃', '‣', '◦', '▪', '●':
		return true
	}
	return false
}

// isWeak reports whether a token starting with r continues the sentence:
// `"Why?" — he asked`, `Yahoo!, Google`.
func isWeak(r rune) bool {
	switch r {
	case ',', ';', ':', '-', '–', '—', ')', ']', '}', '”', '’', '»', '›', '%', '&':
		return true
	}
	return false
}

// abbreviations lists the words whose period is not, by itself, the end of a
// sentence. Single letters and initialisms are recognized by shape instead.
var abbreviations = map[string]wordKind{
	// Titles and other words that come before a name.
	"Mr": title, "Mrs": title, "Ms": title, "Mx": title, "Messrs": title, "Mmes": title,
	"Mme": title, "Mlle": title, "Prof": title, "Profs": title, "Gov": title, "Govs": title,
	"Sen": title, "Sens": title, "Rep": title, "Reps": title, "Gen": title, "Gens": title,
	"Lt": title, "Col": title, "Sgt": title, "Capt": title, "Cmdr": title, "Cdr": title,
	"Adm": title, "Maj": title, "Brig": title, "Cpl": title, "Pvt": title, "Pfc": title,
	"Spc": title, "Rev": title, "Hon": title, "Pres": title, "Supt": title, "Atty": title,
	"Det": title, "Insp": title, "Amb": title, "Fr": title, "Msgr": title, "Rt": title,
	"Asst": title, "Assoc": title, "Sec": title, "Lieut": title, "Ald": title,
	"vs": title, "Vs": title, "e.g": title, "i.e": title, "E.g": title, "I.e": title,
	"cf": title, "Cf": title, "viz": title,

	// Abbreviations that may end a sentence: in names, after names, places.
	"Dr": soft, "Drs": soft, "St": soft, "Sts": soft, "Ste": soft, "Mt": soft, "Mts": soft,
	"Ft": soft, "Jr": soft, "Sr": soft, "Co": soft, "Cos": soft, "Corp": soft, "Inc": soft,
	"Ltd": soft, "Bros": soft, "Plc": soft, "LLC": soft, "LLP": soft, "Ave": soft,
	"Blvd": soft, "Rd": soft, "Hwy": soft, "Pkwy": soft, "Dept": soft, "Univ": soft,
	"Assn": soft, "Govt": soft, "Intl": soft, "Natl": soft, "Esq": soft, "Mfg": soft,
	"Ala": soft, "Ariz": soft, "Ark": soft, "Calif": soft, "Colo": soft, "Conn": soft,
	"Del": soft, "Fla": soft, "Ga": soft, "Ill": soft, "Ind": soft, "Kan": soft, "Kans": soft,
	"Ky": soft, "La": soft, "Md": soft, "Mass": soft, "Mich": soft, "Minn": soft, "Miss": soft,
	"Mo": soft, "Mont": soft, "Neb": soft, "Nebr": soft, "Nev": soft, "Okla": soft, "Ore": soft,
	"Pa": soft, "Tenn": soft, "Tex": soft, "Vt": soft, "Va": soft, "Wash": soft, "Wis": soft,
	"Wyo": soft, "Ont": soft, "Que": soft,

	// Words that come before a number.
	"No": numeric, "Nos": numeric, "no": numeric, "nos": numeric, "Nr": numeric,
	"N°": numeric, "Nº": numeric, "pp": numeric, "Vol": numeric, "vol": numeric,
	"Vols": numeric, "vols": numeric, "Fig": numeric, "fig": numeric, "Figs": numeric,
	"Art": numeric, "art": numeric, "Ch": numeric, "ch": numeric, "Chap": numeric,
	"chap": numeric, "Sect": numeric, "sect": numeric, "sec": numeric, "Para": numeric,
	"para": numeric, "ca": numeric, "approx": numeric, "Approx": numeric, "est": numeric,
	"ft": numeric, "lb": numeric, "lbs": numeric, "oz": numeric, "mi": numeric, "km": numeric,
	"yd": numeric, "yds": numeric, "cm": numeric, "mm": numeric, "kg": numeric, "mg": numeric,
	"hr": numeric, "hrs": numeric, "min": numeric, "mins": numeric, "Apt": numeric,
	"apt": numeric, "Rm": numeric, "Bldg": numeric, "Rte": numeric, "Op": numeric,
	"op": numeric, "Tel": numeric, "tel": numeric, "ext": numeric, "Ext": numeric,
	"Jan": numeric, "Feb": numeric, "Mar": numeric, "Apr": numeric, "Jun": numeric,
	"Jul": numeric, "Aug": numeric, "Sep": numeric, "Sept": numeric, "Oct": numeric,
	"Nov": numeric, "Dec": numeric,

	"a.m": clock, "p.m": clock, "A.M": clock, "P.M": clock,
}

// starters are words that commonly open a sentence and rarely continue a
// name after an abbreviation. Nouns are left out on purpose: "the U.S.
// Government" must stay whole, so only function words decide.
var starters = setOf(
	"A", "An", "The", "This", "That", "These", "Those", "There", "Here", "Then",
	"I", "We", "You", "He", "She", "It", "They", "Its", "His", "Her", "Their", "Our", "My", "Your",
	"But", "And", "Or", "So", "Yet", "Nor", "Also", "Still", "Now", "Even", "Just", "Only",
	"In", "On", "At", "As", "By", "For", "From", "With", "Without", "To", "Of", "Under", "Over",
	"After", "Before", "During", "Despite", "Since", "Until", "Among", "According", "Unlike",
	"If", "When", "While", "Although", "Though", "Because", "Once", "Unless", "Whether",
	"What", "Who", "Whom", "Whose", "Why", "How", "Where", "Which",
	"Did", "Do", "Does", "Is", "Are", "Was", "Were", "Can", "Could", "Will", "Would", "Should",
	"Shall", "Might", "Must", "Has", "Have", "Had",
	"Not", "No", "Yes", "Some", "Many", "Most", "All", "Both", "Each", "Every", "Few", "Several",
	"Such", "Other", "Another", "More", "Let", "Please", "Thank", "Thanks",
	"However", "Meanwhile", "Moreover", "Furthermore", "Nevertheless", "Instead", "Indeed",
	"Perhaps", "Maybe", "Overall", "Today", "Yesterday", "Earlier", "Later", "Last", "Never",
)

// timeWords may follow a.m. or p.m. inside a sentence: "10 p.m. Monday",
// "6 p.m. ET".
var timeWords = setOf(
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
	"Sept", "Oct", "Nov", "Dec",
	"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST",
	"AKDT", "HST", "GMT", "BST", "UTC", "CET", "CEST", "EET", "EEST", "IST", "JST", "KST",
	"AEST", "AEDT", "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Local", "Greenwich",
)

// timeLeads open a sentence with a time phrase ("At 5 a.m. Mr. Smith went"),
// after which a capitalized word is the subject, not a new sentence.
var timeLeads = setOf(
	"At", "By", "Until", "Till", "Before", "After", "Around", "About", "Since", "From",
	"Between", "Shortly", "Just", "Early", "Late", "Starting", "Beginning", "On", "Sometime",
	"Approximately", "Roughly", "Nearly",
)

// pronouns may open an attribution: `"Is it over?" He asked.`
var pronouns = setOf("He", "She", "They", "We", "I", "It")

// exclaimNames carry an exclamation mark in the name: "Yahoo! in the
// accounting department", "a Jeopardy! champion".
var exclaimNames = setOf("Yahoo", "Jeopardy", "E")

func setOf(words ...string) wordset.Set {
	return wordset.New(words)
}

// isDigitsASCII reports whether s is a run of ASCII digits, commas and points that starts with a digit ("20",
// "1,500", "4.5").
func isDigitsASCII(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return true
}
