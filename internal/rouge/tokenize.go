package rouge

import (
	"strings"
	"unicode/utf8"
)

// vocab tokenizes the texts of one scoring call and numbers their distinct
// tokens, so the metrics compare and count small integers instead of
// strings. Each distinct raw token is stemmed once per call. A vocab is not
// shared between calls, which keeps Scorer safe for concurrent use without
// locks.
type vocab struct {
	stem  bool
	raw   map[string]int32 // raw token -> id of its (stemmed) form
	ids   map[string]int32 // stemmed form -> id
	words []string         // id -> stemmed form
	buf   []byte
}

func newVocab(stem bool) *vocab {
	return &vocab{
		stem: stem,
		raw:  make(map[string]int32),
		ids:  make(map[string]int32),
	}
}

// Unicode code points whose Python lowercase contains a letter in a-z. They
// are the only non-ASCII characters that can end up inside a token.
const (
	kelvinSign      = '\u212a' // lowercases to "k"
	capitalIWithDot = '\u0130' // lowercases to "i" plus U+0307, which separates
)

// appendIDs appends the ids of the tokens of text to dst, following
// rouge-score's tokenize.tokenize: lowercase (as Python's str.lower does),
// every run of characters other than a-z and 0-9 separates tokens, tokens
// longer than 3 bytes are stemmed when stemming is on. Invalid UTF-8 bytes
// are separators.
func (v *vocab) appendIDs(dst []int32, text string) []int32 {
	v.buf = v.buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				v.buf = append(v.buf, c)
			case 'A' <= c && c <= 'Z':
				v.buf = append(v.buf, c+'a'-'A')
			default:
				dst = v.flush(dst)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch r {
		case kelvinSign:
			v.buf = append(v.buf, 'k')
		case capitalIWithDot:
			v.buf = append(v.buf, 'i')
			dst = v.flush(dst)
		default:
			dst = v.flush(dst)
		}
	}
	return v.flush(dst)
}

// flush ends the token being built, if any.
func (v *vocab) flush(dst []int32) []int32 {
	if len(v.buf) == 0 {
		return dst
	}
	id, ok := v.raw[string(v.buf)]
	if !ok {
		id = v.add(string(v.buf))
	}
	v.buf = v.buf[:0]
	if id < 0 {
		return dst
	}
	return append(dst, id)
}

// add numbers a raw token not seen before in this call. It returns -1 for a
// token whose stem is empty, which rouge-score's final check drops; the
// Porter stemmer never yields one, so this only keeps the port faithful.
func (v *vocab) add(raw string) int32 {
	form := raw
	if v.stem && len(raw) > 3 {
		form = stem(raw)
	}
	id := int32(-1)
	if form != "" {
		var ok bool
		if id, ok = v.ids[form]; !ok {
			id = int32(len(v.words))
			v.words = append(v.words, form)
			v.ids[form] = id
		}
	}
	v.raw[raw] = id
	return id
}

// sentences splits text at each "\n" and tokenizes every non-empty line, as
// rouge-score does for rougeLsum. A line with no tokens (only punctuation or
// spaces) stays in the list as an empty sentence.
func (v *vocab) sentences(text string) [][]int32 {
	// All ids go into one backing slice; the sentences are cut from it once
	// it has stopped growing.
	var flat []int32
	var ends []int
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		if line != "" {
			flat = v.appendIDs(flat, line)
			ends = append(ends, len(flat))
		}
		text = rest
	}
	sents := make([][]int32, len(ends))
	start := 0
	for i, end := range ends {
		sents[i] = flat[start:end:end]
		start = end
	}
	return sents
}
