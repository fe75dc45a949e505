package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"keypoints/summarize/internal/wordset"
)

// Token is a word, number or punctuation mark of a text.
type Token struct {
	Start, End int    // byte offsets of the token in the text it was cut from
	Text       string // the token as the tagger sees it (curly quotes straightened)
}

// Tokenize cuts text into tokens the way prose's iterTokenizer does (same
// splits: leading $ ( " [, trailing , ) " ] ! ; . ? : ', clitics 'll 's 're 'm
// n't, emoticons and abbreviations kept whole), but records each token's byte
// span in text; base is added to every offset.
//
// The tagger's features were learned on prose's token boundaries, so matching
// them is what keeps its tags as good as prose's. We part from prose only
// where it goes wrong:
//   - prose silently drops the rest of a word that starts with a clitic, so
//     "won't." loses "n't." and ‘shame’ vanishes; we keep such a word and cut
//     off its trailing marks as usual ("wo" "n't" "."; "'shame" "'").
//   - prose looks for clitics in the lowercased word but cuts the original,
//     which cuts in the wrong place when lowercasing shortens the word (the
//     Kelvin sign) and panics when it lengthens it (invalid UTF-8 becomes
//     U+FFFD); we match clitics in place, ignoring ASCII case.
//
// Text of a token is straightened (“ ” ‘ ’ and &rsquo; become ASCII quotes, as
// prose's sanitizer does) while its span covers the original bytes. Invalid
// UTF-8 is passed through byte for byte.
func Tokenize(text string, base int) []Token {
	// News averages a little over five bytes per token; a close first guess
	// saves the repeated growth of a large slice.
	return AppendTokens(make([]Token, 0, len(text)/5+1), text, base)
}

// AppendTokens appends the tokens of text to toks, as Tokenize makes them.
func AppendTokens(toks []Token, text string, base int) []Token {
	first := len(toks)
	clean, edits := straighten(text)
	// White space as unicode.IsSpace has it; an ASCII byte is tested as it is, since decoding and the general test
	// cost the tokenizer a tenth of its time.
	for i := 0; i < len(clean); {
		space, size := isASCIISpace(clean[i]), 1
		if clean[i] >= utf8.RuneSelf {
			space, size = spaceAt(clean, i)
		}
		if space {
			i += size
			continue
		}
		j := i + size
		for j < len(clean) {
			if c := clean[j]; c < utf8.RuneSelf {
				if isASCIISpace(c) {
					break
				}
				j++
				continue
			}
			space, size := spaceAt(clean, j)
			if space {
				break
			}
			j += size
		}
		toks = splitWord(toks, clean, i, j)
		i = j
	}

	// Spans come out in increasing order, so one pass over the edits maps them
	// back to the original text.
	k, shift := 0, 0
	for i := first; i < len(toks); i++ {
		t := &toks[i]
		for k < len(edits) && edits[k].at < t.Start {
			shift += edits[k].shrink
			k++
		}
		end := t.End + shift
		for e := k; e < len(edits) && edits[e].at < t.End; e++ {
			end += edits[e].shrink
		}
		t.Start += shift + base
		t.End = end + base
	}
	return toks
}

// isASCIISpace reports whether the ASCII byte c is white space: ' ', or '\t' to '\r'.
func isASCIISpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// spaceAt reports whether the rune at s[i] is white space, and its size.
func spaceAt(s string, i int) (bool, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// edit records that the byte at offset at of the straightened text replaced
// shrink+1 bytes of the original.
type edit struct {
	at, shrink int
}

// straightQuotes are the replacements of prose's sanitizer. Each replacement is
// one byte, which is what lets a single edit list map offsets back.
var straightQuotes = [...]struct{ from, to string }{
	{"\u201c", `"`},
	{"\u201d", `"`},
	{"\u2018", "'"},
	{"\u2019", "'"},
	{"&rsquo;", "'"},
}

// straighten returns text with curly quotes made straight, as prose's
// sanitizer does, and where it shortened the text. Text without curly quotes
// is returned as is, without copying.
func straighten(text string) (string, []edit) {
	if !strings.Contains(text, "\u2018") && !strings.Contains(text, "\u2019") &&
		!strings.Contains(text, "\u201c") && !strings.Contains(text, "\u201d") &&
		!strings.Contains(text, "&rsquo;") {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	var edits []edit
	copied := 0 // text[:copied] is in b
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != 0xe2 && c != '&' {
			continue
		}
		for _, q := range straightQuotes {
			if strings.HasPrefix(text[i:], q.from) {
				b.WriteString(text[copied:i])
				edits = append(edits, edit{at: b.Len(), shrink: len(q.from) - len(q.to)})
				b.WriteString(q.to)
				copied = i + len(q.from)
				i = copied - 1
				break
			}
		}
	}
	b.WriteString(text[copied:])
	return b.String(), edits
}

// splitWord appends the tokens of clean[start:end], a run without spaces, the
// way prose's doSplit cuts it (but see tokenize).
func splitWord(toks []Token, clean string, start, end int) []Token {
	add := func(s, e int) {
		toks = append(toks, Token{Start: s, End: e, Text: clean[s:e]})
	}
	s, e := start, end
	for s < e {
		w := clean[s:e]
		if isSpecial(w) {
			add(s, e)
			break
		}
		if len(w) > 1 && isPrefixMark(w[0]) {
			add(s, s+1)
			s++
		} else if i := cliticIndex(w); i > 0 {
			// A clitic at i == 0 is where prose drops the word; we go on as
			// if there were none.
			add(s, s+i)
			s += i
		} else if len(w) > 1 && isSuffixMark(w[len(w)-1]) {
			e--
		} else {
			add(s, e)
			break
		}
	}
	// Suffix marks were peeled off the end one byte at a time, so they are
	// exactly the bytes between where the word stopped and where it ended.
	for i := e; i < end; i++ {
		add(i, i+1)
	}
	return toks
}

func isPrefixMark(c byte) bool {
	return c == '$' || c == '(' || c == '"' || c == '['
}

func isSuffixMark(c byte) bool {
	switch c {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return true
	}
	return false
}

// clitics are tried in prose's order; the first that occurs anywhere in the
// word wins, even when a later one occurs earlier.
var clitics = [...]string{"'ll", "'s", "'re", "'m", "n't"}

// cliticIndex reports where the first matching clitic starts in w, or -1. Like
// prose it ignores a clitic that is the whole word.
func cliticIndex(w string) int {
	if strings.IndexByte(w, '\'') < 0 {
		return -1 // every clitic has an apostrophe; most words have none
	}
	for _, c := range clitics {
		if len(w) <= len(c) {
			continue
		}
		if i := indexFoldASCII(w, c); i >= 0 {
			return i
		}
	}
	return -1
}

// indexFoldASCII is strings.Index ignoring ASCII case; pattern must be lower
// case.
func indexFoldASCII(s, pattern string) int {
	for i := 0; i+len(pattern) <= len(s); i++ {
		j := 0
		for j < len(pattern) && wordset.LowerASCII(s[i+j]) == pattern[j] {
			j++
		}
		if j == len(pattern) {
			return i
		}
	}
	return -1
}

// isSpecial reports whether w is kept whole: an emoticon, or an abbreviation
// that prose's internalRE matches, `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`
// ("U.S.", "Gov.", "Dec.").
func isSpecial(w string) bool {
	if isEmoticon(w) {
		return true
	}
	n := len(w)
	if n >= 4 && n%2 == 0 {
		dotted := true
		for i := 0; i < n; i += 2 {
			if !isASCIILetter(w[i]) || w[i+1] != '.' {
				dotted = false
				break
			}
		}
		if dotted {
			return true
		}
	}
	if (n == 3 || n == 4) && 'A' <= w[0] && w[0] <= 'Z' && w[n-1] == '.' {
		for i := 1; i < n-1; i++ {
			if w[i] < 'a' || w[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isEmoticon reports whether w is in prose's list of emoticons. Most words
// start with a byte no emoticon starts with, which is cheaper to check than
// the map.
func isEmoticon(w string) bool {
	if w == "" || !emoticonStart[w[0]] {
		return false
	}
	_, ok := emoticons[w]
	return ok
}

// emoticonStart marks the first bytes of the emoticons.
var emoticonStart = func() (starts [256]bool) {
	for e := range emoticons {
		starts[e[0]] = true
	}
	return starts
}()

// emoticons is prose's list; the tokenizer keeps them whole and the tagger
// tags them SYM.
var emoticons = map[string]struct{}{
	"(-8": {}, "(-;": {}, "(-_-)": {}, "(._.)": {}, "(:": {}, "(=": {},
	"(o:": {}, "(¬_¬)": {}, "(ಠ_ಠ)": {}, "(╯°□°）╯︵┻━┻": {}, "-__-": {},
	"8-)": {}, "8-D": {}, "8D": {}, ":(": {}, ":((": {}, ":(((": {},
	":()": {}, ":)))": {}, ":-)": {}, ":-))": {}, ":-)))": {}, ":-*": {},
	":-/": {}, ":-X": {}, ":-]": {}, ":-o": {}, ":-p": {}, ":-x": {},
	":-|": {}, ":-}": {}, ":0": {}, ":3": {}, ":P": {}, ":]": {},
	":`(": {}, ":`)": {}, ":`-(": {}, ":o": {}, ":o)": {}, "=(": {},
	"=)": {}, "=D": {}, "=|": {}, "@_@": {}, "O.o": {}, "O_o": {},
	"V_V": {}, "XDD": {}, "[-:": {}, "^___^": {}, "o_0": {}, "o_O": {},
	"o_o": {}, "v_v": {}, "xD": {}, "xDD": {}, "¯\\(ツ)/¯": {},
}
