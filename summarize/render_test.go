package summarize

import (
	"bytes"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reflected is Summary without its MarshalJSON, which encoding/json then writes from the struct tags.
type reflected Summary

// checkJSON holds MarshalJSON and renderJSON to what encoding/json writes for the same values.
func checkJSON(t *testing.T, s *Summary) {
	t.Helper()
	raw := func(v any) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(v))
		return strings.TrimSuffix(b.String(), "\n")
	}
	got, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, raw(reflected(*s)), string(got))
	assert.Equal(t, raw(reflected(*s)), raw(s), "an Encoder that does not escape HTML")
	// json.Marshal(s) goes through MarshalJSON, checks that it wrote valid JSON, and escapes HTML's three characters.
	want, err := json.Marshal(reflected(*s))
	require.NoError(t, err)
	through, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(through))
	assert.Equal(t, reflectedRenderJSON(s), renderJSON(s))
}

// reflectedRenderJSON is renderJSON as encoding/json writes it.
func reflectedRenderJSON(s *Summary) string {
	type group struct {
		Label  string   `json:"label"`
		Points []string `json:"points"`
	}
	var v any
	if s.Type == TypeKeyPoints {
		groups := []group{}
		for _, t := range s.Themes {
			if len(t.KeyPoints) == 0 {
				continue
			}
			g := group{Label: t.Label, Points: []string{}}
			for _, k := range t.KeyPoints {
				g.Points = append(g.Points, s.KeyPoints[k].Text)
			}
			groups = append(groups, g)
		}
		v = map[string]any{"themes": groups}
	} else {
		texts := make([]string, len(s.KeyPoints))
		for i, p := range s.KeyPoints {
			texts[i] = p.Text
		}
		v = map[string]any{"text": strings.Join(texts, " ")}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimRight(b.String(), "\n")
}

func TestMarshalJSON(t *testing.T) {
	texts := []string{readTestdata(t, "ap-ukraine-territory.txt"), "<p>Tom & Jerry said <b>so</b>.</p>",
		"A line\u2028with a separator, a tab\tand a bell\a in \xff bad bytes, he said. \"Quoted <words> & more,\" she said."}
	names, err := filepath.Glob(filepath.Join("..", "testdata", "kinds", "*"))
	require.NoError(t, err)
	for _, name := range names {
		texts = append(texts, readTestdata(t, filepath.Join("kinds", filepath.Base(name))))
	}
	for _, text := range texts {
		for _, typ := range []string{TypeKeyPoints, TypeTLDR, TypeTeaser, TypeHeadline} {
			for _, format := range []string{FormatMarkdown, FormatJSON} {
				s, err := Text(text, Options{Type: typ, Length: LengthLong, Format: format})
				require.NoError(t, err)
				checkJSON(t, s)
			}
		}
	}
	// Values no summary holds today, for the cases encoding/json treats apart: nil lists, tiny and huge scores.
	s := &Summary{KeyPoints: []KeyPoint{{Score: 1e-7}, {Score: 2.5e21}, {Score: 0.1 + 0.2}, {Score: -0}}}
	checkJSON(t, s)
	_, err = (&Summary{KeyPoints: []KeyPoint{{Score: math.NaN()}}}).MarshalJSON()
	assert.Error(t, err)
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" \back\`, "<a href='x'>&amp;</a>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"\u2028\u2029é€𝄞", "\xff\xfe\xed\xa0\x80", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		assert.Equal(t, strings.TrimSuffix(b.String(), "\n"), string(appendJSONString(nil, s)))
	})
}
