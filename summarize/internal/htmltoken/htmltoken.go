// Package htmltoken cuts HTML into tokens exactly where golang.org/x/net/html's Tokenizer does: the same text,
// tags, comments and raw text (script, style, textarea and the others), so that every token can be mapped back to
// its bytes in the markup. It reads a string in place and keeps nothing a page's text does not need (attributes,
// unescaped text), which is what makes it small: x/net/html brings its printing, its parser and an entity table
// of its own into the WebAssembly module. FuzzTokens holds it to x/net/html token by token.
package htmltoken

import (
	"strings"

	"keypoints/summarize/internal/wordset"
)

// Kind is the kind of a token.
type Kind uint8

const (
	// Done says the input is used up, or ends inside a tag; x/net/html reports both as its ErrorToken, and the
	// bytes of such a last tag are in no token.
	Done Kind = iota
	Text
	StartTag
	SelfClosingTag
	EndTag
	Other // comments, doctypes and processing instructions, which hold no text of the page
)

// Tokenizer returns the tokens of an HTML text one at a time. The tokens' bytes partition the input up to the end
// or to a last tag cut off by it.
type Tokenizer struct {
	s          string
	start, end int // the current token is s[start:end]; end is where reading goes on
	eof        bool
	// name is the current tag's name, s[nameStart:nameEnd].
	nameStart, nameEnd int
	// rawTag is the lower-cased name of the element whose end tag closes the next token, when that token is raw
	// text: "<p>" inside a script is no tag.
	rawTag string
	// keys are the spans of the current tag's attribute names that are not empty, lastKey the last attribute's
	// name and lastVal where its value ends: a tag that ends in "/>" closes itself unless that slash ends the last
	// attribute's unquoted value and that attribute counts (see lastCounts).
	keys    [][2]int
	lastKey [2]int
	lastVal int
}

// New returns a Tokenizer for s.
func New(s string) *Tokenizer { return &Tokenizer{s: s} }

// Raw returns where the current token starts and ends in the input.
func (z *Tokenizer) Raw() (start, end int) { return z.start, z.end }

// TagName returns the current tag's name as written; HTML's names compare without regard to ASCII case.
func (z *Tokenizer) TagName() string { return z.s[z.nameStart:z.nameEnd] }

// readByte returns the next byte, or sets eof and returns 0 at the end; the end is not a byte, so it is not
// stepped over, and "z.end--" after a byte that was read steps back over it.
func (z *Tokenizer) readByte() byte {
	if z.end >= len(z.s) {
		z.eof = true
		return 0
	}
	c := z.s[z.end]
	z.end++
	return c
}

// readAfterLT reads up to the next "<" and the byte after it, and returns that byte; or reads to the end and returns
// false when there is none. Text is most of a page, so it skips to the "<" at once.
func (z *Tokenizer) readAfterLT() (byte, bool) {
	i := strings.IndexByte(z.s[z.end:], '<')
	if i < 0 || z.end+i+1 >= len(z.s) {
		z.end, z.eof = len(z.s), true
		return 0, false
	}
	z.end += i + 2
	return z.s[z.end-1], true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// equalFold reports whether a and b are the same but for ASCII case, as HTML compares names; strings.EqualFold
// folds other letters too (the Kelvin sign is a "k" to it).
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if wordset.LowerASCII(a[i]) != wordset.LowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func (z *Tokenizer) skipWhiteSpace() {
	for !z.eof {
		if c := z.readByte(); !z.eof && !isSpace(c) {
			z.end--
			return
		}
	}
}

// Next reads the next token and returns its kind.
func (z *Tokenizer) Next() Kind {
	z.start = z.end
	if z.eof {
		return Done
	}
	if z.rawTag != "" {
		if z.rawTag == "plaintext" {
			z.end = len(z.s)
			z.eof = true
		} else {
			z.readRawText()
		}
		if z.end > z.start {
			return Text
		}
	}
	for {
		// Whether the next "<" opens a tag, a comment or a doctype, or is text.
		c, ok := z.readAfterLT()
		if !ok {
			break
		}
		if !isLetter(c) && c != '/' && c != '!' && c != '?' {
			z.end--
			continue
		}
		// Text read before the markup is a token of its own, returned first.
		if x := z.end - len("<a"); z.start < x {
			z.end = x
			return Text
		}
		switch {
		case isLetter(c):
			return z.readStartTag()
		case c == '/':
			c = z.readByte()
			if z.eof {
				return z.text()
			}
			if c == '>' {
				return Other // "</>" is no token in HTML; x/net/html gives it as an empty comment
			}
			if isLetter(c) {
				if z.readTag(); z.eof {
					return Done
				}
				return EndTag
			}
			z.end--
			z.readUntilCloseAngle()
			return Other
		case c == '!':
			z.readMarkupDeclaration()
			return Other
		default: // "<?"
			z.end--
			z.readUntilCloseAngle()
			return Other
		}
	}
	return z.text()
}

// text returns what is left of the input as text, or Done when nothing is.
func (z *Tokenizer) text() Kind {
	if z.start < z.end {
		return Text
	}
	return Done
}

// readRawText reads raw text up to the end tag of z.rawTag.
func (z *Tokenizer) readRawText() {
	if z.rawTag == "script" {
		z.readScript()
		z.rawTag = ""
		return
	}
	for {
		c, ok := z.readAfterLT()
		if !ok {
			break
		}
		if c != '/' {
			z.end--
			continue
		}
		if z.readRawEndTag() || z.eof {
			break
		}
	}
	z.rawTag = ""
}

// readRawEndTag reads the rest of "</" z.rawTag, followed by a space, "/" or ">". When it is there, it steps back
// to the "<", so that the end tag is the next token, and returns true. The "</" has been read.
func (z *Tokenizer) readRawEndTag() bool {
	if z.readTagNamed(z.rawTag) {
		z.end -= len("</>") + len(z.rawTag)
		return true
	}
	return false
}

// readTagNamed reads name (lower-case letters) in any case and a space, "/" or ">" after it, and reports whether
// they are there; if not, it steps back over the byte that differs.
func (z *Tokenizer) readTagNamed(name string) bool {
	for i := 0; i < len(name); i++ {
		c := z.readByte()
		if z.eof {
			return false
		}
		if c != name[i] && c != name[i]-('a'-'A') {
			z.end--
			return false
		}
	}
	c := z.readByte()
	if z.eof {
		return false
	}
	if isSpace(c) || c == '/' || c == '>' {
		return true
	}
	z.end--
	return false
}

// readScript reads a script's text up to its "</script>", by HTML's states for script data: in a "<!--" that has
// not been closed by "-->", a "</script>" ends the script still, but not inside a "<script>" within that comment.
func (z *Tokenizer) readScript() {
	const (
		data          = iota
		escaped       // after "<!--"
		doubleEscaped // after "<!--" and "<script"
	)
	state, dashes := data, 0 // dashes: how many "-" in a row an escaped state has just read
	for {
		c := z.readByte()
		if z.eof {
			return
		}
		if state == data {
			if c != '<' {
				continue
			}
			if c = z.readByte(); z.eof {
				return
			}
			switch c {
			case '/':
				if z.readRawEndTag() || z.eof {
					return
				}
			case '!':
				for range len("--") {
					if c = z.readByte(); z.eof {
						return
					}
					if c != '-' {
						z.end--
						break
					}
				}
				if c == '-' {
					state, dashes = escaped, 2
				}
			default:
				z.end--
			}
			continue
		}
		switch {
		case c == '-':
			dashes++
			continue
		case c == '>' && dashes >= 2:
			state = data
		case c == '<':
			if c = z.readByte(); z.eof {
				return
			}
			switch {
			case c == '/' && state == escaped:
				if z.readRawEndTag() || z.eof {
					return
				}
			case c == '/':
				if z.readRawEndTag() {
					z.end += len("</script>")
					state = escaped
				} else if z.eof {
					return
				}
			case isLetter(c) && state == escaped:
				z.end--
				if z.readTagNamed("script") {
					state = doubleEscaped
				} else if z.eof {
					return
				}
			case state == escaped:
				z.end--
				state = data
			default:
				z.end--
			}
		}
		dashes = 0
	}
}

// readComment reads the rest of a comment; "<!--" has been read. It ends at "-->", "--!>", or the ">" of "<!-->"
// and "<!--->".
func (z *Tokenizer) readComment() {
	dashes, beginning := 0, true
	for {
		c := z.readByte()
		if z.eof {
			return
		}
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return
			}
		case '!':
			if dashes >= 2 {
				c = z.readByte()
				if z.eof || c == '>' {
					return
				} else if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
}

func (z *Tokenizer) readUntilCloseAngle() {
	for {
		if c := z.readByte(); z.eof || c == '>' {
			return
		}
	}
}

// readMarkupDeclaration reads a comment, a doctype or a bogus comment ("<!" and anything up to ">"); "<!" has been
// read. x/net/html reads a CDATA section as a bogus comment too, unless told the tag is in SVG or MathML.
func (z *Tokenizer) readMarkupDeclaration() {
	from := z.end
	c0, c1 := z.readByte(), z.readByte()
	if z.eof {
		return
	}
	if c0 == '-' && c1 == '-' {
		z.readComment()
		return
	}
	z.end = from
	if z.readDoctype() {
		return
	}
	z.readUntilCloseAngle()
}

// readDoctype reads "DOCTYPE", in any case, and what follows it up to ">", and returns true; or, when the
// markup does not open so, steps back to from and returns false.
func (z *Tokenizer) readDoctype() bool {
	from := z.end
	const s = "DOCTYPE"
	for i := 0; i < len(s); i++ {
		c := z.readByte()
		if z.eof {
			// The end is read again as the end of a bogus comment.
			z.end, z.eof = from, false
			return false
		}
		if c != s[i] && c != s[i]+('a'-'A') {
			z.end = from
			return false
		}
	}
	if z.skipWhiteSpace(); z.eof {
		return true
	}
	z.readUntilCloseAngle()
	return true
}

// readStartTag reads a start tag; "<" and the first letter of its name have been read.
func (z *Tokenizer) readStartTag() Kind {
	if z.readTag(); z.eof {
		return Done
	}
	name := z.TagName()
	// The elements whose content is raw text.
	for _, raw := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style",
		"textarea", "title", "xmp"} {
		if equalFold(name, raw) {
			z.rawTag = raw
			break
		}
	}
	// "/>" closes the tag unless its slash ends the last attribute's unquoted value, as in <a href=/>.
	if z.s[z.end-2] == '/' && !(z.end-2 == z.lastVal-1 && z.lastCounts()) {
		return SelfClosingTag
	}
	return StartTag
}

// readTag reads a tag's name and its attributes up to its ">"; "<" or "</" and the first letter of its name have
// been read. It sets eof when the input ends first.
func (z *Tokenizer) readTag() {
	z.keys, z.lastKey = z.keys[:0], [2]int{}
	z.readTagName()
	if z.skipWhiteSpace(); z.eof {
		return
	}
	for {
		c := z.readByte()
		if z.eof || c == '>' {
			return
		}
		z.end--
		z.lastKey = z.readTagAttrKey()
		z.lastVal = z.readTagAttrValue()
		if z.lastKey[0] != z.lastKey[1] {
			z.keys = append(z.keys, z.lastKey)
		}
		if z.skipWhiteSpace(); z.eof {
			return
		}
	}
}

// lastCounts reports whether x/net/html keeps the tag's last attribute: it keeps the first of the attributes that
// share a name, in any ASCII case, and none without a name. Only a tag that may close itself asks, so a tag with
// thousands of attributes costs one pass.
func (z *Tokenizer) lastCounts() bool {
	if z.lastKey[0] == z.lastKey[1] {
		return false
	}
	name := z.s[z.lastKey[0]:z.lastKey[1]]
	for _, k := range z.keys[:len(z.keys)-1] {
		if equalFold(z.s[k[0]:k[1]], name) {
			return false
		}
	}
	return true
}

func (z *Tokenizer) readTagName() {
	z.nameStart = z.end - 1
	for {
		c := z.readByte()
		if z.eof {
			z.nameEnd = z.end
			return
		}
		if isSpace(c) {
			z.nameEnd = z.end - 1
			return
		}
		if c == '/' || c == '>' {
			z.end--
			z.nameEnd = z.end
			return
		}
	}
}

// readTagAttrKey reads an attribute's name and returns its span.
func (z *Tokenizer) readTagAttrKey() [2]int {
	start := z.end
	for {
		c := z.readByte()
		if z.eof {
			return [2]int{start, z.end}
		}
		if c == '=' && start+1 == z.end {
			continue // a name may open with "="
		}
		if c == '=' || isSpace(c) || c == '/' || c == '>' {
			z.end--
			return [2]int{start, z.end}
		}
	}
}

// readTagAttrValue reads an attribute's "=" and value, if it has them, and returns where the value ends.
func (z *Tokenizer) readTagAttrValue() int {
	end := z.end
	if z.skipWhiteSpace(); z.eof {
		return end
	}
	c := z.readByte()
	if z.eof || c == '/' {
		return end
	}
	if c != '=' {
		z.end--
		return end
	}
	if z.skipWhiteSpace(); z.eof {
		return end
	}
	quote := z.readByte()
	if z.eof {
		return end
	}
	switch quote {
	case '>':
		z.end--
		return end
	case '\'', '"':
		for {
			c := z.readByte()
			if z.eof {
				return z.end
			}
			if c == quote {
				return z.end - 1
			}
		}
	default:
		for {
			c := z.readByte()
			if z.eof {
				return z.end
			}
			if isSpace(c) {
				return z.end - 1
			}
			if c == '>' {
				z.end--
				return z.end
			}
		}
	}
}
