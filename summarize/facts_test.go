package summarize

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedSummary summarizes the seed article.
func seedSummary(t *testing.T) (string, *Summary) {
	t.Helper()
	text := readTestdata(t, "ap-ukraine-territory.txt")
	s, err := Text(text, Options{})
	require.NoError(t, err)
	return text, s
}

func TestSeedEntities(t *testing.T) {
	text, s := seedSummary(t)
	byName := map[string]Entity{}
	for _, e := range s.Entities {
		byName[e.Text] = e
	}
	tests := []struct {
		name, kind, role string
		minMentions      int
	}{
		{"Volodymyr Zelenskyy", EntityPerson, "Ukrainian President", 10},
		{"Donald Trump", EntityPerson, "U.S. President", 8},
		{"Keir Starmer", EntityPerson, "British Prime Minister", 2},
		{"Friedrich Merz", EntityPerson, "German Chancellor", 3},
		{"Leo XIV", EntityPerson, "Pope", 2},
		{"Oleg Nikolayev", EntityPerson, "Gov.", 1},
		{"Ukraine", EntityPlace, "", 10},
		{"Kyiv", EntityPlace, "", 2},
		{"Crimean Peninsula", EntityPlace, "", 1},
		{"Associated Press", EntityOrganization, "", 1},
		{"Vatican", EntityOrganization, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := byName[tt.name]
			require.True(t, ok, "missing entity")
			assert.Equal(t, tt.kind, e.Kind)
			assert.Equal(t, tt.role, e.Role)
			assert.GreaterOrEqual(t, len(e.Mentions), tt.minMentions)
			for _, m := range e.Mentions {
				assert.NotEmpty(t, text[m.Start:m.End])
			}
		})
	}
	assert.Equal(t, "Ukraine", s.Entities[0].Text, "the most mentioned entity comes first")
	for _, e := range s.Entities {
		assert.NotContains(t, []string{"Monday", "Tuesday", "Facing", "Several", "The"}, e.Text)
	}
}

func TestSeedQuotes(t *testing.T) {
	text, s := seedSummary(t)
	speakers := map[string]string{}
	for _, q := range s.Quotes {
		speakers[q.Text[:20]] = q.Speaker
		assert.Equal(t, q.Text, collapseSpace(text[q.Span.Start:q.Span.End])[:len(q.Text)])
	}
	tests := []struct{ start, speaker string }{
		{"Undoubtedly, Russia ", "Volodymyr Zelenskyy"}, // a quote over three sentences, speaker after it
		{"Do we consider cedin", "Volodymyr Zelenskyy"}, // "he said", after the speaker's last mention
		{"You know, a lot of p", "Donald Trump"},
		{"But you know, at som", "Donald Trump"},        // no attribution: goes on from the previous quote
		{"certainly wants to e", "Volodymyr Zelenskyy"}, // speaker before the quote
		{"We have to talk abou", "Friedrich Merz"},
	}
	for _, tt := range tests {
		t.Run(tt.start, func(t *testing.T) {
			assert.Equal(t, tt.speaker, speakers[tt.start])
		})
	}
	for _, q := range s.Quotes {
		assert.NotEqual(t, "upper hand", q.Text, "scare quotes are not quotes")
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"counts", "Russia fired 110 drones across the country overnight, officials said.", []string{"110 drones"}},
		{"approximate", "The region lies about 900 kilometers northeast of the border.", []string{"about 900 kilometers"}},
		{"change", "The plan now has 20 points, down from 28, he said.", []string{"20 points, down from 28"}},
		{"more than", "More than 20 storage tanks burned for more than three days.", []string{"More than 20 storage tanks", "more than three days"}},
		{"money", "The company lost $4.5 billion last year.", []string{"$4.5 billion"}},
		{"percent", "Profits fell 40% in the quarter.", []string{"40%"}},
		{"years and dates", "He was elected in 2019 and the attack came on Dec. 5.", nil},
		{"age", "Cheryl Silvonek, 54, was stabbed.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Text(tt.text, Options{})
			require.NoError(t, err)
			var got []string
			for _, f := range s.Figures {
				got = append(got, f.Text)
				assert.Equal(t, f.Text, collapseSpace(tt.text[f.Span.Start:f.Span.End]))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// factTexts are the seed and three development articles, by name.
func factTexts(t *testing.T) map[string]string {
	texts := map[string]string{"seed": readTestdata(t, "ap-ukraine-territory.txt")}
	for i, line := range strings.Split(strings.TrimSpace(readTestdata(t, "eval/cnndm-3.jsonl")), "\n") {
		var rec struct{ Article string }
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		texts[fmt.Sprintf("cnndm-%d", i)] = rec.Article
	}
	return texts
}

// TestFactsIgnoreOptions checks that the facts are the same whatever summary is asked for: the stages that run
// for one type or length and not another (compression, labels) must not change what the facts stage sees.
func TestFactsIgnoreOptions(t *testing.T) {
	texts := factTexts(t)
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		want, err := Text(texts[name], Options{})
		require.NoError(t, err)
		for _, typ := range []string{TypeKeyPoints, TypeTLDR, TypeTeaser, TypeHeadline} {
			for _, length := range []string{LengthShort, LengthMedium, LengthLong} {
				t.Run(name+"/"+typ+"/"+length, func(t *testing.T) {
					got, err := Text(texts[name], Options{Type: typ, Length: length})
					require.NoError(t, err)
					assert.Equal(t, want.Entities, got.Entities)
					assert.Equal(t, want.Quotes, got.Quotes)
					assert.Equal(t, want.Figures, got.Figures)
				})
			}
		}
	}
}

// TestSkipFacts checks that skipping the facts changes nothing else, for every type and length.
func TestSkipFacts(t *testing.T) {
	texts := factTexts(t)
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		for _, typ := range []string{TypeKeyPoints, TypeTLDR, TypeTeaser, TypeHeadline} {
			for _, length := range []string{LengthShort, LengthLong} {
				t.Run(name+"/"+typ+"/"+length, func(t *testing.T) {
					opts := Options{Type: typ, Length: length, Format: FormatJSON}
					full, err := Text(texts[name], opts)
					require.NoError(t, err)
					opts.SkipFacts = true
					lean, err := Text(texts[name], opts)
					require.NoError(t, err)
					assert.Equal(t, []Entity{}, lean.Entities)
					assert.Equal(t, []Quote{}, lean.Quotes)
					assert.Equal(t, []Figure{}, lean.Figures)
					full.Entities, full.Quotes, full.Figures = []Entity{}, []Quote{}, []Figure{}
					assert.Equal(t, full, lean)
				})
			}
		}
	}
}

// TestFigureNeedsTags checks that where figureNeedsTags says no, figureAt decides the same with tags or without.
func TestFigureNeedsTags(t *testing.T) {
	texts := []string{readTestdata(t, "ap-ukraine-territory.txt")}
	for _, line := range strings.Split(strings.TrimSpace(readTestdata(t, "eval/cnndm-3.jsonl")), "\n") {
		var rec struct{ Article string }
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		texts = append(texts, rec.Article)
	}
	skipped := 0
	for _, text := range texts {
		doc, err := Parse(text)
		require.NoError(t, err)
		tags := newSentenceTags(doc)
		for i := range doc.Sentences {
			toks := doc.Sentences[i].tokens
			tagged, err := tags.of(i)
			require.NoError(t, err)
			for k := range toks {
				if !isNumberToken(toks[k].Text) || figureNeedsTags(toks, k) {
					continue
				}
				skipped++
				s1, e1, ok1 := figureAt(toks, nil, k)
				s2, e2, ok2 := figureAt(toks, tagged, k)
				assert.Equal(t, []any{s1, e1, ok1}, []any{s2, e2, ok2}, "%q", toks[k].Text)
			}
		}
	}
	assert.Greater(t, skipped, 5, "years, dates and numbers before punctuation need no tags")
}
