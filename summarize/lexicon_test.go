package summarize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLexicon checks the lists that are meant as subsets of others.
func TestLexicon(t *testing.T) {
	for _, w := range tailVerbs.Words() {
		assert.True(t, speechVerbs.Has(w), "tail verb %q is not a verb of speech", w)
	}
}
