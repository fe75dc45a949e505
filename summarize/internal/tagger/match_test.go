package tagger

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mingrammer/commonregex"
	"github.com/stretchr/testify/assert"
)

// The patterns the matchers of tagger.go write out, as prose compiles them.
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// matchSeeds are words each matcher must read as its pattern does, taken where the patterns' branches part.
var matchSeeds = []string{
	"", "0", "00", "*", "**", "*T*", "*?*", "*_*", "*-*", "*-1", "*-123", "*-1234", "*T*-1", "*ICH*-12", "*T*-", "*t*-1",
	"-LRB-", "-lrb-", "-LRBX-", "LRB", "1.25", "1.2", "3.", "a.b", "a.bc", "www.example.com", "http://x.org/a(b)c",
	"example.com/(a(b))", "x.y(z)", "x.(y)", "x.((y))", "x.(y", "e.g.", "i.e.,", "U.S.", "x.y!", "x.y)", "X.YZ", "..ab",
	"-.ab", "a.b\tc", "a.(b(c)d)", "a.b(()", "a.bé", "a.é.", "jo@example.com", "jo@ex-ample.co", "jo@-ex.com",
	"jo@ex-.com", "jo@ex.-com", "@ex.com", "jo@ex", "jo@ex.", "jo@EX.COM", "jo@e\u212a.com", "jo@ex.\u017fo",
	"\u212a@ex.com", "a@@b.c", "a@b.c@d", "«jo@ex.com»", "jo.@x.y", "a@b.c-",
}

func TestMatchers(t *testing.T) {
	// Long words too: a token of many dots, or of many addresses, is read in one pass.
	long := []string{strings.Repeat(".", 20000), strings.Repeat("a.", 10000) + "!", strings.Repeat("a@b", 10000),
		strings.Repeat("x.(", 5000)}
	for _, w := range append(matchSeeds, long...) {
		checkMatchers(t, w)
	}
}

func FuzzMatchers(f *testing.F) {
	for _, w := range matchSeeds {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		checkMatchers(t, w)
	})
}

func checkMatchers(t *testing.T, w string) {
	t.Helper()
	assert.Equal(t, commonregex.LinkRegex.MatchString(w), isLink(w), "isLink(%q)", w)
	assert.Equal(t, commonregex.EmailRegex.MatchString(w), isEmail(w), "isEmail(%q)", w)
	assert.Equal(t, noneRE.MatchString(w), isNone(w), "isNone(%q)", w)
	assert.Equal(t, keepRE.MatchString(w), isKept(w), "isKept(%q)", w)
}

// FuzzMatchersSmall spells its words in the few characters the patterns tell apart, so that the fuzzer meets
// their branches far more often than in arbitrary bytes.
func FuzzMatchersSmall(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		alphabet := []string{"a", "Z", "0", ".", "(", ")", "@", "-", "*", "_", "?", "!", " ", "é", "\u212a", "\u017f", "w", "/", ":", "\xff"}
		var w []byte
		for _, c := range b {
			w = append(w, alphabet[int(c)%len(alphabet)]...)
		}
		checkMatchers(t, string(w))
	})
}
