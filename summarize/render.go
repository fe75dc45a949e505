package summarize

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The render stage writes the summary in the requested format. Key points go under their theme's label when they
// come from more than one theme; the other types read as prose.

func render(s *Summary) string {
	if s.Format == FormatJSON {
		return renderJSON(s)
	}
	if s.Type != TypeKeyPoints {
		texts := make([]string, len(s.KeyPoints))
		for i, p := range s.KeyPoints {
			texts[i] = p.Text
		}
		return strings.Join(texts, " ")
	}
	var b strings.Builder
	// A heading tells groups apart: the points of a single theme (a short text, or a short summary whose points
	// all come from one theme) stand without one.
	groups := 0
	for _, t := range s.Themes {
		if len(t.KeyPoints) > 0 {
			groups++
		}
	}
	headed := groups > 1
	bullet := "- "
	if s.Format == FormatPlainText {
		bullet = "• "
	}
	for _, t := range s.Themes {
		if len(t.KeyPoints) == 0 {
			continue
		}
		if headed {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			if s.Format == FormatMarkdown {
				b.WriteString("### ")
				b.WriteString(escapeMarkdown(t.Label))
			} else {
				b.WriteString(t.Label)
			}
			b.WriteString("\n")
		}
		for _, k := range t.KeyPoints {
			b.WriteString(bullet)
			if s.Format == FormatMarkdown {
				b.WriteString(escapeMarkdown(s.KeyPoints[k].Text))
			} else {
				b.WriteString(s.KeyPoints[k].Text)
			}
			b.WriteByte('\n')
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// renderJSON writes the summary's reading as JSON: the themes with their points' texts for key points, the text
// alone for the other types.
func renderJSON(s *Summary) string {
	var b []byte
	if s.Type == TypeKeyPoints {
		b = append(b, `{"themes":[`...)
		first := true
		for _, t := range s.Themes {
			if len(t.KeyPoints) == 0 {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendJSONField(b, `{"label":`, t.Label)
			b = append(b, `,"points":[`...)
			for i, k := range t.KeyPoints {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, s.KeyPoints[k].Text)
			}
			b = append(b, "]}"...)
		}
		b = append(b, "]}"...)
	} else {
		texts := make([]string, len(s.KeyPoints))
		for i, p := range s.KeyPoints {
			texts[i] = p.Text
		}
		b = appendJSONField(b, `{"text":`, strings.Join(texts, " "))
		b = append(b, '}')
	}
	return string(b)
}

// MarshalJSON writes the summary as encoding/json would from its struct tags, byte for byte, with HTML's <, > and &
// left as they are: json.Marshal escapes those itself in what a MarshalJSON writes, and an Encoder told not to
// leaves them (TestMarshalJSON holds it to all three). Written out, since reflection costs a WebAssembly engine ten
// times what it costs natively, and encoding/json would otherwise be linked into the engine for this alone.
func (s Summary) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 256+64*len(s.Sentences)+256*len(s.KeyPoints))
	b = appendJSONField(b, `{"type":`, s.Type)
	b = appendJSONField(b, `,"length":`, s.Length)
	b = appendJSONField(b, `,"format":`, s.Format)
	b = appendJSONField(b, `,"kind":`, s.Kind)
	b = appendJSONField(b, `,"title":`, s.Title)
	b = appendJSONField(b, `,"text":`, s.Text)
	b = append(b, `,"themes":`...)
	b = appendJSONList(b, s.Themes, func(b []byte, t Theme) []byte {
		b = appendJSONField(b, `{"label":`, t.Label)
		b = appendJSONField(b, `,"labelSource":`, t.LabelSource)
		b = append(b, `,"sentences":`...)
		b = appendJSONList(b, t.Sentences, appendJSONInt)
		b = append(b, `,"keyPoints":`...)
		b = appendJSONList(b, t.KeyPoints, appendJSONInt)
		return append(b, '}')
	})
	b = append(b, `,"keyPoints":`...)
	var err error
	b = appendJSONList(b, s.KeyPoints, func(b []byte, k KeyPoint) []byte {
		b = appendJSONField(b, `{"text":`, k.Text)
		b = appendJSONIntField(b, `,"theme":`, k.Theme)
		b = appendJSONIntField(b, `,"sentence":`, k.Sentence)
		b = append(b, `,"spans":`...)
		b = appendJSONList(b, k.Spans, appendJSONSpan)
		b = append(b, `,"score":`...)
		if b, err = appendJSONFloat(b, k.Score); err != nil {
			return b
		}
		return append(b, '}')
	})
	if err != nil {
		return nil, err
	}
	b = append(b, `,"sentences":`...)
	b = appendJSONList(b, s.Sentences, func(b []byte, r SentenceRef) []byte {
		b = appendJSONIntField(b, `{"start":`, r.Start)
		b = appendJSONIntField(b, `,"end":`, r.End)
		b = appendJSONIntField(b, `,"paragraph":`, r.Paragraph)
		return append(b, '}')
	})
	b = append(b, `,"entities":`...)
	b = appendJSONList(b, s.Entities, func(b []byte, e Entity) []byte {
		b = appendJSONField(b, `{"text":`, e.Text)
		b = appendJSONField(b, `,"kind":`, e.Kind)
		b = appendJSONField(b, `,"role":`, e.Role)
		b = append(b, `,"mentions":`...)
		b = appendJSONList(b, e.Mentions, appendJSONSpan)
		return append(b, '}')
	})
	b = append(b, `,"quotes":`...)
	b = appendJSONList(b, s.Quotes, func(b []byte, q Quote) []byte {
		b = appendJSONField(b, `{"text":`, q.Text)
		b = appendJSONField(b, `,"speaker":`, q.Speaker)
		b = append(b, `,"span":`...)
		b = appendJSONSpan(b, q.Span)
		return append(b, '}')
	})
	b = append(b, `,"figures":`...)
	b = appendJSONList(b, s.Figures, func(b []byte, f Figure) []byte {
		b = appendJSONField(b, `{"text":`, f.Text)
		b = append(b, `,"span":`...)
		b = appendJSONSpan(b, f.Span)
		b = appendJSONField(b, `,"context":`, f.Context)
		return append(b, '}')
	})
	b = appendJSONIntField(b, `,"stats":{"words":`, s.Stats.Words)
	b = appendJSONIntField(b, `,"sentences":`, s.Stats.Sentences)
	b = appendJSONIntField(b, `,"paragraphs":`, s.Stats.Paragraphs)
	return append(b, "}}"...), nil
}

// appendJSONList appends a list as encoding/json writes a slice: null when it is nil.
func appendJSONList[T any](b []byte, list []T, each func([]byte, T) []byte) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, v)
	}
	return append(b, ']')
}

func appendJSONInt(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }

// appendJSONField and appendJSONIntField append a key, with what precedes it (`{"text":`, `,"kind":`), and its value.
func appendJSONField(b []byte, key, v string) []byte { return appendJSONString(append(b, key...), v) }

func appendJSONIntField(b []byte, key string, v int) []byte {
	return appendJSONInt(append(b, key...), v)
}

func appendJSONSpan(b []byte, sp Span) []byte {
	b = appendJSONIntField(b, `{"start":`, sp.Start)
	return append(appendJSONIntField(b, `,"end":`, sp.End), '}')
}

// appendJSONFloat writes a float64 as encoding/json does: the shortest decimal that reads back the same, with an
// exponent only for very small or very large numbers.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, &unsupportedValueError{strconv.FormatFloat(f, 'g', -1, 64)}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// A one-digit exponent has no leading zero, as encoding/json writes it: e-9, not e-09.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// unsupportedValueError is the error of a summary that holds a number JSON cannot write.
type unsupportedValueError struct{ value string }

func (e *unsupportedValueError) Error() string {
	return "summarize: json: unsupported value: " + e.value
}

// appendJSONString appends s quoted as encoding/json's Encoder quotes a string when told not to escape HTML:
// invalid UTF-8 as U+FFFD, control characters, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// escapeMarkdown keeps text from turning into markup it does not mean: a bracketed name must not read as a link
// label, nor a star as emphasis. Brackets stay, since "[Zelenskyy]" is meant to show.
func escapeMarkdown(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`)
