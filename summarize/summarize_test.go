package summarize

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keypoints/summarize/internal/wordset"
)

func TestOptions(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		ok   bool
	}{
		{"zero", Options{}, true},
		{"all set", Options{Type: TypeTLDR, Length: LengthLong, Format: FormatPlainText}, true},
		{"headline json", Options{Type: TypeHeadline, Format: FormatJSON}, true},
		{"bad type", Options{Type: "bullets"}, false},
		{"bad length", Options{Length: "huge"}, false},
		{"bad format", Options{Format: "html"}, false},
		{"case matters", Options{Type: "Key-Points"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate()
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, ErrInvalidOptions)
				_, err = Text("The council approved the budget.", tt.opts)
				assert.ErrorIs(t, err, ErrInvalidOptions)
			}
		})
	}
}

// withoutHeadings removes the seed's section headings, leaving its text alone.
func withoutHeadings(text string) string {
	for _, h := range []string{"Facing US pressure\n\n", "Europeans back Ukraine\n\n", "Both sides exchange aerial strikes\n\n"} {
		text = strings.Replace(text, h, "", 1)
	}
	return text
}

func TestGoldenSeedSummaries(t *testing.T) {
	seed := readTestdata(t, "ap-ukraine-territory.txt")
	tests := []struct {
		name string
		text string
		opts Options
	}{
		{"short", seed, Options{}},
		{"medium", seed, Options{Length: LengthMedium}},
		{"long plain", seed, Options{Length: LengthLong, Format: FormatPlainText}},
		{"no headings", withoutHeadings(seed), Options{Length: LengthMedium}},
		{"tldr", seed, Options{Type: TypeTLDR, Length: LengthMedium}},
		{"teaser", seed, Options{Type: TypeTeaser, Length: LengthMedium}},
		{"headline", seed, Options{Type: TypeHeadline}},
		{"json", seed, Options{Format: FormatJSON}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Text(tt.text, tt.opts)
			require.NoError(t, err)
			checkSummary(t, tt.text, s)
			golden(t, "ap-ukraine-territory."+strings.ReplaceAll(tt.name, " ", "-")+".json", s)
		})
	}
}

func TestSeedThemes(t *testing.T) {
	seed := readTestdata(t, "ap-ukraine-territory.txt")
	s, err := Text(seed, Options{Length: LengthMedium})
	require.NoError(t, err)
	var labels []string
	for _, th := range s.Themes {
		labels = append(labels, th.Label)
	}
	require.Len(t, labels, 4)
	assert.Equal(t, []string{"Facing US pressure", "Europeans back Ukraine", "Both sides exchange aerial strikes"}, labels[1:])
	assert.Equal(t, LabelKeyphrase, s.Themes[0].LabelSource)
	for _, th := range s.Themes {
		assert.NotEmpty(t, th.KeyPoints, "theme %q has no point at medium length", th.Label)
	}
}

func TestHeadlineLimits(t *testing.T) {
	seed := readTestdata(t, "ap-ukraine-territory.txt")
	for length, limit := range map[string]int{LengthShort: 12, LengthMedium: 17, LengthLong: 22} {
		s, err := Text(seed, Options{Type: TypeHeadline, Length: length})
		require.NoError(t, err)
		assert.LessOrEqual(t, len(strings.Fields(s.Text)), limit, length)
		assert.NotEmpty(t, s.Text)
	}
}

// TestBrokenWords: text copied from a PDF page breaks words across lines; the points show them whole, and still
// rebuild from their spans (checkSummary).
func TestBrokenWords(t *testing.T) {
	input := "We study the automatic identification of part-of-\nspeech tags in noisy text copied from scanned docu-\n" +
		"ments. Our approach, which is simple, com-\nbines a well-\nknown tagger with a dictionary of well-known com-\n" +
		"mon words, and it improves accuracy on every bench-\nmark we tried.\n\nThe results show that the method gener-\n" +
		"alizes to new domains without any re-\ntraining, which matters for practical deploy-\nment in libraries."
	s, err := Text(input, Options{Length: LengthLong})
	require.NoError(t, err)
	checkSummary(t, input, s)
	var texts []string
	for _, kp := range s.KeyPoints {
		texts = append(texts, kp.Text)
	}
	all := strings.Join(texts, "\n")
	for _, w := range []string{"part-of-speech", "documents", "combines a well-known tagger", "common words", "benchmark",
		"generalizes", "retraining", "deployment"} {
		assert.Contains(t, all, w)
	}
	assert.NotContains(t, all, "- ")
}

// TestPDFText: the seed article as text copied from a PDF reads as the seed does. Its paragraphs are hard-wrapped,
// and every 25 lines a page ends, mid-sentence, with its number and a running header.
func TestPDFText(t *testing.T) {
	seed := readTestdata(t, "ap-ukraine-territory.txt")
	var b strings.Builder
	lines, page := 0, 1
	for _, para := range strings.Split(seed, "\n") {
		width := 0
		for k, w := range strings.Fields(para) {
			if k > 0 && width+1+len(w) > 70 {
				b.WriteString("\n")
				width = 0
				if lines++; lines%25 == 0 {
					page++
					fmt.Fprintf(&b, "%d\nAP News, December 2026\n", page)
				}
			} else if k > 0 {
				b.WriteString(" ")
				width++
			}
			b.WriteString(w)
			width += len(w)
		}
		b.WriteString("\n")
	}
	pdf := b.String()
	require.GreaterOrEqual(t, page, 4)
	for _, opts := range []Options{{}, {Length: LengthLong}} {
		want, err := Text(seed, opts)
		require.NoError(t, err)
		got, err := Text(pdf, opts)
		require.NoError(t, err)
		checkSummary(t, pdf, got)
		require.Len(t, got.KeyPoints, len(want.KeyPoints))
		for k := range want.KeyPoints {
			assert.Equal(t, want.KeyPoints[k].Text, got.KeyPoints[k].Text)
		}
	}
}

// danglingOpeners may never open a key point.
var danglingOpeners = wordset.Of("he she it they but however")

// pronounUses are words after "This", "That", "These" or "Those" that make it a pronoun, which may not open a key
// point either ("This is why…"); before a noun it is a determiner and may ("This report finds…").
var pronounUses = wordset.Of("is was are were has had have will would can could may might must should one two means")

// checkSummary asserts what every summary must keep, whatever its input.
func checkSummary(t *testing.T, input string, s *Summary) {
	t.Helper()
	seen := make([]int, len(s.Sentences))
	for _, th := range s.Themes {
		assert.NotEmpty(t, th.Label)
		for _, i := range th.Sentences {
			seen[i]++
		}
	}
	for i, n := range seen {
		assert.Equal(t, 1, n, "sentence %d is in %d themes", i, n)
	}
	doc, err := Parse(input)
	require.NoError(t, err)
	for _, kp := range s.KeyPoints {
		require.NotEmpty(t, kp.Spans)
		sent := s.Sentences[kp.Sentence]
		for _, sp := range kp.Spans {
			assert.True(t, sp.Start >= sent.Start && sp.End <= sent.End, "span %v outside sentence %v", sp, sent.Span)
		}
		joined := joinSpans(input, kp.Spans)
		checkSpans(t, len(input), kp.Spans)
		text := kp.Text
		// "[Zelenskyy] said…": a bracketed name stands for an opening pronoun or names a turn's speaker. A point may
		// also open with brackets of its own ("[]00", "[]] 000"), which then match its spans.
		if end := strings.Index(text, "] "); strings.HasPrefix(text, "[") && end > 1 &&
			!sameUpToEdits(joined, text) {
			text = strings.TrimSpace(text[end+1:])
		} else {
			first, _ := utf8.DecodeRuneInString(strings.TrimLeft(text, "\"'([\u201c\u2018"))
			// A lowercase letter with no capital ("ɴ") may stay as it is.
			assert.False(t, unicode.IsLower(first) && unicode.ToUpper(first) != first, "point %q starts in lowercase", kp.Text)
		}
		w := strings.ToLower(strings.Trim(strings.Fields(kp.Text)[0], "\",.'\u201c\u2018"))
		assert.False(t, danglingOpeners.Has(w), "point %q opens with a dangling word", kp.Text)
		if f := strings.Fields(kp.Text); len(f) > 1 && demonstratives.Has(w) {
			assert.False(t, pronounUses.Has(strings.ToLower(strings.Trim(f[1], ",."))), "point %q opens with a pronoun", kp.Text)
		}
		if !doc.html {
			assert.True(t, sameUpToEdits(joined, text), "point %q is not its spans %q", kp.Text, joined)
		}
		assert.GreaterOrEqual(t, kp.Score, 0.0)
		assert.LessOrEqual(t, kp.Score, 1.0)
	}
	if s.Format == FormatJSON {
		assert.True(t, json.Valid([]byte(s.Text)), "text is not JSON: %s", s.Text)
	}
	for _, e := range s.Entities {
		assert.Contains(t, []string{EntityPerson, EntityPlace, EntityOrganization}, e.Kind)
		checkSpans(t, len(input), e.Mentions)
	}
	var quoteSpans, figureSpans []Span
	for _, q := range s.Quotes {
		quoteSpans = append(quoteSpans, q.Span)
	}
	for _, f := range s.Figures {
		figureSpans = append(figureSpans, f.Span)
	}
	checkSpans(t, len(input), quoteSpans)
	checkSpans(t, len(input), figureSpans)
}

// sameUpToEdits reports whether text is joined with only the allowed edits: the first letter capitalised, a final
// period added (headlines may also have lost nothing else).
// wordBreak is the input between the two spans of a word hyphenated across a line break: the line break and the
// next line's indent, after the hyphen when the word drops it.
var wordBreak = regexp.MustCompile(`^-?(\r\n|\r|\n)[ \t]*$`)

// joinSpans is the text of a key point's spans as the contract in doc.go rebuilds it: each span with its
// whitespace collapsed, joined by single spaces, or by nothing across a word break.
func joinSpans(input string, spans []Span) string {
	var b strings.Builder
	for k, sp := range spans {
		if k > 0 {
			gap := input[spans[k-1].End:sp.Start]
			if !wordBreak.MatchString(gap) || sp.Start >= len(input) || input[sp.Start] < 'a' || input[sp.Start] > 'z' {
				b.WriteByte(' ')
			}
		}
		b.WriteString(collapseSpace(input[sp.Start:sp.End]))
	}
	return b.String()
}

func sameUpToEdits(joined, text string) bool {
	up := capitalize(joined)
	return joined == text || joined+"." == text || up == text || up+"." == text
}

func FuzzText(f *testing.F) {
	f.Add(readTestdata(f, "ap-ukraine-territory.txt")[:1500], 0)
	f.Add("He said so. \"Quote one. Quote two,\" she said. But it rained (a lot), officials said.", 1)
	f.Add("Title line\n\nOne sentence here with words.\n\nHeading\n\nAnother sentence, he said.", 2)
	f.Add("<p>One &amp; two said X.</p><h2>Next</h2><p>Three four five six seven.</p>", 3)
	f.Add("Scanned docu-\r\n  ments of part-of-\nspeech tags and a well-\nknown well-known tool that is\n2\nHeader\nused.", 4)
	f.Fuzz(func(t *testing.T, text string, variant int) {
		types := []string{TypeKeyPoints, TypeTLDR, TypeTeaser, TypeHeadline}
		lengths := []string{LengthShort, LengthMedium, LengthLong}
		v := variant & 0xff
		opts := Options{Type: types[v%4], Length: lengths[(v/4)%3]}
		s, err := Text(text, opts)
		if err != nil {
			assert.NotEqual(t, "internal", Code(err), "unexpected error %v", err)
			return
		}
		checkSummary(t, text, s)
		checkJSON(t, s)
		again, err := Text(text, opts)
		require.NoError(t, err)
		assert.Equal(t, s, again)
		opts.SkipFacts = true
		lean, err := Text(text, opts)
		require.NoError(t, err)
		again.Entities, again.Quotes, again.Figures = []Entity{}, []Quote{}, []Figure{}
		assert.Equal(t, again, lean, "skipping the facts changes nothing else")
	})
}

func BenchmarkText(b *testing.B) {
	text := readTestdata(b, "ap-ukraine-territory.txt")
	if _, err := Text(text, Options{}); err != nil {
		b.Fatal(err) // loads the tagger outside the loop
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Text(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTextDev summarizes the CNN/DailyMail development articles in turn, warm: "facts" as analyze() in the
// browser asks (the default Options), "summary" as summarize() does, skipping the facts. It reads ../shared/data
// when present and skips otherwise.
func BenchmarkTextDev(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "cnndm-dev.jsonl"))
	if err != nil {
		b.Skip("../shared/data/cnndm-dev.jsonl is absent")
	}
	var articles []string
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var rec struct{ Article string }
		if json.Unmarshal([]byte(line), &rec) == nil {
			articles = append(articles, rec.Article)
		}
	}
	if _, err := Text(articles[0], Options{}); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"facts", Options{}},
		{"summary", Options{SkipFacts: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := Text(articles[i%len(articles)], bc.opts); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// TestGoldenDevArticles pins the summaries of three CNN/DailyMail development articles (testdata/eval).
func TestGoldenDevArticles(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(readTestdata(t, "eval/cnndm-3.jsonl")), "\n")
	for i, line := range lines {
		var rec struct{ Article string }
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		s, err := Text(rec.Article, Options{})
		require.NoError(t, err)
		checkSummary(t, rec.Article, s)
		golden(t, fmt.Sprintf("cnndm-%d.json", i), s)
	}
}
