package summarize

import (
	"errors"
	"strings"
)

// Errors returned by Parse and Text. Callers compare with errors.Is; the messages may gain detail through wrapping.
var (
	// ErrEmptyText means the input holds no words: it is empty, only whitespace, or only markup and boilerplate.
	ErrEmptyText = errors.New("summarize: text is empty")
	// ErrTextTooLong means the input is longer than MaxTextBytes.
	ErrTextTooLong = errors.New("summarize: text is too long")
	// ErrUnsupportedLanguage means the input is clearly not English.
	ErrUnsupportedLanguage = errors.New("summarize: text is not in English")
	// ErrInvalidOptions means an Options field holds a value outside its documented set.
	ErrInvalidOptions = errors.New("summarize: invalid options")
)

// detailed is err with detail after it, as fmt.Errorf("%w: %s", err, detail) would make it. The engine does not link
// fmt: with the reflection it needs, fmt was a twentieth of the WebAssembly module, which the first summary waits
// for.
type detailed struct {
	err    error
	detail string
}

func (e *detailed) Error() string { return e.err.Error() + ": " + e.detail }
func (e *detailed) Unwrap() error { return e.err }

func withDetail(err error, detail ...string) error {
	return &detailed{err, strings.Join(detail, "")}
}

// MaxTextBytes is the largest input Parse and Text accept, in bytes. Five megabytes is a long book; anything larger
// pasted into a summarizer is almost certainly a mistake, and refusing it early keeps memory bounded in the browser.
const MaxTextBytes = 5 << 20

// Code returns the stable code of an error from this package, for callers that cross a boundary (JSON lines, the
// JavaScript API) and switch on it: "empty_text", "text_too_long", "unsupported_language", "invalid_options", or
// "internal" for anything else. It returns "" for nil.
func Code(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrEmptyText):
		return "empty_text"
	case errors.Is(err, ErrTextTooLong):
		return "text_too_long"
	case errors.Is(err, ErrUnsupportedLanguage):
		return "unsupported_language"
	case errors.Is(err, ErrInvalidOptions):
		return "invalid_options"
	}
	return "internal"
}
