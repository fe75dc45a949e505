package summarize

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want error
	}{
		{"empty", "", ErrEmptyText},
		{"whitespace", " \n\t\u00a0\u200b\r\n", ErrEmptyText},
		{"punctuation only", "... !!! ---", ErrEmptyText},
		{"markup only", "<html><body><script>var x = 1;</script></body></html>", ErrEmptyText},
		{"boilerplate only", "Advertisement\n\nSign up for our newsletter", ErrEmptyText},
		{"too long", strings.Repeat("word ", MaxTextBytes/5+1), ErrTextTooLong},
		{"french", "Le président ukrainien a réaffirmé son refus de céder des territoires, alors que les États-Unis font pression pour des concessions douloureuses à la Russie et qu'il cherche le soutien des Européens.", ErrUnsupportedLanguage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.text)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

// TestParseOdd checks that odd but real inputs yield a document rather than an error.
func TestParseOdd(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		sents int
	}{
		{"one word", "Hello", 1},
		{"no punctuation", "the council approved the budget after a long debate", 1},
		{"all caps", "THE COUNCIL APPROVED THE BUDGET. SCHOOLS GET MORE.", 2},
		{"emoji", "Great news 🎉 The bridge reopens today.", 1},
		{"list", "- bread\n- milk\n- eggs", 3},
		{"invalid utf8", "The council \xff approved the budget.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.text)
			require.NoError(t, err)
			assert.Len(t, doc.Sentences, tt.sents)
		})
	}
}

func TestParseHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Zelenskyy refuses to cede territory</title>
<style>p { color: red }</style><script>document.write("<p>not text</p>")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Zelenskyy refuses to cede territory</h1>
<p>ROME (AP) &mdash; Ukrainian President Volodymyr Zelenskyy has reaffirmed his
strong refusal to cede any territory.</p>
<p>&ldquo;We don&rsquo;t want to give up anything,&rdquo; he said &amp; left.</p>
<figure><img src="x.jpg"><figcaption>Zelenskyy in Rome. (AP Photo)</figcaption></figure>
<h2>Facing US pressure</h2><p>Trump again pressed Zelenskyy to accept the proposal.</p></article>
<footer>Copyright 2025</footer></body></html>`
	doc, err := Parse(page)
	require.NoError(t, err)
	assert.Equal(t, "Zelenskyy refuses to cede territory", doc.Title)
	var texts []string
	for _, s := range doc.Sentences {
		texts = append(texts, s.Text)
	}
	assert.Equal(t, []string{
		"Ukrainian President Volodymyr Zelenskyy has reaffirmed his strong refusal to cede any territory.",
		`"We don't want to give up anything," he said & left.`,
		"Trump again pressed Zelenskyy to accept the proposal.",
	}, texts)
	// Spans index the markup as given, character references included.
	s := doc.Sentences[1]
	assert.Equal(t, "&ldquo;We don&rsquo;t want to give up anything,&rdquo; he said &amp; left.", page[s.Start:s.End])
	var headings []string
	for _, p := range doc.Paragraphs {
		if p.Kind == KindHeading {
			headings = append(headings, page[p.Start:p.End])
		}
	}
	assert.Equal(t, []string{"Facing US pressure"}, headings)
}

func TestClassifyElement(t *testing.T) {
	for name, want := range map[string]element{
		"p": blockElement, "P": blockElement, "BlockQuote": blockElement, "h6": blockElement, "html": blockElement,
		"bR": brElement, "TITLE": titleElement, "script": skippedElement, "FigCaption": skippedElement,
		// <head> holds no text but the title, which is read apart, and a page may leave its </head> out.
		"head": inlineElement, "b": inlineElement, "span": inlineElement, "": inlineElement,
		"blockquotes": inlineElement, "p\x00": inlineElement, "\u212Aey": inlineElement,
	} {
		assert.Equal(t, want, classifyElement(name), "%q", name)
	}
}

func TestLooksLikeHTML(t *testing.T) {
	assert.True(t, looksLikeHTML("<p>One.</p><p>Two.</p>"))
	assert.True(t, looksLikeHTML("  <!doctype html><title>x</title>"))
	assert.True(t, looksLikeHTML("Intro text<br>more<br>and more<br>"))
	assert.False(t, looksLikeHTML("The attacker injected a <script> tag into the page, researchers said."))
	assert.False(t, looksLikeHTML("Profits rose 5% and costs < revenue > last year."))
}

func TestQuoteAttribution(t *testing.T) {
	text := `"Undoubtedly, Russia insists for us to give up territories. We, clearly, don't want to give up anything. That's what we are fighting for," Zelenskyy told reporters.

Zelenskyy said Monday that Trump "certainly wants to end the war. Surely, he has his own vision."

"We have to talk about it. That's why we are here."

He said the plan now has 20 points.`
	doc, err := Parse(text)
	require.NoError(t, err)
	var got []any
	for _, s := range doc.Sentences {
		if s.Attribution == nil {
			got = append(got, nil)
		} else {
			got = append(got, *s.Attribution)
		}
	}
	// The first quote's speaker follows it; the second's precedes it; the third names nobody.
	assert.Equal(t, []any{2, 2, nil, nil, 3, nil, nil, nil}, got)
}

func TestSpansIndexInput(t *testing.T) {
	text := readTestdata(t, "ap-ukraine-territory.txt")
	doc, err := Parse(text)
	require.NoError(t, err)
	for _, s := range doc.Sentences {
		assert.Equal(t, s.Text, collapseSpace(straightenQuotes(text[s.Start:s.End])))
		for _, tok := range s.tokens {
			assert.True(t, tok.Start >= s.Start && tok.End <= s.End, "token %q outside its sentence", tok.Text)
		}
	}
}

// straightenQuotes maps curly quotes as normalization does, for comparing raw spans with normalized text.
func straightenQuotes(s string) string {
	return strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'").Replace(s)
}

func TestGoldenSeedDocument(t *testing.T) {
	doc, err := Parse(readTestdata(t, "ap-ukraine-territory.txt"))
	require.NoError(t, err)
	golden(t, "ap-ukraine-territory.document.json", doc)
}

// checkSpans asserts the invariants every span list must keep: in bounds, ordered, non-overlapping.
func checkSpans(t *testing.T, n int, spans []Span) {
	t.Helper()
	end := 0
	for _, s := range spans {
		if s.Start < end || s.End < s.Start || s.End > n {
			t.Fatalf("span %v out of order or bounds (previous end %d, input %d bytes)", s, end, n)
		}
		end = s.End
	}
}

func FuzzParse(f *testing.F) {
	f.Add("ROME (AP) — Zelenskyy said \u201cno.\u201d He left.\n\nFacing US pressure\n\nTrump spoke.")
	f.Add("<p>One &amp; two.</p><p>Three.</p><br><div>Four</div>")
	f.Add("a\xffb. \r\n\r\nC\u200bd? E\u00a0f!")
	f.Add("1. First item 2. Second item")
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := Parse(text)
		if err != nil {
			return
		}
		var sents, toks, paras []Span
		for _, s := range doc.Sentences {
			sents = append(sents, s.Span)
			for _, tok := range s.tokens {
				toks = append(toks, Span{tok.Start, tok.End})
			}
		}
		for _, p := range doc.Paragraphs {
			paras = append(paras, p.Span)
		}
		checkSpans(t, len(text), sents)
		checkSpans(t, len(text), toks)
		checkSpans(t, len(text), paras)
		if !utf8.ValidString(doc.Title) {
			t.Fatalf("title is not valid UTF-8")
		}
		again, err := Parse(text)
		if err != nil {
			t.Fatalf("second parse failed: %v", err)
		}
		assert.Equal(t, doc.Sentences, again.Sentences)
	})
}

func BenchmarkParse(b *testing.B) {
	text := readTestdata(b, "ap-ukraine-territory.txt")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGoldenRulesThroughParse runs the 52 Golden Rules through the whole document stage, where rule 42 (a list
// separated by newlines) is decided by the paragraph stage rather than the segmenter.
func TestGoldenRulesThroughParse(t *testing.T) {
	passed := 0
	var failed []int
	for _, line := range strings.Split(strings.TrimSpace(readTestdata(t, "golden-rules.jsonl")), "\n") {
		var rule struct {
			ID       int      `json:"id"`
			Input    string   `json:"input"`
			Expected []string `json:"expected"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rule))
		doc, err := Parse(rule.Input)
		require.NoError(t, err)
		var got []string
		for _, s := range doc.Sentences {
			got = append(got, collapseSpace(rule.Input[s.Start:s.End]))
		}
		want := make([]string, len(rule.Expected))
		for i, e := range rule.Expected {
			want[i] = collapseSpace(e)
		}
		if assert.ObjectsAreEqual(want, got) {
			passed++
		} else {
			failed = append(failed, rule.ID)
		}
	}
	assert.Empty(t, failed, "rules failing through Parse")
	assert.Equal(t, 52, passed)
}

// TestCollapseSpace checks the shortcut for text with nothing to fold against splitting and joining.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a \u2003b", "\u0085a", "a\xffb", "a \xff",
		"Kyiv, Ukraine (AP) — Officials said.",
	} {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), collapseSpace(s), "%q", s)
	}
}
