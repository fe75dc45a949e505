package summarize

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestErrorMessages pins the messages of the errors that carry detail: callers show them, and they were
// fmt.Errorf("%w: ...") before the engine stopped linking fmt.
func TestErrorMessages(t *testing.T) {
	long := strings.Repeat("word ", MaxTextBytes/5+1)
	for _, c := range []struct {
		name string
		err  error
		is   error
		want string
	}{
		{"type", errorOf(Text("Text.", Options{Type: "bullets"})), ErrInvalidOptions,
			`summarize: invalid options: type "bullets" is not one of key-points, tldr, teaser, headline`},
		{"length", errorOf(Text("Text.", Options{Length: "huge"})), ErrInvalidOptions,
			`summarize: invalid options: length "huge" is not one of short, medium, long`},
		{"format", errorOf(Text("Text.", Options{Format: "html"})), ErrInvalidOptions,
			`summarize: invalid options: format "html" is not one of markdown, plain-text, json`},
		{"kind", errorOf(Text("Text.", Options{Kind: "poem\n"})), ErrInvalidOptions,
			`summarize: invalid options: kind "poem\n" is not one of ` + strings.Join(textKinds, ", ")},
		{"too long", errorOf(Text(long, Options{})), ErrTextTooLong,
			"summarize: text is too long: 5242885 bytes, the limit is 5242880"},
		{"headings only", errorOf(Text("# Title\n\n## Section\n", Options{})), ErrEmptyText,
			"summarize: text is empty: only headings and boilerplate"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.True(t, errors.Is(c.err, c.is), "%v", c.err)
			assert.Equal(t, c.want, c.err.Error())
		})
	}
}

func errorOf(_ *Summary, err error) error { return err }
