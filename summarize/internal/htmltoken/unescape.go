package htmltoken

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Unescape decodes the character references in s ("&lt;", "&eacute;", "&#233;", "&#xE9;") exactly as the standard
// library's html.UnescapeString does, with HTML's table of 2,231 named references. That package keeps its table as
// Go maps, whose code and pointers cost the WebAssembly module 21 KB of brotli; here the table is one string,
// entities, sorted by name, and a lookup is a binary search in it.
func Unescape(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i >= 0 {
		b = append(b, s[:i]...)
		s = s[i:]
		n := 1
		if len(s) > 1 {
			b, n = unescapeReference(b, s)
		} else {
			b = append(b, '&')
		}
		s = s[n:]
		i = strings.IndexByte(s, '&')
	}
	return string(append(b, s...))
}

// windows1252 are the characters that numeric references from 0x80 to 0x9F stand for, as old pages meant them.
var windows1252 = [32]rune{
	'\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
	'\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
	'\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
	'\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
}

// longestWithoutSemicolon is the longest name in the table without its ";": only old names may go without it.
const longestWithoutSemicolon = 6

// unescapeReference appends what the reference at the start of s (s[0] is '&', and there is more) stands for, or
// the text itself when it is no reference, and returns how many bytes of s it read.
func unescapeReference(b []byte, s string) ([]byte, int) {
	i := 1
	if s[i] == '#' {
		if len(s) <= 3 { // at least "&#" and a digit
			return append(b, '&'), 1
		}
		i++
		hex := s[i] == 'x' || s[i] == 'X'
		if hex {
			i++
		}
		x := rune(0)
		for i < len(s) {
			c := s[i]
			i++
			switch {
			case '0' <= c && c <= '9':
				x = mulAdd(x, hex, rune(c-'0'))
				continue
			case hex && 'a' <= c && c <= 'f':
				x = mulAdd(x, hex, rune(c-'a'+10))
				continue
			case hex && 'A' <= c && c <= 'F':
				x = mulAdd(x, hex, rune(c-'A'+10))
				continue
			}
			if c != ';' {
				i--
			}
			break
		}
		if i <= 3 { // no digit
			return append(b, '&'), 1
		}
		if 0x80 <= x && x <= 0x9F {
			x = windows1252[x-0x80]
		} else if x == 0 || 0xD800 <= x && x <= 0xDFFF || x > utf8.MaxRune {
			x = utf8.RuneError
		}
		return utf8.AppendRune(b, x), i
	}

	// The longest run of letters and digits, with its ";" if one follows.
	for i < len(s) {
		c := s[i]
		i++
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			continue
		}
		if c != ';' {
			i--
		}
		break
	}
	name := s[1:i]
	if name == "" {
		return append(b, s[:i]...), i
	}
	if v, ok := lookupEntity(name); ok {
		return append(b, v...), i
	}
	// An old name may stand without its ";" at the start of a longer word: "&notit;" is "¬it;".
	for j := min(len(name)-1, longestWithoutSemicolon); j > 1; j-- {
		if v, ok := lookupEntity(name[:j]); ok && utf8.RuneCountInString(v) == 1 {
			return append(b, v...), j + 1
		}
	}
	return append(b, s[:i]...), i
}

// mulAdd adds the digit d to the number x, in hexadecimal or decimal. Like html.UnescapeString, it lets x wrap
// around on a reference too long for a rune; what it then stands for is out of range, or any character at all.
func mulAdd(x rune, hex bool, d rune) rune {
	if hex {
		return 16*x + d
	}
	return 10*x + d
}

// entityIndex lists where each entry of entities starts, in order; it is built the first time a page has a named
// reference.
var entityIndex = sync.OnceValue(func() []uint32 {
	var at []uint32
	for i := 0; i < len(entities); {
		at = append(at, uint32(i))
		for entities[i] >= '0' {
			i++
		}
		i += 1 + int(entities[i])
	}
	return at
})

// entry returns the name and the characters of the entry of entities at i.
func entry(i uint32) (name, value string) {
	end := int(i)
	for entities[end] >= '0' {
		end++
	}
	n := int(entities[end])
	return entities[i:end], entities[end+1 : end+1+n]
}

// lookupEntity returns the characters that the named reference name (with its ";", if it has one) stands for.
func lookupEntity(name string) (string, bool) {
	at := entityIndex()
	lo, hi := 0, len(at)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if n, _ := entry(at[mid]); n < name {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(at) {
		if n, v := entry(at[lo]); n == name {
			return v, true
		}
	}
	return "", false
}
