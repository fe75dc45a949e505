package main

import (
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
)

func TestUTF16Offsets(t *testing.T) {
	text := "a€😀b “q”"
	// byte offsets: a=0, €=1..4, 😀=4..8, b=8, space=9, “=10..13, q=13, ”=14..17
	m := utf16Offsets(text, []int{0, 1, 4, 8, 9, 10, 13, 14, 17})
	assert.Equal(t, map[int]int{0: 0, 1: 1, 4: 2, 8: 4, 9: 5, 10: 6, 13: 7, 14: 8, 17: 9}, m)
	units := utf16.Encode([]rune(text))
	assert.Equal(t, "😀", string(utf16.Decode(units[m[4]:m[8]])))
	assert.Equal(t, "q", string(utf16.Decode(units[m[13]:m[14]])))
}
