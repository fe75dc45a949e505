package summarize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The blocks stage cuts normalized text into paragraphs and says what each one is: the article's own title, a
// section heading, boilerplate (credits, sign-up prompts, bylines), or text. It also finds a dateline ("ROME (AP) —")
// so that it stays out of the first sentence.

// Paragraph kinds.
const (
	KindText        = "text"
	KindTitle       = "title"
	KindHeading     = "heading"
	KindBoilerplate = "boilerplate"
)

// block is a paragraph in normalized coordinates.
type block struct {
	start, end int    // byte range in the normalized text, trimmed
	kind       string // one of the Kind constants
	dateline   int    // bytes at the start that are a dateline, 0 when none
	lines      int    // how many source lines were joined into it
	markup     markup // what Markdown made of it, if anything
}

// markup is what a block is in Markdown, which decides its kind before any reading of its words.
type markup uint8

const (
	markupNone    markup = iota
	markupCode           // a fenced code block, front matter or an HTML comment: never prose
	markupHeading        // an ATX heading ("## Usage"), its marks already cut off the block
)

// Limits for a line to pass as a heading: news subheads are short phrases, rarely more than a dozen words.
const (
	headingMaxWords = 14
	headingMaxBytes = 120
	// wrapMinBytes is the length from which a line that does not end a sentence is taken for one wrapped by a
	// fixed-width layout (mail, PDF), so the next line continues it even when that line starts with a capital.
	wrapMinBytes = 60
	// datelineParagraphs is how many text paragraphs may open with a dateline: the first, unless a pasted
	// caption, kicker or pull quote came before it.
	datelineParagraphs = 3
	// headingQuestionWords bounds a question that heads a section of an explainer ("What happens next?").
	headingQuestionWords = 8
	// bylineMaxWords bounds a byline: "By JANE DOE, Associated Press" is a handful of capitalised words.
	bylineMaxWords = 8
	// boilerplateMaxBytes: page furniture is short; a longer paragraph that mentions "privacy policy" is text.
	boilerplateMaxBytes = 400
)

// splitBlocks returns the paragraphs of text in order. Markdown is cut out first: fenced code, front matter and
// HTML comments become blocks of their own, blank lines inside them included, as does every ATX heading line; the
// runs of other lines between blank lines go to joinLines.
func splitBlocks(text string) []block {
	lines := allLines(text)
	mail := isMail(text, lines)
	var blocks []block
	var run [][2]int // plain lines since the last blank line or markup
	flush := func() {
		if len(run) > 0 {
			blocks = append(blocks, joinLines(text, run)...)
			run = run[:0]
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case l[0] == l[1]:
			flush()
		case mail && mailLine(text[l[0]:l[1]]):
			flush()
			b := block{start: l[0], end: l[1], lines: 1, markup: markupCode}
			if strings.HasPrefix(text[l[0]:l[1]], "Subject: ") {
				b.start, b.markup = l[0]+len("Subject: "), markupHeading // the mail's own title
			}
			blocks = append(blocks, b)
		case markupEnd(text, lines, i) > i:
			flush()
			end := markupEnd(text, lines, i)
			last := end - 1
			for lines[last][0] == lines[last][1] {
				last--
			}
			blocks = append(blocks, block{start: l[0], end: lines[last][1], lines: end - i, markup: markupCode})
			i = end - 1
		case atxLevel(text[l[0]:l[1]]) > 0:
			flush()
			s, e := trimSpan(text, l[0]+atxLevel(text[l[0]:l[1]]), l[1])
			if e = trimClosingHashes(text, s, e); s < e {
				blocks = append(blocks, block{start: s, end: e, lines: 1, markup: markupHeading})
			}
		default:
			run = append(run, l)
		}
	}
	flush()
	if mail {
		markSalutations(text, blocks)
	}
	classifyBlocks(text, blocks)
	markEpigraph(text, lines, blocks)
	markEbookFrame(text, blocks)
	markBackMatter(text, blocks)
	return blocks
}

// Limits of an epigraph: a few short lines of verse or a quotation before the prose begins.
const (
	epigraphMinLines = 3
	epigraphMaxLines = 16
	epigraphMaxWords = 12 // per line
)

// markEpigraph marks the verse or quotation an essay or chapter opens with as boilerplate: a first run of at least
// epigraphMinLines short lines with no blank line between them, followed by prose. Its lines stand alone as a list
// would and would otherwise make points of their own, when the essay is what the reader wants summarized.
func markEpigraph(text string, lines [][2]int, blocks []block) {
	first := 0
	for first < len(lines) && lines[first][0] == lines[first][1] {
		first++
	}
	n, stops := 0, 0
	for k := first; k < len(lines) && lines[k][0] < lines[k][1]; k++ {
		l := text[lines[k][0]:lines[k][1]]
		if moreFields(l, epigraphMaxWords) {
			return
		}
		if strings.ContainsAny(l[len(l)-1:], ",;:.!?") {
			stops++
		}
		n++
	}
	// Verse ends most lines with a mark; a headline, a deck and a byline do not.
	if n < epigraphMinLines || n > epigraphMaxLines || first+n >= len(lines) || 2*stops < n {
		return
	}
	end := lines[first+n-1][1]
	prose := false
	for _, b := range blocks {
		if b.start > end && b.kind == KindText {
			prose = moreFields(text[b.start:b.end], 2*epigraphMaxWords)
			break
		}
	}
	if !prose {
		return
	}
	for _, b := range blocks {
		if b.end <= end && b.markup != markupNone {
			return // mail headers or Markdown, not verse
		}
	}
	for i := range blocks {
		if blocks[i].end <= end {
			blocks[i].kind = KindBoilerplate
		}
	}
}

// markEbookFrame marks what an e-book's publisher puts around the book as boilerplate: everything before the
// "*** START OF THE PROJECT GUTENBERG EBOOK …" line (title page metadata, "Language: English") and from the "*** END
// OF …" line on (the licence).
func markEbookFrame(text string, blocks []block) {
	start, end := -1, len(blocks)
	for i, b := range blocks {
		// Only a block that opens with the stars is read further: upper-casing every paragraph would cost more than
		// all the rest of this stage.
		if !strings.HasPrefix(text[b.start:b.end], "***") {
			continue
		}
		l := strings.ToUpper(text[b.start:b.end])
		if !strings.Contains(l, "PROJECT GUTENBERG") {
			continue
		}
		if strings.Contains(l, "START OF") && start < 0 {
			start = i
		} else if strings.Contains(l, "END OF") {
			end = i
			break
		}
	}
	if start < 0 {
		return
	}
	for i := range blocks {
		if i <= start || i >= end {
			blocks[i].kind = KindBoilerplate
		}
	}
}

// backMatterHeadings open the parts of a paper or report that are no part of what it says: its references and
// acknowledgements. A heading of one of them, and every block after it up to the next heading, is boilerplate.
var backMatterHeadings = []string{"references", "bibliography", "works cited", "acknowledgements", "acknowledgments",
	"acknowledgement", "acknowledgment"}

// markBackMatter marks back matter, page numbers and figure and table captions as boilerplate.
func markBackMatter(text string, blocks []block) {
	back := false
	for i := range blocks {
		b := &blocks[i]
		s := text[b.start:b.end]
		if b.kind == KindHeading || b.kind == KindTitle {
			back = slices.Contains(backMatterHeadings, strings.ToLower(strings.TrimRight(strings.TrimLeft(s, "0123456789. "), ":")))
		}
		if back || b.kind == KindText && (isPageNumber(s) || isCaption(s)) {
			b.kind = KindBoilerplate
		}
	}
}

// isPageNumber reports a line that is a number alone ("12", "- 12 -", "Page 12"), as PDF text keeps them.
func isPageNumber(s string) bool {
	s = strings.TrimPrefix(strings.Trim(s, "-– "), "Page ")
	return s != "" && len(s) <= 4 && strings.Trim(s, "0123456789") == ""
}

// isCaption reports the caption of a figure or a table ("Figure 3: …", "Table 2. …", "Fig. 4 …").
func isCaption(s string) bool {
	return captionOf(s) > 0
}

// isMail reports whether text is an e-mail or a thread: two header lines ("From: …", "Subject: …") among its first
// lines, or a reply's "On …, … wrote:".
func isMail(text string, lines [][2]int) bool {
	headers := 0
	for k, l := range lines {
		line := text[l[0]:l[1]]
		if k < mailHeaderLines && isMailHeader(line) {
			headers++
		}
		if isReplyIntro(line) {
			return true
		}
	}
	return headers >= 2
}

// mailHeaderLines is how far into a text its mail headers may lie.
const mailHeaderLines = 12

// mailLine reports the lines of a mail that are not its message: headers, quoted earlier messages, and the line
// that introduces a quote.
func mailLine(line string) bool {
	return isMailHeader(line) || strings.HasPrefix(line, ">") || isReplyIntro(line)
}

// isReplyIntro reports the line that introduces a quoted message: "On Wednesday, Lee Chen wrote:".
func isReplyIntro(line string) bool {
	return strings.HasPrefix(line, "On ") && strings.HasSuffix(line, "wrote:")
}

// mailHeaders open the header lines of an e-mail.
var mailHeaders = []string{"From: ", "To: ", "Cc: ", "Subject: ", "Sent: ", "Date: ", "Reply-To: "}

func isMailHeader(line string) bool {
	for _, h := range mailHeaders {
		if strings.HasPrefix(line, h) {
			return true
		}
	}
	return false
}

// salutationWords bounds a greeting ("Hi all,") or a sign-off ("Best regards,") and the name under it ("Ana").
const salutationWords = 3

// markSalutations marks a mail's greeting and sign-off as boilerplate: a short line ending in a comma that opens
// the message, and one near its end with the short line of the name after it.
func markSalutations(text string, blocks []block) {
	short := func(b block) bool {
		return b.markup == markupNone && b.lines == 1 && len(strings.Fields(text[b.start:b.end])) <= salutationWords
	}
	for i := range blocks {
		b := &blocks[i]
		if b.markup != markupNone {
			continue
		}
		if short(*b) && strings.HasSuffix(text[b.start:b.end], ",") {
			b.markup = markupCode // the greeting
		}
		break
	}
	for i := len(blocks) - 1; i >= 0; i-- {
		b := &blocks[i]
		if !short(*b) || !strings.HasSuffix(text[b.start:b.end], ",") {
			continue
		}
		b.markup = markupCode
		if i+1 < len(blocks) && short(blocks[i+1]) {
			blocks[i+1].markup = markupCode // the name under the sign-off
		}
		break
	}
}

// allLines returns the byte range of every line of text, trimmed; a blank line's range is empty.
func allLines(text string) [][2]int {
	var lines [][2]int
	for pos := 0; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		s, e := trimSpan(text, pos, end)
		lines = append(lines, [2]int{s, e})
		pos = end + 1
	}
	return lines
}

// markupEnd returns the index just past the lines of the code fence, front matter or HTML comment that opens at
// lines[i], or i when none opens there. Front matter is "---" as the text's first line. One that never closes
// ends at the next blank line, so that it cannot swallow the rest of the text.
func markupEnd(text string, lines [][2]int, i int) int {
	l := text[lines[i][0]:lines[i][1]]
	var closes func(string) bool
	switch {
	case strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~"):
		fence := l[:3]
		closes = func(s string) bool { return strings.HasPrefix(s, fence) }
	case l == "---" && i == 0:
		closes = func(s string) bool { return s == "---" || s == "..." }
	case strings.HasPrefix(l, "<!--"):
		if strings.Contains(l, "-->") {
			return i + 1
		}
		closes = func(s string) bool { return strings.Contains(s, "-->") }
	default:
		return i
	}
	for j := i + 1; j < len(lines); j++ {
		if closes(text[lines[j][0]:lines[j][1]]) {
			return j + 1
		}
	}
	for j := i + 1; j < len(lines); j++ {
		if lines[j][0] == lines[j][1] {
			return j
		}
	}
	return len(lines)
}

// atxLevel returns the length of the marks of an ATX heading ("## " is 3), or 0 when the line is not one.
func atxLevel(l string) int {
	n := 0
	for n < len(l) && n < 6 && l[n] == '#' {
		n++
	}
	if n == 0 || n >= len(l) || l[n] != ' ' {
		return 0
	}
	return n + 1
}

// trimClosingHashes drops the optional closing marks of an ATX heading ("## Usage ##").
func trimClosingHashes(text string, s, e int) int {
	k := e
	for k > s && text[k-1] == '#' {
		k--
	}
	if k < e && (k == s || text[k-1] == ' ') {
		_, k = trimSpan(text, s, k)
		return k
	}
	return e
}

// joinLines decides, inside a run of lines with no blank line between them, which line breaks end a paragraph. Pasted
// web text puts one newline between paragraphs; mail and PDF text wraps sentences at a fixed width; menus and lists
// put one item per line. A line that ends a sentence ends its paragraph; a line that does not is continued by the
// next when that one starts in lowercase or the line is long enough to have been wrapped. A run in which no line ends
// a sentence is a list: every line stands alone. A line that opens a speaker's turn ("Grad A: …") always starts a
// paragraph, since a transcript's turns end without a stop as often as with one.
func joinLines(text string, lines [][2]int) []block {
	if len(lines) == 1 {
		return []block{{start: lines[0][0], end: lines[0][1], lines: 1}}
	}
	anyEnds := false
	for _, l := range lines {
		if endsSentence(text[l[0]:l[1]]) {
			anyEnds = true
			break
		}
	}
	var out []block
	cur := block{start: lines[0][0], end: lines[0][1], lines: 1}
	for _, l := range lines[1:] {
		prev := text[cur.end-lastLineLen(text, cur) : cur.end]
		next := text[l[0]:l[1]]
		join := anyEnds && !endsSentence(prev) && !isListItem(next) && !isSpeakerTurn(next) &&
			(startsLower(next) || len(prev) >= wrapMinBytes)
		if join {
			cur.end = l[1]
			cur.lines++
			continue
		}
		out = append(out, cur)
		cur = block{start: l[0], end: l[1], lines: 1}
	}
	return append(out, cur)
}

// lastLineLen is the length of the last line of the block ending at end.
func lastLineLen(text string, b block) int {
	i := strings.LastIndexByte(text[:b.end], '\n')
	if i < 0 {
		return b.end
	}
	return b.end - i - 1
}

// classify sets each block's kind and finds the dateline.
func classifyBlocks(text string, blocks []block) {
	firstText := true
	textSeen := 0 // text paragraphs so far: a dateline opens one of the first few
	for i := range blocks {
		b := &blocks[i]
		s := text[b.start:b.end]
		switch {
		case b.markup == markupCode || isBoilerplate(s):
			b.kind = KindBoilerplate
		case b.markup == markupHeading || b.lines == 1 && looksLikeHeading(s) && !isTurn(text, blocks, i) &&
			followedByText(text, blocks, i):
			b.kind = KindHeading
			if firstText {
				b.kind = KindTitle // a heading before any text is the article's own headline
			}
		default:
			b.kind = KindText
			if textSeen < datelineParagraphs {
				if m := dateline(s[:min(len(s), 96)]); m > 0 && m < len(s) {
					b.dateline = m
				}
			}
			firstText = false
			textSeen++
		}
	}
	// Only the first heading before the text is the title; later ones there (a kicker, a deck) are headings.
	seenTitle := false
	for i := range blocks {
		if blocks[i].kind == KindTitle {
			if seenTitle {
				blocks[i].kind = KindHeading
			}
			seenTitle = true
		}
	}
}

// isTurn reports whether block i is a turn of a transcript: it opens with a speaker's name and a colon, and so
// does a block beside it. A lone "Income: CPS ASEC and EFC Formula" is a heading.
func isTurn(text string, blocks []block, i int) bool {
	turn := func(j int) bool {
		return j >= 0 && j < len(blocks) && isSpeakerTurn(text[blocks[j].start:blocks[j].end])
	}
	return turn(i) && (turn(i-1) || turn(i+1))
}

// followedByText reports whether a text block comes after block i before another heading-like line; a heading
// introduces prose, while a run of short lines with nothing after them is a list.
func followedByText(text string, blocks []block, i int) bool {
	for _, b := range blocks[i+1:] {
		s := text[b.start:b.end]
		if isBoilerplate(s) {
			continue
		}
		return !looksLikeHeading(s) || b.lines > 1
	}
	return false
}

// looksLikeHeading reports whether a line reads as a heading: short, capitalised, not a sentence, not a quote.
func looksLikeHeading(s string) bool {
	if len(s) > headingMaxBytes || moreFields(s, headingMaxWords) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', '!', ',', ';', ':', '"', '\'', ')', '…', '-', '—', '–':
		return false
	case '?':
		// A question can head a section of an explainer, but only as a short phrase.
		return len(strings.Fields(s)) <= headingQuestionWords
	}
	return !strings.ContainsAny(s, "\"") && !isListItem(s)
}

// endsSentence reports whether s ends the way a sentence does, closing quotes and brackets aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"')]}* ")
	last, _ := utf8.DecodeLastRuneInString(s)
	return last == '.' || last == '!' || last == '?' || last == '…' || last == ':'
}

// isListItem reports whether a line starts with a bullet or a list number ("1.", "2)", "•").
func isListItem(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '⁃', '*', '-', '–', '—', '·', '▪', '►':
		return true
	}
	if unicode.IsDigit(r) {
		i := w
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == ')')
	}
	return false
}

// trimSpan narrows [s, e) of text to exclude surrounding whitespace.
func trimSpan(text string, s, e int) (int, int) {
	for s < e && isSpaceByte(text[s]) {
		s++
	}
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	return s, e
}

// dateline returns the length of the news dateline that opens s, spaces after it included, or 0: a capitalised
// place, an optional region, an optional agency in parentheses, and a dash ("ROME (AP) —", "LONDON, England (CNN)
// --", "KYIV, Ukraine —"), or an agency alone ("(CNN)", "(Reuters) -"). It reads s as the pattern
//
//	^(?:P(?:, R)?(?: \(G\))? ?D | P(?:, R)? \(G\) | \((?:AP|CNN|Reuters|AFP|UPI|Bloomberg|dpa|PA|BBC)\) ?D?)\s*
//
// with P = [A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*, R = [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}, G = [A-Za-z ]{2,24} and
// D = (?:—|–|--|- ) would match it, trying the choices in the order a backtracking matcher does (the first
// alternative first, a longer word before a shorter one), so that "ROME--" ends its place before the dash.
// Written out rather than compiled, so that the engine needs no regular expressions.
func dateline(s string) int {
	end := datelinePlace(s, func(e int) int { return datelineAfterPlace(s, e, true) })
	if end < 0 {
		end = datelinePlace(s, func(e int) int { return datelineAfterPlace(s, e, false) })
	}
	if end < 0 {
		end = datelineAgency(s)
	}
	if end < 0 {
		return 0
	}
	for end < len(s) && strings.IndexByte("\t\n\f\r ", s[end]) >= 0 {
		end++
	}
	return end
}

// datelinePlace matches P at the start of s and hands each end it may have, the preferred first, to then, which
// returns where the whole match ends or -1.
func datelinePlace(s string, then func(int) int) int {
	var word func(from int) int
	// more is (?: W)*, greedy: one word more before none.
	more := func(e int) int {
		if e < len(s) && s[e] == ' ' {
			if r := word(e + 1); r >= 0 {
				return r
			}
		}
		return then(e)
	}
	word = func(from int) int {
		return upperWord(s, from, func(c byte) bool { return isUpperASCII(c) || c == '.' || c == '\'' || c == '-' }, 2, more)
	}
	return word(0)
}

// datelineAfterPlace matches what follows the place, from s[e:], for the first alternative (dashed) or the second.
func datelineAfterPlace(s string, e int, dashed bool) int {
	// rest is (?: \(G\))? ?D for the first alternative, \(G\) after a space for the second.
	rest := func(e int) int {
		if !dashed {
			if e < len(s) && s[e] == ' ' {
				return datelineAgencyGroup(s, e+1)
			}
			return -1
		}
		if e < len(s) && s[e] == ' ' {
			if g := datelineAgencyGroup(s, e+1); g >= 0 {
				if r := datelineDash(s, g, true); r >= 0 {
					return r
				}
			}
		}
		return datelineDash(s, e, true)
	}
	// (?:, R)?, greedy.
	if strings.HasPrefix(s[e:], ", ") {
		var rword func(from, words int) int
		rword = func(from, words int) int {
			return upperWord(s, from, func(c byte) bool { return isUpperASCII(c) || 'a' <= c && c <= 'z' || c == '.' }, 1,
				func(e int) int {
					if words < 3 && e < len(s) && s[e] == ' ' {
						if r := rword(e+1, words+1); r >= 0 {
							return r
						}
					}
					return rest(e)
				})
		}
		if r := rword(e+2, 1); r >= 0 {
			return r
		}
	}
	return rest(e)
}

// upperWord matches a capital and then bytes that in accepts, at least min bytes in all, from s[from:], and hands
// each end, the longest first, to then.
func upperWord(s string, from int, in func(byte) bool, min int, then func(int) int) int {
	if from >= len(s) || !isUpperASCII(s[from]) {
		return -1
	}
	end := from + 1
	for end < len(s) && in(s[end]) {
		end++
	}
	for e := end; e-from >= min; e-- {
		if r := then(e); r >= 0 {
			return r
		}
	}
	return -1
}

// datelineAgencyGroup matches \(G\) at s[from:] and returns its end, or -1.
func datelineAgencyGroup(s string, from int) int {
	if from >= len(s) || s[from] != '(' {
		return -1
	}
	e := from + 1
	for e < len(s) && (isUpperASCII(s[e]) || 'a' <= s[e] && s[e] <= 'z' || s[e] == ' ') {
		e++
	}
	if n := e - from - 1; n < 2 || n > 24 || e >= len(s) || s[e] != ')' {
		return -1
	}
	return e + 1
}

// datelineDash matches " ?D" at s[e:], D optional unless required, and returns its end, or -1.
func datelineDash(s string, e int, required bool) int {
	for _, from := range []int{e + 1, e} { // the space, greedy, before none
		if from == e+1 && (e >= len(s) || s[e] != ' ') {
			continue
		}
		for _, d := range []string{"—", "–", "--", "- "} {
			if strings.HasPrefix(s[from:], d) {
				return from + len(d)
			}
		}
		if !required {
			return from
		}
	}
	return -1
}

// datelineAgency matches the third alternative: an agency's name in parentheses, alone.
func datelineAgency(s string) int {
	for _, a := range []string{"AP", "CNN", "Reuters", "AFP", "UPI", "Bloomberg", "dpa", "PA", "BBC"} {
		if strings.HasPrefix(s, "("+a+")") {
			return datelineDash(s, len(a)+2, false)
		}
	}
	return -1
}

// boilerplatePrefixes start lines that are page furniture, not article text (compared in lowercase).
var boilerplatePrefixes = []string{
	"advertisement", "sponsored", "skip to", "sign up", "subscribe", "click here", "tap here", "read more",
	"related:", "related coverage", "related stories", "more:", "share this", "share on", "follow us",
	"scroll down for", "© ", "(c) ", "copyright", "all rights reserved", "photo:", "image:", "video:", "file photo",
	"published:", "updated:", "last updated", "this story has been", "this article has been", "editing by",
	"reporting by", "writing by", "additional reporting", "sign in", "log in", "download the", "watch:", "listen:",
	"getty images", "___",
}

// boilerplateContains are phrases that mark a whole line as furniture wherever they stand in it.
var boilerplateContains = []string{
	"contributed to this report", "contributed reporting", "(ap photo", "(getty images", "(reuters/", "/getty images)",
	"all rights reserved", "cookie policy", "terms of service", "privacy policy",
}

// isBoilerplate reports whether a paragraph is page furniture.
func isBoilerplate(s string) bool {
	if len(s) > boilerplateMaxBytes {
		return false
	}
	l := strings.ToLower(s)
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	for _, p := range boilerplateContains {
		if strings.Contains(l, p) {
			return true
		}
	}
	// A byline: "By Jane Doe" or "By JANE DOE, Associated Press", a handful of capitalised words.
	if strings.HasPrefix(s, "By ") && len(strings.Fields(s)) <= bylineMaxWords && !endsSentence(s) {
		return true
	}
	return false
}
