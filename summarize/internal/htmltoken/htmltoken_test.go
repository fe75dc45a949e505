package htmltoken

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xhtml "golang.org/x/net/html"

	"keypoints/summarize/internal/wordset"
)

// token is what extractHTML reads of a token: its kind, where it ends, and a tag's lower-cased name.
type token struct {
	kind Kind
	end  int
	name string
}

func tokens(s string) []token {
	var out []token
	z := New(s)
	for {
		k := z.Next()
		if k == Done {
			return out
		}
		start, end := z.Raw()
		if len(out) > 0 && start != out[len(out)-1].end || len(out) == 0 && start != 0 {
			panic("tokens leave a gap")
		}
		t := token{kind: k, end: end}
		if k == StartTag || k == SelfClosingTag || k == EndTag {
			t.name = lowerASCII(strings.ReplaceAll(z.TagName(), "\x00", "\ufffd"))
		}
		out = append(out, t)
	}
}

// reference is the same for x/net/html's Tokenizer, the one that summaries were cut with before this package.
func reference(s string) []token {
	var out []token
	z := xhtml.NewTokenizer(strings.NewReader(s))
	end := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return out
		}
		end += len(z.Raw())
		t := token{end: end}
		switch tt {
		case xhtml.TextToken:
			t.kind = Text
		case xhtml.StartTagToken:
			t.kind = StartTag
		case xhtml.SelfClosingTagToken:
			t.kind = SelfClosingTag
		case xhtml.EndTagToken:
			t.kind = EndTag
		default:
			t.kind = Other
		}
		if t.kind == StartTag || t.kind == SelfClosingTag || t.kind == EndTag {
			name, _ := z.TagName()
			t.name = string(name)
		}
		out = append(out, t)
	}
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = wordset.LowerASCII(c)
	}
	return string(b)
}

// seeds are the corners of HTML's tokenizing: raw text, the script states, comments' odd ends, doctypes, bogus
// comments, attributes holding ">" and "/", and input that ends inside each of them.
var seeds = []string{
	"", "plain text", "<p>One.</p><p>Two.</p>", "a < b > c", "<", "</", "</>", "<!", "<!-", "<!--", "<!-->", "<!--->",
	"<!-- a -- b --!> c", "<!-- x --!", "<!-- x -", "<!-- x --", "<!--!-->", "<!-- a --!- b -->", "<!DOCTYPE html><html>",
	"<!doctype", "<!DOC", "<!doctypehtml>", "<![CDATA[ x ]]>", "<?xml version='1.0'?>", "</ p>", "</3>", "<3",
	"<br/>", "<br />", "<a href=/>x</a>", "<a href=/ />", "<a b=1 b=/>", "<a B=1 b=/>", "<a =x>", "<a ==x>", "<a ==/>", "<a =/>x", "<a x='>'>",
	`<a x=">">`, "<a x=>", "<a x= y>", "<a x", "<a x=", "<a x='", "<div\tclass=a\nid=b>", "<P>Upper</P>", "<p/ >",
	"<script>if (a < b) { x = '</p>'; }</script><p>after</p>", "<script><!-- </script> -->", "<SCRIPT>x</Script >",
	"<script><!--<script>a</script>b</script>-->c</script>d", "<script><!--<script>", "<script><!-- --> </script>",
	"<script></scrip></script>", "<script><!--><script></script>x</script>", "<script><!---><script></script>x</script>",
	"<script><!-- -x-> <script></script>y</script>", "<script>", "<script>a</script", "<style>p { x: '</p>' }</style>", "<style></style>",
	"<title>A &amp; <b>B</b></title>", "<textarea><p></textarea>", "<xmp><p></xmp>", "<iframe><p></iframe>",
	"<noscript><p>x</p></noscript>", "<noembed>x</noembed>", "<noframes>x</noframes>", "<plaintext><p>x</p>",
	"<scriptx>a</scriptx>", "<script/>x</script>", "<a\x00b>x</a\x00b>", "<a x=\"\x00\">", "<DİV>x</DİV>",
	"<blockquote>x</blockquote>", "<p>A<br>B<hr/>C</p>", "text<!--c-->more", "&amp;&lt;&#65;&nbsp;",
}

func TestTokensAsXNetHTML(t *testing.T) {
	for _, s := range seeds {
		require.Equal(t, reference(s), tokens(s), "%q", s)
	}
}

// TestRandomMarkup builds documents from the seeds' pieces, so that every state meets every other one, and ends
// them anywhere.
func TestRandomMarkup(t *testing.T) {
	pieces := []string{"<", ">", "/", "!", "-", "--", "?", "=", "'", `"`, " ", "\n", "a", "p", "b", "x", "script",
		"SCRIPT", "style", "title", "textarea", "plaintext", "<!--", "-->", "--!>", "</", "<script>", "</script>",
		"<!DOCTYPE", "doctype", "<p>", "</p>", "<br/>", "<a href=", "&amp;", "\x00", "é", "\t", "\f", "[CDATA[", "]]>"}
	for _, s := range randomTexts(rand.New(rand.NewPCG(17, 29)), pieces, 30000, 24) {
		require.Equal(t, reference(s), tokens(s), "%q", s)
	}
}

// randomTexts returns n texts, each of one to most of the pieces, drawn by rng.
func randomTexts(rng *rand.Rand, pieces []string, n, most int) []string {
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 1 + rng.IntN(most) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out[i] = b.String()
	}
	return out
}

// TestManyAttributes reads a tag of 100,000 attributes, every one named alike, as x/net/html does; checking each
// name against all before it would take minutes.
func TestManyAttributes(t *testing.T) {
	for _, s := range []string{"<a" + strings.Repeat(" x", 100_000) + "/>", "<a" + strings.Repeat(" x=1", 100_000) + " y=/>"} {
		want := reference(s)
		require.Equal(t, want, tokens(s))
		require.Len(t, want, 1)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, reference(s), tokens(s), "%q", s)
	})
}

func TestTagName(t *testing.T) {
	z := New(`<DIV class="x">`)
	assert.Equal(t, StartTag, z.Next())
	assert.Equal(t, "DIV", z.TagName())
	assert.Equal(t, "div", lowerASCII(z.TagName()))
	assert.True(t, equalFold("DiV", "div"))
	assert.False(t, equalFold("di", "div"))
}
