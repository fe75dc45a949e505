package rouge

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSentenceLines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"one", "One sentence.", "One sentence."},
		{"marks", "One. Two! Three? Four", "One.\nTwo!\nThree?\nFour"},
		{"spaces collapse", "One.   \n\n Two.", "One.\nTwo."},
		{"newline without mark", "A heading\nThen text.", "A heading\nThen text."},
		{"no space after", "Version 1.2 is out.Next", "Version 1.2 is out.Next"},
		{"closing quote", `He said "no." Then left.`, "He said \"no.\"\nThen left."},
		{"typographic quote", "He said \u201cno.\u201d Then left.", "He said \u201cno.\u201d\nThen left."},
		{"bracket", "(See below.) Next.", "(See below.)\nNext."},
		{"abbreviation", "The U.S. team won.", "The U.S.\nteam won."},
		{"ellipsis", "Wait... what?", "Wait...\nwhat?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, SentenceLines(tt.in))
		})
	}
}

func TestSentenceLinesKeepsTokens(t *testing.T) {
	s := Scorer{Stem: true}
	text := "The council met. It voted! Taxes rise?\nYes."
	assert.Equal(t, s.Tokens(text), s.Tokens(SentenceLines(text)))
	assert.Equal(t, s.Rouge2(text, "council met it voted"), s.Rouge2(SentenceLines(text), "council met it voted"))
}
