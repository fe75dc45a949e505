package summarize

import "strings"

type Token struct {
	Start, End int
	Text       string
	Tag        string
}

func tokenize(text string, base int) []Token {
	var out []Token
	i := 0
	for _, f := range strings.Fields(text) {
		j := strings.Index(text[i:], f) + i
		out = append(out, Token{Start: base + j, End: base + j + len(f), Text: f})
		i = j + len(f)
	}
	return out
}

type tagger struct{}

func loadTagger() (*tagger, error) { return &tagger{}, nil }
func (t *tagger) tag(toks []Token) {
	for i := range toks {
		toks[i].Tag = "NN"
	}
}

func segment(text string) [][2]int {
	var out [][2]int
	s := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && (i+1 == len(text) || text[i+1] == ' ') {
			a, b := trimSpan(text, s, i+1)
			if a < b {
				out = append(out, [2]int{a, b})
			}
			s = i + 1
		}
	}
	a, b := trimSpan(text, s, len(text))
	if a < b {
		out = append(out, [2]int{a, b})
	}
	return out
}
