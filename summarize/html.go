package summarize

import (
	"strings"

	"keypoints/summarize/internal/htmltoken"
	"keypoints/summarize/internal/wordset"
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

// element is what an element means for the text of a page.
type element uint8

const (
	inlineElement  element = iota // text runs through it
	titleElement                  // the document's title
	skippedElement                // holds no article text: code, navigation, forms, captions and the like
	brElement
	blockElement // ends a paragraph, so that its text never runs into the next block's
)

// classifyElement returns what the element named name (in any ASCII case, as HTML's names are) means.
func classifyElement(name string) element {
	var buf [len("blockquote")]byte
	if len(name) > len(buf) {
		return inlineElement
	}
	for i := 0; i < len(name); i++ {
		buf[i] = wordset.LowerASCII(name[i])
	}
	switch string(buf[:len(name)]) {
	case "title":
		return titleElement
	case "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "select", "svg",
		"math", "iframe", "object", "figcaption", "textarea", "dialog", "menu":
		return skippedElement
	case "br":
		return brElement
	case "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
		"dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "hr", "body", "html", "address",
		"caption":
		return blockElement
	}
	return inlineElement
}

// extractHTML appends the visible article text of the markup to m, one paragraph per block element, and returns the
// document's <title> (its text, normalized) for use as the summary's title when the body has no headline.
func extractHTML(m *textMap, raw string) (title string) {
	z := htmltoken.New(raw)
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
		kind := z.Next()
		if kind == htmltoken.Done {
			break
		}
		start, end := z.Raw()
		switch kind {
		case htmltoken.StartTag, htmltoken.SelfClosingTag:
			switch classifyElement(z.TagName()) {
			case titleElement:
				inTitle = kind == htmltoken.StartTag
			case skippedElement:
				if kind == htmltoken.StartTag {
					skip++
				}
			case brElement:
				brk(start, "\n")
			case blockElement:
				brk(start, "\n\n")
			}
		case htmltoken.EndTag:
			switch classifyElement(z.TagName()) {
			case titleElement:
				inTitle = false
			case skippedElement:
				skip = max(skip-1, 0)
			case blockElement:
				brk(start, "\n\n")
			}
		case htmltoken.Text:
			if inTitle {
				titleText.WriteString(htmltoken.Unescape(raw[start:end]))
				continue
			}
			if skip > 0 {
				continue
			}
			htmlText(m, raw, start, end)
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
			dec := htmltoken.Unescape(raw[i : j+1])
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
