package wordset

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSet(t *testing.T) {
	s := Of("said told  asked")
	tests := []struct {
		name string
		word string
		want bool
	}{
		{name: "member", word: "told", want: true},
		{name: "last", word: "asked", want: true},
		{name: "case matters", word: "Said", want: false},
		{name: "prefix", word: "sai", want: false},
		{name: "empty", word: "", want: false},
		{name: "long", word: "saidsaidsaidsaid", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, s.Has(tt.word))
			assert.Equal(t, tt.want, s.HasBytes([]byte(tt.word)))
		})
	}
	assert.Equal(t, []string{"said", "told", "asked"}, s.Words())
	var empty Set
	assert.False(t, empty.Has("x"))
}

func TestAppendLower(t *testing.T) {
	assert.Equal(t, "kyiv", string(AppendLower(nil, "KYIV")))
	assert.Equal(t, "x école", string(AppendLower([]byte("x "), "ÉCOLE")))
}

func TestNumbering(t *testing.T) {
	x := NewNumbering(2)
	var words []string
	for i := 0; i < 100; i++ { // past several doublings of the table
		words = append(words, "w"+strings.Repeat("x", i%13)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	for i, w := range words {
		k, added := x.Add([]byte(w))
		assert.Equal(t, i, k, w)
		assert.True(t, added, w)
	}
	for i, w := range words {
		k, added := x.Add([]byte(w))
		assert.Equal(t, i, k, w)
		assert.False(t, added, w)
		k, ok := x.Find([]byte(w))
		assert.True(t, ok, w)
		assert.Equal(t, i, k, w)
	}
	assert.Equal(t, len(words), x.Len())
	_, ok := x.Find([]byte("absent"))
	assert.False(t, ok)
	var empty Numbering
	_, ok = empty.Find(nil)
	assert.False(t, ok)
	k, added := empty.Add(nil)
	assert.Equal(t, 0, k)
	assert.True(t, added)
}
