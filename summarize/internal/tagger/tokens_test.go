package tagger

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tok(start, end int, text string) Token {
	return Token{Start: start, End: end, Text: text}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		base int
		want []Token
	}{
		{name: "empty", text: "", want: []Token{}},
		{name: "spaces", text: " \t\n\u00a0 ", want: []Token{}},
		{name: "words", text: "a  big\nwar", want: []Token{tok(0, 1, "a"), tok(3, 6, "big"), tok(7, 10, "war")}},
		{name: "base", text: "a b", base: 100, want: []Token{tok(100, 101, "a"), tok(102, 103, "b")}},
		{name: "nt", text: "don't", want: []Token{tok(0, 2, "do"), tok(2, 5, "n't")}},
		{name: "curly possessive", text: "Zelenskyy’s", want: []Token{tok(0, 9, "Zelenskyy"), tok(9, 13, "'s")}},
		{name: "rsquo entity", text: "Trump&rsquo;s", want: []Token{tok(0, 5, "Trump"), tok(5, 13, "'s")}},
		{name: "clitics", text: "they'll We're I'M", want: []Token{
			tok(0, 4, "they"), tok(4, 7, "'ll"), tok(8, 10, "We"), tok(10, 13, "'re"), tok(14, 15, "I"), tok(15, 17, "'M"),
		}},
		{name: "clitic alone", text: "'s", want: []Token{tok(0, 2, "'s")}},
		// prose drops the rest of a word that starts with a clitic; we keep it.
		{name: "clitic then period", text: "won't.", want: []Token{tok(0, 2, "wo"), tok(2, 5, "n't"), tok(5, 6, ".")}},
		{name: "possessive then comma", text: "Ukraine’s,", want: []Token{tok(0, 7, "Ukraine"), tok(7, 11, "'s"), tok(11, 12, ",")}},
		{name: "quoted s word", text: "‘shame’", want: []Token{tok(0, 8, "'shame"), tok(8, 11, "'")}},
		{name: "dollars", text: "$100", want: []Token{tok(0, 1, "$"), tok(1, 4, "100")}},
		{name: "lone dollar", text: "$", want: []Token{tok(0, 1, "$")}},
		{name: "dateline", text: "ROME (AP) — Ukrainian", want: []Token{
			tok(0, 4, "ROME"), tok(5, 6, "("), tok(6, 8, "AP"), tok(8, 9, ")"), tok(10, 13, "—"), tok(14, 23, "Ukrainian"),
		}},
		{name: "em dash inside word", text: "war—and", want: []Token{tok(0, 9, "war—and")}},
		{name: "initials", text: "U.S. pressure", want: []Token{tok(0, 4, "U.S."), tok(5, 13, "pressure")}},
		{name: "initials at end", text: "by the U.S.", want: []Token{tok(0, 2, "by"), tok(3, 6, "the"), tok(7, 11, "U.S.")}},
		{name: "initials in parens", text: "(U.S.)", want: []Token{tok(0, 1, "("), tok(1, 5, "U.S."), tok(5, 6, ")")}},
		{name: "title abbreviation", text: "Gov. Oleg", want: []Token{tok(0, 4, "Gov."), tok(5, 9, "Oleg")}},
		{name: "sentence period", text: "Zelenskyy.", want: []Token{tok(0, 9, "Zelenskyy"), tok(9, 10, ".")}},
		{name: "quotes", text: "“Undoubtedly, Russia.”", want: []Token{
			tok(0, 3, `"`), tok(3, 14, "Undoubtedly"), tok(14, 15, ","), tok(16, 22, "Russia"), tok(22, 23, "."), tok(23, 26, `"`),
		}},
		{name: "straight quotes", text: `"play ball."`, want: []Token{
			tok(0, 1, `"`), tok(1, 5, "play"), tok(6, 10, "ball"), tok(10, 11, "."), tok(11, 12, `"`),
		}},
		{name: "brackets", text: "[sic]", want: []Token{tok(0, 1, "["), tok(1, 4, "sic"), tok(4, 5, "]")}},
		{name: "three dots", text: "war. ...", want: []Token{
			tok(0, 3, "war"), tok(3, 4, "."), tok(5, 6, "."), tok(6, 7, "."), tok(7, 8, "."),
		}},
		{name: "ellipsis", text: "days … could", want: []Token{tok(0, 4, "days"), tok(5, 8, "…"), tok(9, 14, "could")}},
		{name: "emoji", text: "peace 🕊️ now", want: []Token{tok(0, 5, "peace"), tok(6, 13, "🕊️"), tok(14, 17, "now")}},
		{name: "emoticon", text: "nice :-)", want: []Token{tok(0, 4, "nice"), tok(5, 8, ":-)")}},
		{name: "emoticon in parens", text: "(-_-)", want: []Token{tok(0, 5, "(-_-)")}},
		{name: "invalid utf8", text: "a\xffb \xe2\x80", want: []Token{tok(0, 3, "a\xffb"), tok(4, 6, "\xe2\x80")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.text, tt.base)
			require.NotNil(t, got)
			assert.Equal(t, tt.want, got)
		})
	}
}

// checkTokens asserts what must hold for any text: spans inside the text, in
// order, not overlapping, only whitespace between them, and each token's
// text the straightened bytes of its span.
func checkTokens(t *testing.T, text string, base int, toks []Token) {
	t.Helper()
	prev := base
	for i, tk := range toks {
		require.NotEmpty(t, tk.Text, "token %d", i)
		require.GreaterOrEqual(t, tk.Start, prev, "token %d starts before the previous one ends", i)
		require.Less(t, tk.Start, tk.End, "token %d", i)
		require.LessOrEqual(t, tk.End, base+len(text), "token %d", i)
		assert.True(t, isAllSpace(text[prev-base:tk.Start-base]), "text skipped before token %d", i)
		want, _ := straighten(text[tk.Start-base : tk.End-base])
		assert.Equal(t, want, tk.Text, "token %d", i)
		prev = tk.End
	}
	assert.True(t, isAllSpace(text[prev-base:]), "text skipped at the end")
}

func isAllSpace(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			return false
		}
		s = s[n:]
	}
	return true
}

func FuzzTokenize(f *testing.F) {
	for _, s := range newsSentences {
		f.Add(s, 0)
	}
	for _, s := range []string{"", "won't.", "‘shame’", "a\xffb \xe2\x80", "&rsquo;&rsquo", "(U.S.)", "$", "\u2019\u2019s", "K's"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, text string, base int) {
		if base < 0 || base > 1<<30 {
			base = 0
		}
		checkTokens(t, text, base, Tokenize(text, base))
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Join(newsRepeat(1000), " ")
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text, 0)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)*1000/float64(words), "µs/1000words")
}
