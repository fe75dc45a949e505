package summarize

import (
	"encoding/json"
	"strings"
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
	_ = enc.Encode(v) // strings and slices always encode
	return strings.TrimRight(b.String(), "\n")
}

// escapeMarkdown keeps text from turning into markup it does not mean: a bracketed name must not read as a link
// label, nor a star as emphasis. Brackets stay, since "[Zelenskyy]" is meant to show.
func escapeMarkdown(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`)
