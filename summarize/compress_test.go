package summarize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompressLimits: what a sentence must be to become a point at all, and how one past 45 words is cut.
func TestCompressLimits(t *testing.T) {
	long := "Gomis works on strengthening his muscle and has also been able to spend time with his family in Lyon " +
		"while the former Lyon striker took to Instagram on Thursday to share pictures of his recovery as he was put " +
		"through his paces by the club doctors and physios in France ahead of the run-in"
	table := strings.Repeat("Real Madrid 97 apps 22 goals Valladolid 85 apps 13 goals ", 5)
	tests := []struct {
		name, sentence string
		want           string // "" when the sentence is no point
	}{
		{"a sentence", "The council approved the new budget on Tuesday.", "The council approved the new budget on Tuesday."},
		{"a bare title", "THE SPY IN THE ELEVATOR", ""},
		{"a list item", "- Call Bob about the contract", "Call Bob about the contract."},
		{"a turn cut off", "Project Manager: or it's only on the", ""},
		{"a pronoun", "This is why the council approved it.", ""},
		{"a determiner", "This report answers frequently asked questions about grants.",
			"This report answers frequently asked questions about grants."},
		{"past 45 words, cut at a conjunction", long,
			"Gomis works on strengthening his muscle and has also been able to spend time with his family in Lyon " +
				"while the former Lyon striker took to Instagram on Thursday to share pictures of his recovery."},
		{"past 45 words with no clause", table, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The sentence ends a paragraph: alone, a line with no stop would be read as a heading.
			doc, err := Parse("Officials met on Monday to discuss the plan in detail. The meeting ended at noon. " + tt.sentence)
			require.NoError(t, err)
			require.Len(t, doc.Sentences, 3)
			p, ok := compress(analyze(doc), 2)
			if tt.want == "" {
				assert.False(t, ok, "point %q", p.text)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, p.text)
		})
	}
}
