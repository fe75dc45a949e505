package summarize

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The html stage lets a user paste page source (or an extension pass a page's HTML) and get the article's text,
// still mapped byte for byte to the markup as given. It uses a real HTML tokenizer: regular expressions break on
// comments, CDATA, attributes holding ">" and script bodies holding "</p>".

// looksLikeHTML reports whether text is markup rather than prose. A news story may mention a tag in passing, so one
// stray "<b>" is not enough: the text must open with a tag, or carry several block-level tags.
func looksLikeHTML(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\uFEFF")
	if len(t) > 0 && t[0] == '<' {
		head := strings.ToLower(t[:min(len(t), 64)])
		for _, p := range []string{"<!doctype", "<html", "<head", "<body", "<article", "<main", "<div", "<p>", "<p ", "<h1", "<h2", "<section", "<!--", "<meta", "<title"} {
			if strings.HasPrefix(head, p) {
				return true
			}
		}
	}
	head := text[:min(len(text), 1<<16)]
	if strings.IndexByte(head, '<') < 0 {
		return false // every tag counted below opens with "<"; most pasted stories have none, so skip lowercasing them
	}
	lower := strings.ToLower(head)
	blocks := 0
	for _, tag := range []string{"<p>", "<p ", "</p>", "<br", "<div", "</div>", "<li>", "<h2", "<h3"} {
		blocks += strings.Count(lower, tag)
	}
	return blocks >= 3
}

// skipped elements hold no article text: code, navigation, forms, captions and the like.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Nav: true,
	atom.Aside: true, atom.Footer: true, atom.Form: true, atom.Button: true, atom.Select: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Figcaption: true,
	atom.Head: true, atom.Textarea: true, atom.Dialog: true, atom.Menu: true,
}

// blockLevel elements end a paragraph, so their text never runs into the next block's.
var blockLevel = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Figure: true, atom.Hr: true, atom.Body: true, atom.Html: true, atom.Address: true, atom.Caption: true,
}

// extractHTML appends the visible article text of the markup to m, one paragraph per block element, and returns the
// document's <title> (its text, normalized) for use as the summary's title when the body has no headline.
func extractHTML(m *textMap, raw string) (title string) {
	z := xhtml.NewTokenizer(strings.NewReader(raw))
	pos := 0
	skip := 0 // depth inside skipped elements
	inTitle := false
	var titleText strings.Builder
	brk := func(at int, s string) {
		// Paragraph breaks are zero-width in the input: they stand at the tag that caused them.
		if n := len(m.norm); n == 0 || (s == "\n\n" && strings.HasSuffix(string(m.norm[max(0, n-2):]), "\n\n")) {
			return
		}
		m.replace(at, at, s)
	}
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		rawTok := z.Raw()
		start := pos
		pos += len(rawTok)
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = tt == xhtml.StartTagToken
				continue
			}
			if skipped[a] && tt == xhtml.StartTagToken && a != atom.Head {
				skip++
				continue
			}
			if a == atom.Br {
				brk(start, "\n")
			} else if blockLevel[a] {
				brk(start, "\n\n")
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = false
				continue
			}
			if skipped[a] && a != atom.Head {
				if skip > 0 {
					skip--
				}
				continue
			}
			if blockLevel[a] {
				brk(start, "\n\n")
			}
		case xhtml.TextToken:
			if inTitle {
				titleText.WriteString(html.UnescapeString(string(rawTok)))
				continue
			}
			if skip > 0 {
				continue
			}
			htmlText(m, raw, start, pos)
		}
	}
	return strings.Join(strings.Fields(titleText.String()), " ")
}

// htmlText appends one text node: character references are decoded (each mapped to its whole "&…;" in the input),
// and source line breaks and indentation fold into single spaces, since in HTML only elements make paragraphs.
func htmlText(m *textMap, raw string, start, end int) {
	run := start
	for i := start; i < end; i++ {
		c := raw[i]
		switch {
		case c == '&':
			j := i + 1
			for j < end && j-i <= 32 && raw[j] != ';' && raw[j] != '&' && raw[j] != ' ' && raw[j] != '<' {
				j++
			}
			if j >= end || raw[j] != ';' {
				continue
			}
			dec := html.UnescapeString(raw[i : j+1])
			if dec == raw[i:j+1] {
				continue
			}
			normalizeInto(m, raw, run, i)
			if s, ok := decodedRune(dec); ok {
				dec = s
			}
			if dec == "\n" || dec == "\n\n" {
				dec = " "
			}
			m.replace(i, j+1, dec)
			i = j
			run = j + 1
		case c == '\n' || c == '\r' || c == '\t':
			normalizeInto(m, raw, run, i)
			j := i
			for j < end && (raw[j] == '\n' || raw[j] == '\r' || raw[j] == '\t' || raw[j] == ' ') {
				j++
			}
			if n := len(m.norm); n > 0 && m.norm[n-1] != ' ' && m.norm[n-1] != '\n' {
				m.replace(i, j, " ")
			}
			i = j - 1
			run = j
		}
	}
	normalizeInto(m, raw, run, end)
}

// decodedRune normalizes a decoded character reference the way normalizeRune would the character itself.
func decodedRune(s string) (string, bool) {
	r := []rune(s)
	if len(r) != 1 {
		return s, false
	}
	return normalizeRune(r[0])
}
