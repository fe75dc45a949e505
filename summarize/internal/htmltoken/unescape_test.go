package htmltoken

import (
	"flag"
	"go/build"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keypoints/internal/gosource"
)

var update = flag.Bool("update", false, "rewrite entities.go from the standard library's html package")

// stdEntities reads the named references of the standard library's html package from its source, the one place
// that lists them: each name (with its ";" when it has one) and the characters it stands for.
func stdEntities(t *testing.T) map[string]string {
	src, err := os.ReadFile(filepath.Join(build.Default.GOROOT, "src", "html", "entity.go"))
	if err != nil {
		t.Skip("the standard library's source is not here:", err)
	}
	entry := regexp.MustCompile(`(?m)^\t\t"([^"]+)": +\{?('[^}\n]+)\}?,$`)
	char := regexp.MustCompile(`'\\[uU]([0-9A-Fa-f]+)'`)
	out := map[string]string{}
	for _, m := range entry.FindAllStringSubmatch(string(src), -1) {
		var v []rune
		for _, c := range char.FindAllStringSubmatch(m[2], -1) {
			r, err := strconv.ParseUint(c[1], 16, 32)
			require.NoError(t, err)
			v = append(v, rune(r))
		}
		require.NotEmpty(t, v, m[0])
		out[m[1]] = string(v)
	}
	require.Greater(t, len(out), 2000)
	return out
}

// TestEntities checks entities.go against the standard library's table; -update writes it.
func TestEntities(t *testing.T) {
	std := stdEntities(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range std {
			if !yield(n) {
				return
			}
		}
	})
	var b strings.Builder
	for _, n := range names {
		require.Regexp(t, `^[A-Za-z0-9]+;?$`, n)
		require.LessOrEqual(t, len(std[n]), 8)
		if !strings.HasSuffix(n, ";") {
			require.LessOrEqual(t, len(n), longestWithoutSemicolon)
			require.Equal(t, 1, utf8.RuneCountInString(std[n]), n)
		}
		b.WriteString(n + string(rune(len(std[n]))) + std[n])
	}
	if *update {
		src, err := gosource.StringConst("go test -run TestEntities -update", "htmltoken",
			"entities are HTML's named character references, as the standard library's html package has them, sorted:\n"+
				"each its name, with its \";\" when it has one, a byte that says how long its value is, and the value.",
			"entities", b.String())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("entities.go", src, 0o644))
		return
	}
	require.Equal(t, b.String(), entities, "entities.go is out of date; run go test -run TestEntities -update")
	for _, n := range names {
		v, ok := lookupEntity(n)
		require.True(t, ok, n)
		require.Equal(t, std[n], v, n)
	}
	for _, n := range []string{"", "a", "amp;x", "zzzzzz;", "Amp;", "ampx"} {
		_, ok := lookupEntity(n)
		assert.False(t, ok, n)
	}
}

// unescapeCases are the corners of character references: numbers out of range, Windows-1252's, names without their
// ";", at the end of the text, inside longer words, and two-character values.
var unescapeCases = []string{
	"", "plain", "&", "&&", "a&b", "&amp;", "&amp", "&ampx", "&AMP;", "&Amp;", "&lt;&gt;&quot;&apos;&nbsp;",
	"&#", "&#;", "&#x;", "&#X41;", "&#65", "&#65;x", "&#x41g", "&#0;", "&#128;", "&#x9F;", "&#xD800;", "&#x110000;",
	"&#99999999999999;", "&#xFFFFFFFFF;", "&#1114111;", "&notit;", "&notin;", "&not", "&noti", "&eacute;",
	"&Eacute", "&fjlig;", "&NotEqualTilde;", "&nLt;", "&;", "& ;", "&a;", "&zz;", "&amp;amp;", "&#38;amp;",
	"caf&eacute; &mdash; &hellip;", "&copy2024", "&times5", "&frac12;", "&frac12", "&NewLine;", "&Tab;",
}

func TestUnescape(t *testing.T) {
	for _, s := range unescapeCases {
		assert.Equal(t, html.UnescapeString(s), Unescape(s), "%q", s)
	}
}

// TestUnescapeEveryName tries each name of the table as it is, cut short, and followed by the characters that can
// follow a reference.
func TestUnescapeEveryName(t *testing.T) {
	for n := range stdEntities(t) {
		base := strings.TrimSuffix(n, ";")
		for _, s := range []string{"&" + n, "&" + base, "&" + base + "x;", "&" + base[:len(base)/2+1], "x&" + n + "y", "&" + base + "9"} {
			require.Equal(t, html.UnescapeString(s), Unescape(s), "%q", s)
		}
	}
}

func TestUnescapeRandom(t *testing.T) {
	pieces := []string{"&", "#", "x", "X", ";", "0", "1", "9", "a", "F", "g", "amp", "lt", "not", "in", "it", "eacute",
		"Eacute", "frac12", " ", "é", "\x00", "&#", "128", "D800", "FFFFFFFF"}
	for _, s := range randomTexts(rand.New(rand.NewPCG(3, 5)), pieces, 50000, 12) {
		require.Equal(t, html.UnescapeString(s), Unescape(s), "%q", s)
	}
}

func FuzzUnescape(f *testing.F) {
	for _, s := range unescapeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, html.UnescapeString(s), Unescape(s), "%q", s)
	})
}
