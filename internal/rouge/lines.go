package rouge

import "strings"

// SentenceLines returns text with one sentence a line, ready for
// RougeLsum, for references that come as running prose rather than as a
// list of sentences. A sentence ends at a newline, or after '.', '!' or
// '?' (with any closing quotes or brackets right after it) followed by
// whitespace; that whitespace becomes a single "\n". Nothing else changes,
// so ROUGE-1, ROUGE-2 and ROUGE-L of the result equal those of text.
//
// The rule is deliberately simple: an abbreviation such as "U.S." before a
// space ends a sentence too. A rule that tried to know better would make the
// scores depend on a splitter, which is exactly what a reference must not
// do.
func SentenceLines(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		c := text[i]
		b.WriteByte(c)
		i++
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		for i < len(text) && strings.IndexByte(closers, text[i]) >= 0 {
			b.WriteByte(text[i])
			i++
		}
		for _, q := range closingMarks {
			if strings.HasPrefix(text[i:], q) {
				b.WriteString(q)
				i += len(q)
				break
			}
		}
		j := i
		for j < len(text) && isSpace(text[j]) {
			j++
		}
		if j > i {
			b.WriteByte('\n')
			i = j
		}
	}
	return b.String()
}

// closers are the ASCII marks that may close a sentence after its final
// punctuation: ‘He left.”’ or “(see below.)”.
const closers = `"')]`

// closingMarks are the typographic closing quotes, which are not ASCII.
var closingMarks = []string{"\u201d", "\u2019"}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
