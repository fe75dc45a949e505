package bench

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestCorpus(t *testing.T) {
	articles := []string{"One two three.", " Four five. ", "Six seven eight nine."}
	tests := []struct {
		name string
		size int
		want string
	}{
		{"whole articles", 100, "One two three.\n\nFour five.\n\nSix seven eight nine."},
		{"cut at a space", 20, "One two three.\n\nFour"},
		{"cut at the blank line", 16, "One two three."},
		{"exact end", 14, "One two three."},
		{"inside the first word", 2, "On"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Corpus(articles, tt.size)
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, len(got), tt.size)
		})
	}
}

func TestCorpusKeepsUTF8(t *testing.T) {
	got := Corpus([]string{"ééééé"}, 5)
	assert.True(t, utf8.ValidString(got))
	assert.Equal(t, "éé", got)
}
