package summarize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// story writes paragraphs of plain sentences that keep coming back to the same few content words, as a news
// story keeps to its subject.
func story(words []string, paragraphs int) string {
	var b strings.Builder
	for p := 0; p < paragraphs; p++ {
		for s := 0; s < 2; s++ {
			w := func(k int) string { return words[(p*5+s*3+k)%len(words)] }
			fmt.Fprintf(&b, "The %s and the %s were seen near the %s on Monday, while the %s of the %s waited for the %s. ",
				w(0), w(1), w(2), w(3), w(4), w(5))
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

var (
	budgetWords   = strings.Fields("council budget taxes schools mayor deficit libraries roads spending auditors")
	footballWords = strings.Fields("striker goalkeeper penalty stadium referee league midfielder supporters coach fixture")
	volcanoWords  = strings.Fields("volcano lava crater eruption ash villagers geologists magma tremors evacuation")
)

func themesOf(t *testing.T, text string) []Theme {
	t.Helper()
	sum, err := Text(text, Options{Format: FormatJSON, Length: LengthLong})
	require.NoError(t, err)
	return sum.Themes
}

func TestThemesPastedStories(t *testing.T) {
	text := story(budgetWords, 6) + story(footballWords, 6) + story(volcanoWords, 6)
	themes := themesOf(t, text)
	require.Len(t, themes, 3, "three stories pasted together part where the stories do")
	for _, th := range themes {
		assert.Len(t, th.Sentences, 12)
		assert.Equal(t, LabelKeyphrase, th.LabelSource)
	}
	labels := map[string]bool{}
	for _, th := range themes {
		assert.False(t, labels[th.Label], "labels are distinct: %q", th.Label)
		labels[th.Label] = true
	}
}

func TestThemesOneSubject(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"short story", story(budgetWords, 4)},
		{"long story on one subject", story(volcanoWords, 12)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Len(t, themesOf(t, tt.text), 1)
		})
	}
}

func TestThemesLateHeadingsAreNoOutline(t *testing.T) {
	// Credits at the end of an article are short lines the blocks stage reads as headings; they do not make the
	// article one theme.
	text := story(budgetWords, 6) + story(footballWords, 6) + "Credits\n\nJane Doe\n\nJohn Roe\n\n" + story(volcanoWords, 1)
	doc, err := parse(text)
	require.NoError(t, err)
	headings := 0
	for _, p := range doc.Paragraphs {
		if p.Kind == KindHeading {
			headings++
		}
	}
	require.Positive(t, headings, "the test needs lines read as headings")
	themes := themesOf(t, text)
	require.GreaterOrEqual(t, len(themes), 2)
	for _, th := range themes {
		assert.Equal(t, LabelKeyphrase, th.LabelSource)
	}
}

// TestPersonPhrases: a name behind a role or a description, or one the text goes on to call by its last word,
// is a person's, which names no theme.
func TestPersonPhrases(t *testing.T) {
	text := "The club named assistant Locke as manager on Friday. John Waldron, the lawyer, said the deal was done. " +
		"Waldron added that the European Union rules allowed it, and the unpopular Bubba Watson agreed."
	doc, err := parse(text)
	require.NoError(t, err)
	a := analyze(doc)
	person := map[string]bool{}
	for i := range doc.Sentences {
		tags, err := a.tags.of(i)
		require.NoError(t, err)
		for _, p := range nounPhrases(a, doc.Sentences[i].tokens, tags, a.sents[i].tokTerms) {
			person[doc.input[p.span.Start:p.span.End]] = p.person
		}
	}
	assert.Equal(t, map[string]bool{"club": false, "assistant Locke": true, "manager": false, "John Waldron": true,
		"lawyer": false, "deal": false, "Waldron": false, "European Union rules": false, "unpopular Bubba Watson": true},
		person)
}

// TestPhraseBoundHoldsEveryPhrase checks the bound that lets labelThemes leave a sentence untagged: no noun phrase
// of any sentence scores above it, under weights of every size, so skipping a sentence below the leading label
// can never change a label.
func TestPhraseBoundHoldsEveryPhrase(t *testing.T) {
	texts := []string{"ap-ukraine-territory.txt", "kinds/transcript.txt", "kinds/report.txt", "kinds/reviews.txt"}
	for _, name := range texts {
		doc, err := parse(readTestdata(t, name))
		require.NoError(t, err)
		a := analyze(doc)
		for _, spread := range []int32{1, 7, 1000} {
			// Weights that differ by term, some far apart, as a theme's counts and spreads make them.
			weight := func(id int32) float64 { return float64(id%spread+1) * 0.37 }
			for i := range doc.Sentences {
				tags, err := a.tags.of(i)
				require.NoError(t, err)
				bound := phraseBound(a.sents[i].tokTerms, weight)
				for _, p := range nounPhrases(a, doc.Sentences[i].tokens, tags, a.sents[i].tokTerms) {
					phrase := doc.input[p.span.Start:p.span.End]
					assert.LessOrEqual(t, phraseScore(p.terms, weight), bound, "%s: %q", name, phrase)
				}
			}
		}
	}
}

func TestNounPhraseLabels(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		want     []string // among the phrases
		not      []string // never a phrase
	}{
		{"honorific opens a name", "She told police Mr Docherty had left the house.", []string{"police"}, []string{"police Mr Docherty", "police Mr"}},
		{"bare number", "He ran 7.58 seconds in the final heat.", nil, []string{"7.58 seconds", "7.58"}},
		{"comparative", "I think he is a better horse on a flat track.", []string{"horse", "flat track"}, []string{"better horse"}},
		{"ordinal", "It was his fifth Masters title and the fourth season of the show.", []string{"Masters title", "season"},
			[]string{"fifth Masters title", "fourth season"}},
		{"compares with before", "A similar loss followed, under the latter rule.", []string{"loss", "rule"},
			[]string{"similar loss", "latter rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse(tt.sentence)
			require.NoError(t, err)
			a := analyze(doc)
			tags, err := a.tags.of(0)
			require.NoError(t, err)
			var got []string
			for _, p := range nounPhrases(a, doc.Sentences[0].tokens, tags, a.sents[0].tokTerms) {
				got = append(got, doc.input[p.span.Start:p.span.End])
			}
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tt.not {
				assert.NotContains(t, got, w)
			}
		})
	}
}

func TestTrimStop(t *testing.T) {
	for in, want := range map[string]string{
		"Cheltenham Gold Cup.": "Cheltenham Gold Cup",
		"Talks with the U.S.":  "Talks with the U.S.",
		"Drone attack":         "Drone attack",
	} {
		assert.Equal(t, want, trimStop(in), in)
	}
}

// TestLabelHeadsDiffer: two themes are never told apart by a modifier alone ("Fishing deal" after "Trade deal").
func TestLabelHeadsDiffer(t *testing.T) {
	text := "The trade deal was signed in Rome on Monday. The trade deal covers steel and cars. " +
		"Ministers praised the trade deal. A fishing deal was agreed in Oslo. The fishing deal covers cod. " +
		"Fishermen welcomed the fishing deal and the fishing quotas."
	doc, err := parse(text)
	require.NoError(t, err)
	a := analyze(doc)
	themes := []theme{{source: LabelKeyphrase, sents: []int{0, 1, 2}}, {source: LabelKeyphrase, sents: []int{3, 4, 5}}}
	scores := make([]float64, len(doc.Sentences))
	require.NoError(t, labelThemes(a, scores, themes))
	last := func(s string) string { return strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:]) }
	assert.Equal(t, "Trade deal", themes[0].label)
	assert.NotEqual(t, "deal", last(themes[1].label), themes[1].label)
}
