package wordset

import (
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
