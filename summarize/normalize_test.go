package summarize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Hello world.", "Hello world."},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"nbsp", "a\u00a0b\u2009c", "a b c"},
		{"zero width", "a\u200bb\ufeffc\u00adde", "abcde"},
		{"curly quotes", "\u201cHi,\u201d she\u2019s \u2018ok\u2019", `"Hi," she's 'ok'`},
		{"dashes stay", "ROME (AP) \u2014 x \u2013 y", "ROME (AP) \u2014 x \u2013 y"},
		{"invalid utf8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"controls", "a\x00b\tc", "a b c"},
		{"paragraph separator", "a\u2029b", "a\n\nb"},
		// A word hyphenated across a line break is made whole; its hyphen stays where the word has one anyway.
		{"broken word", "docu-\nments", "documents"},
		{"broken word, crlf and indent", "docu-\r\n   ments", "documents"},
		{"broken compound", "part-of-\nspeech", "part-of-speech"},
		{"compound spelled elsewhere", "a well-\nknown and well-known tool", "a well-known and well-known tool"},
		{"capital after the break", "Anglo-\nSaxon", "Anglo-\nSaxon"},
		{"blank line after the break", "docu-\n\nments", "docu-\n\nments"},
		{"dash before the break", "text --\nmore", "text --\nmore"},
		{"number before the break", "COVID-19-\nrelated", "COVID-19-\nrelated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &textMap{}
			normalizeInto(m, tt.in, 0, len(tt.in))
			assert.Equal(t, tt.want, string(m.norm))
		})
	}
}

// TestWordBreaks checks that a word made whole keeps the way back: the break is recorded, and a range across it
// maps to the whole broken word of the input.
func TestWordBreaks(t *testing.T) {
	in := "scanned docu-\n  ments and part-of-\nspeech tags"
	m := &textMap{}
	normalizeInto(m, in, 0, len(in))
	norm := string(m.norm)
	assert.Equal(t, "scanned documents and part-of-speech tags", norm)
	var breaks []string
	for _, br := range m.cuts {
		breaks = append(breaks, in[br.Start:br.End])
	}
	assert.Equal(t, []string{"-\n  ", "\n"}, breaks)
	i := indexOf(norm, "documents")
	sp := m.span(i, i+len("documents"))
	assert.Equal(t, "docu-\n  ments", in[sp.Start:sp.End])
}

// TestFurniture: the running headers and page numbers that text copied from a PDF carries into its paragraphs
// are dropped, whole lines, and nothing that only looks like them.
func TestFurniture(t *testing.T) {
	prose := strings.Repeat("The committee heard evidence from many witnesses over several long days and nights of\n", 14)
	page := func(n int) string { return fmt.Sprintf("%d\nJournal of Examples, Vol. 3\n", n) }
	refrain := "Oh the river runs\n"
	heading := "Parameters\n"
	tests := []struct {
		name, in string
		drop     []string
	}{
		{"running header and page numbers", prose + page(2) + prose + page(3) + prose + page(4) + prose,
			[]string{"2\n", "Journal of Examples, Vol. 3\n", "3\n", "Journal of Examples, Vol. 3\n", "4\n", "Journal of Examples, Vol. 3\n"}},
		{"a refrain", strings.Repeat(refrain+"and on it goes.\n", 6), nil},
		{"a heading that recurs", strings.Repeat(heading+prose+"end.\n\n", 3), nil},
		{"a header met twice", prose + page(2) + prose + page(3) + prose, []string{"2\n", "3\n"}},
		{"a title that heads every page", "Journal of Examples, Vol. 3\n" + prose + page(2) + prose + page(3) + prose,
			[]string{"2\n", "Journal of Examples, Vol. 3\n", "3\n", "Journal of Examples, Vol. 3\n"}},
		{"a number after a finished sentence", "It ended.\n12\nThen more came.", nil},
		{"a short list", "Apples\n1\nOranges\n2\nPears", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range furniture(tt.in) {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			assert.Equal(t, tt.drop, got)
		})
	}
}

// TestNormalizeSpans checks the way back: a normalized range maps to the input bytes that produced it.
func TestNormalizeSpans(t *testing.T) {
	in := "\u201cOne\u201d\r\ntwo\u200b three \xff four"
	m := &textMap{}
	normalizeInto(m, in, 0, len(in))
	norm := string(m.norm)
	tests := []struct {
		name, norm, raw string
	}{
		{"quoted word", `"One"`, "\u201cOne\u201d"},
		{"across crlf", "\"\ntwo", "\u201d\r\ntwo"},
		{"across deletion", "two three", "two\u200b three"},
		{"invalid byte", "\ufffd four", "\xff four"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := indexOf(norm, tt.norm)
			sp := m.span(i, i+len(tt.norm))
			assert.Equal(t, tt.raw, in[sp.Start:sp.End])
		})
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
