package summarize

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The normalize stage turns the input as given into the text every later stage reads: line breaks unified, exotic
// spaces made plain, invisible characters dropped, curly quotes straightened, invalid UTF-8 replaced. Later stages
// never see the input again, yet every span they report must index it; textMap keeps that link.

// piece maps a run of normalized bytes back to the input. In a kept piece the bytes are the input's own, one for
// one; in a replaced piece, nlen normalized bytes stand for rlen input bytes and no position inside maps finer.
type piece struct {
	norm, raw  int // byte offsets where the piece starts in the normalized text and in the input
	nlen, rlen int // byte lengths in each
	kept       bool
}

// textMap is normalized text together with the way back to the input. Pieces are few (one per edit, plus the runs
// between), so the map costs far less than an offset per byte, which matters for megabytes in a browser tab.
type textMap struct {
	norm   []byte
	pieces []piece
	hint   int // the piece found last: lookups mostly go forward through the text, one piece at a time
	// cuts are the input ranges dropped from inside the text, in order: the break of a word hyphenated across a
	// line ("compu-\nter", see breakWord) and the page furniture a PDF's text runs into its paragraphs (see
	// furniture). A sentence's span may hold one, so the text and spans of a point leave them out.
	cuts []Span
	// furniture are the page-furniture lines still to drop, in order; normalizeInto moves them to cuts.
	furniture []Span
	// compounds are the words the input spells with a hyphen on one line ("well-known"), lowercased: a word
	// broken after such a hyphen keeps it. Filled at the first broken word.
	compounds map[string]bool
}

// keep appends s, which is the input's own bytes starting at raw.
func (m *textMap) keep(raw int, s string) {
	if s == "" {
		return
	}
	if n := len(m.pieces); n > 0 {
		p := &m.pieces[n-1]
		if p.kept && p.raw+p.rlen == raw && p.norm+p.nlen == len(m.norm) {
			p.nlen += len(s)
			p.rlen += len(s)
			m.norm = append(m.norm, s...)
			return
		}
	}
	m.pieces = append(m.pieces, piece{norm: len(m.norm), raw: raw, nlen: len(s), rlen: len(s), kept: true})
	m.norm = append(m.norm, s...)
}

// replace appends s in place of the input bytes [raw, rawEnd). An empty s deletes them.
func (m *textMap) replace(raw, rawEnd int, s string) {
	if s == "" {
		return
	}
	m.pieces = append(m.pieces, piece{norm: len(m.norm), raw: raw, nlen: len(s), rlen: rawEnd - raw})
	m.norm = append(m.norm, s...)
}

// find returns the piece holding normalized byte n.
func (m *textMap) find(n int) piece {
	for i := m.hint; i <= m.hint+1 && i < len(m.pieces); i++ {
		if p := &m.pieces[i]; p.norm <= n && n < p.norm+p.nlen {
			m.hint = i
			return *p
		}
	}
	i := sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].norm+m.pieces[i].nlen > n })
	if i == len(m.pieces) {
		i--
	}
	m.hint = i
	return m.pieces[i]
}

// span maps the normalized byte range [start, end) to the input. A range touching part of a replaced piece widens to
// the whole piece, so the input slice always holds what the normalized text shows.
func (m *textMap) span(start, end int) Span {
	if len(m.pieces) == 0 || start >= end {
		return Span{}
	}
	if p := m.pieces[0]; len(m.pieces) == 1 && p.kept && p.raw == 0 {
		return Span{Start: start, End: end} // the input needed no normalizing, as most plain text does not
	}
	p := m.find(start)
	s := p.raw
	if p.kept {
		s += start - p.norm
	}
	p = m.find(end - 1)
	e := p.raw + p.rlen
	if p.kept {
		e = p.raw + end - p.norm
	}
	return Span{Start: s, End: e}
}

// normalizeRune returns what the rune r of the input becomes; ok is false when it stays as it is. Quotes are
// straightened so every later stage handles one kind; dashes and ellipses stay, since they carry meaning.
func normalizeRune(r rune) (s string, ok bool) {
	switch r {
	case '\t', '\v', '\f', 0xA0, 0x1680, 0x202F, 0x205F, 0x3000:
		return " ", true
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD:
		return "", true // zero-width characters and soft hyphens split words if kept as spaces
	case 0x2028:
		return "\n", true
	case 0x2029:
		return "\n\n", true
	case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033:
		return `"`, true
	case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032:
		return "'", true
	}
	switch {
	case r >= 0x2000 && r <= 0x200A:
		return " ", true
	case r < 0x20 && r != '\n', r == 0x7F, r >= 0x80 && r < 0xA0:
		return " ", true // control characters pasted from terminals or PDFs
	}
	return "", false
}

// normalizeInto appends the normalized form of raw[start:end] to m. CRLF and lone CR become LF; invalid UTF-8 bytes
// become U+FFFD one by one, so a span still indexes the input byte for byte around them.
func normalizeInto(m *textMap, raw string, start, end int) {
	run := start // start of the pending run of kept bytes
	flush := func(i int) {
		m.keep(run, raw[run:i])
	}
	for i := start; i < end; {
		if len(m.furniture) > 0 && i >= m.furniture[0].Start {
			if f := m.furniture[0]; i == f.Start && f.End <= end {
				flush(i)
				m.cuts = append(m.cuts, f)
				i, run = f.End, f.End
			}
			m.furniture = m.furniture[1:]
			continue
		}
		c := raw[i]
		if c >= 0x20 && c < 0x7F {
			i++
			continue
		}
		if c == '\r' || c == '\n' {
			if j, hyphen, ok := m.breakWord(raw, start, i, end); ok {
				cut := i - 1 // the hyphen goes with the break
				if hyphen {
					cut = i
				}
				flush(cut)
				m.cuts = append(m.cuts, Span{Start: cut, End: j})
				i, run = j, j
				continue
			}
		}
		if c == '\r' {
			flush(i)
			w := 1
			if i+1 < end && raw[i+1] == '\n' {
				w = 2
			}
			m.replace(i, i+w, "\n")
			i += w
			run = i
			continue
		}
		if c == '\n' {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(raw[i:end])
		if r == utf8.RuneError && w <= 1 {
			flush(i)
			m.replace(i, i+1, "\uFFFD")
			i++
			run = i
			continue
		}
		if s, ok := normalizeRune(r); ok {
			flush(i)
			if s == "" {
				i += w
				run = i
				continue
			}
			m.replace(i, i+w, s)
			i += w
			run = i
			continue
		}
		i += w
	}
	flush(end)
}

// breakWord reads a line break at raw[i] that splits a word after a hyphen: a letter and a hyphen before it, the
// next line's first letter lowercase after it ("compu-\n  ter"), as text copied from a justified PDF page or a
// hard-wrapped file has. It returns where the word goes on, and whether the hyphen is the word's own: the
// fragment holds a hyphen already ("part-of-\nspeech"), or the input spells the whole word with one elsewhere
// ("well-known"). Otherwise the hyphen only broke the line, and the word is joined without it.
func (m *textMap) breakWord(raw string, start, i, end int) (j int, hyphen, ok bool) {
	if i-2 < start || raw[i-1] != '-' || !isASCIILetter(raw[i-2]) {
		return 0, false, false
	}
	j = i + 1
	if raw[i] == '\r' && j < end && raw[j] == '\n' {
		j++
	}
	for j < end && (raw[j] == ' ' || raw[j] == '\t') {
		j++
	}
	if j >= end || raw[j] < 'a' || raw[j] > 'z' {
		return 0, false, false
	}
	from := i - 1
	for from > start && (isASCIILetter(raw[from-1]) || raw[from-1] == '-') {
		from--
	}
	to := j
	for to < end && isASCIILetter(raw[to]) {
		to++
	}
	frag := raw[from : i-1]
	if strings.Contains(frag, "-") {
		return j, true, true
	}
	if m.compounds == nil {
		m.compounds = hyphenatedWords(raw)
	}
	return j, m.compounds[strings.ToLower(frag+"-"+raw[j:to])], true
}

// hyphenatedWords returns the words of s that hold a hyphen between two letters, lowercased.
func hyphenatedWords(s string) map[string]bool {
	out := map[string]bool{}
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '-' || !isASCIILetter(s[i-1]) || !isASCIILetter(s[i+1]) {
			continue
		}
		from, to := i, i
		for from > 0 && (isASCIILetter(s[from-1]) || s[from-1] == '-') {
			from--
		}
		for to < len(s) && (isASCIILetter(s[to]) || s[to] == '-') {
			to++
		}
		out[strings.ToLower(strings.Trim(s[from:to], "-"))] = true
		i = to
	}
	return out
}

func isASCIILetter(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// Limits of page furniture.
const (
	furnitureMaxWords = 12 // a running header or footer is a title, a name, a date: a line, not a sentence
	furnitureMinTimes = 3  // a line met twice may be a refrain or a repeated heading; three pages make a pattern
	// furniturePageBytes is the least text between two of a running header's lines: a page holds more, while a
	// song's or a poem's refrain comes back sooner.
	furniturePageBytes  = 1000
	furnitureProseBytes = 40 // a page number breaks into a paragraph after a line of prose at least this long
)

// furniture returns the lines of text copied from a PDF that belong to the page, not the text: running headers
// and footers (the same short line every page or so, its page number aside) and page numbers alone on a line
// inside a paragraph. Each is a whole line with its line break, so the lines on either side join as the paragraph
// they were. Page numbers between blank lines are left to the blocks stage, which marks them as boilerplate.
func furniture(raw string) []Span {
	type line struct {
		start, end, next int // the content [start, end), and where the next line starts
	}
	var lines []line
	for i := 0; i < len(raw); {
		j := strings.IndexByte(raw[i:], '\n')
		next := len(raw)
		if j >= 0 {
			next = i + j + 1
		}
		s, e := i, next
		for e > s && (raw[e-1] == '\n' || raw[e-1] == '\r') {
			e--
		}
		lines = append(lines, line{s, e, next})
		i = next
	}
	content := func(l line) string { return strings.TrimSpace(raw[l.start:l.end]) }
	drop := make([]bool, len(lines))
	// Running headers: short lines without a stop, keyed without their digits, that recur at page distances.
	seen := map[string][]int{}
	var keys []string
	var buf []byte
	for k, l := range lines {
		c := content(l)
		if c == "" || endsSentence(c) || moreFields(c, furnitureMaxWords) || isSpeakerTurn(c) {
			continue
		}
		buf = buf[:0]
		letters := 0
		for _, r := range strings.ToLower(c) {
			switch {
			case unicode.IsLetter(r):
				letters++
				buf = utf8.AppendRune(buf, r)
			case !unicode.IsDigit(r):
				buf = utf8.AppendRune(buf, r)
			}
		}
		if letters < 3 {
			continue
		}
		key := strings.Join(strings.Fields(string(buf)), " ")
		if seen[key] == nil {
			keys = append(keys, key)
		}
		seen[key] = append(seen[key], k)
	}
	for _, key := range keys {
		at := seen[key]
		if len(at) < furnitureMinTimes {
			continue
		}
		// A page break mostly falls inside a sentence, so the header mostly interrupts one; a heading that
		// recurs (each function's "Parameters") follows a finished paragraph and opens the next.
		paged, interrupts := true, 0
		for n, k := range at {
			if n > 0 && lines[k].start-lines[at[n-1]].start < furniturePageBytes {
				paged = false
				break
			}
			prev, next := "", ""
			if k > 0 {
				prev = content(lines[k-1])
			}
			if k+1 < len(lines) {
				next = content(lines[k+1])
			}
			if prev != "" && !endsSentence(prev) || startsLower(next) {
				interrupts++
			}
		}
		for n := 0; paged && 2*interrupts >= len(at) && n < len(at); n++ {
			drop[at[n]] = true
		}
	}
	// A paper's title comes back as the running header of its pages; where it opens the text, it is the title.
	for k, l := range lines {
		if content(l) != "" {
			drop[k] = false
			break
		}
	}
	// Page numbers inside a paragraph: a prose line before (or a header just dropped), a line after.
	for k := 1; k+1 < len(lines); k++ {
		if !isPageNumber(content(lines[k])) || content(lines[k+1]) == "" {
			continue
		}
		p := content(lines[k-1])
		if drop[k-1] || len(p) >= furnitureProseBytes && !endsSentence(p) {
			drop[k] = true
		}
	}
	var out []Span
	for k, l := range lines {
		if drop[k] {
			out = append(out, Span{Start: l.start, End: l.next})
		}
	}
	return out
}
