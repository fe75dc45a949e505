package summarize

import (
	"strings"

	"keypoints/summarize/internal/wordset"
)

// The kinds stage says what kind of text the input is, since what makes a good point depends on it: news and
// reports are written top-down, so their lead carries the story; a story, a meeting, an encyclopedia article or a
// set of reviews is not, and its points are the sentences the rest of the text keeps coming back to. It reads
// cheap cues of the text itself, in order of how unmistakable they are: the layout first (speaker turns, mail
// headers, Markdown, lists), then the voice (papers cite, stories quote and narrate, reviewers say "I",
// reporters attribute with "said"), then tense (an encyclopedia tells what was, a report what is and may be).
// A text whose cues disagree or are too few is TextGeneral, which weighs the lead and the text's centre alike:
// never the news treatment for text that is not plainly news.

// Thresholds of the kind cues. Rates are per 1,000 words; each sits well clear of the rates the kinds it separates
// show (see the table in BENCHMARKS.md), so that a text near one threshold is decided by the next cue.
const (
	kindMinSpeakerLines = 3    // fewer "Name: words" lines are a quote or two, not a transcript
	kindSpeakerShare    = 0.5  // share of lines that are turns for the text to be a transcript
	kindChatMaxWords    = 1000 // a longer transcript is a meeting or an interview
	kindPaperCues       = 1.5  // citations and "this paper" per 1,000 words
	kindStoryMinWords   = 1000 // stories and chapters run long; a short piece with dialogue is read generally
	kindStoryQuotes     = 15   // quote marks per 1,000 words: fiction is mostly dialogue
	kindStoryPronouns   = 20   // he, she, I: a narrative follows people
	kindStoryMaxDigits  = 6    // fiction has almost no numbers, news and reference many
	kindReviewsMinParas = 3    // several posts
	kindReviewsFirst    = 15   // I, my, me: reviewers speak for themselves
	kindReviewsMaxWords = 150  // per paragraph: a review is short
	kindReviewsVoice    = 4    // times as many "I" as "said": reviewers tell their own story, not others' words
	kindNewsSaid        = 2    // said, says, told: reporters attribute
	kindLongWords       = 1500 // past this, a text that narrates in the past is a reference article, not a story
	kindReportMinWords  = 600
	kindRefMinWords     = 300
	kindDocsHeadings    = 2   // Markdown headings or code fences
	kindMailHeaders     = 2   // From:, To:, Subject: …
	kindNotesShare      = 0.6 // share of lines that are list items
	kindNotesMinLines   = 4
)

// textKinds are the kinds Options.Kind may name.
var textKinds = []string{TextNews, TextReference, TextReport, TextTranscript, TextChat, TextReviews, TextStory, TextDocs,
	TextEmail, TextNotes, TextGeneral}

// The classes of words the cues count. A word may be in several ("my" is first person and a pronoun of a
// narrative); one look-up per word finds them all.
const (
	cueSaid    = 1 << iota // reporters attribute
	cueFirst               // reviewers speak for themselves
	cuePronoun             // a narrative follows people
	cuePast                // an encyclopedia tells what was
	cuePresent             // a report what is and may be
)

var cueClasses = []struct {
	class uint8
	words string
}{
	{cueSaid, "said says told"},
	{cueFirst, "i my me"},
	{cuePronoun, "he she his her him i my me"},
	{cuePast, "was were had"},
	{cuePresent, "is are may shall must can"},
}

// cueWords numbers every word of cueClasses; cueMask holds each one's classes.
var cueWords, cueMask = func() (wordset.Index, []uint8) {
	var words []string
	mask := map[string]uint8{}
	for _, c := range cueClasses {
		for _, w := range strings.Fields(c.words) {
			if mask[w] == 0 {
				words = append(words, w)
			}
			mask[w] |= c.class
		}
	}
	masks := make([]uint8, len(words))
	for k, w := range words {
		masks[k] = mask[w]
	}
	return wordset.NewIndex(wordset.JoinKeys(words)), masks
}()

// paperCues counts the marks of academic writing in a sentence: citations ("et al.", "[12]", "(Jing, 2000)") and
// the paper speaking of itself ("this paper", "we propose").
func paperCues(toks []token) int {
	n := 0
	for k := 0; k+1 < len(toks); k++ {
		w, next := toks[k].Text, toks[k+1].Text
		// The cue words' first letters fold only from themselves and their capitals, so the comparisons, a third
		// of the time of detectKind, are left to the few tokens that start with one of them.
		c := byte(0)
		if w != "" {
			c = w[0] | 0x20
		}
		switch {
		case c == 'e' && strings.EqualFold(w, "et") && len(next) >= 2 && strings.EqualFold(next[:2], "al"),
			c == 't' && strings.EqualFold(w, "this") && strings.EqualFold(next, "paper"),
			c == 'w' && strings.EqualFold(w, "we") && strings.EqualFold(next, "propose"),
			w == "[" && next != "" && next[0] >= '0' && next[0] <= '9',
			next == ")" && isYear(strings.TrimRight(w, "abcdefgh")) && citedName(toks[:k]):
			n++
		}
	}
	return n
}

// citedName reports whether toks end with the opening of a citation: "(Jing," or "(Jing" before its year.
func citedName(toks []token) bool {
	k := len(toks)
	if k > 0 && toks[k-1].Text == "," {
		k--
	}
	return k >= 2 && toks[k-2].Text == "(" && isCapitalized(toks[k-1].Text)
}

// detectKind returns the kind of the document's text.
func detectKind(doc *Document) string {
	norm := string(doc.text.norm)
	lines, speakers, headers, quoted, items, docs := 0, 0, 0, 0, 0, 0
	for line := range strings.Lines(norm) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		lines++
		switch {
		case isMailHeader(line):
			headers++
		case isSpeakerTurn(line):
			speakers++
		case strings.HasPrefix(line, ">"):
			quoted++
		case strings.HasPrefix(line, "```") || strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "## "):
			docs++
		case isListItem(line):
			items++
		}
	}
	switch {
	case speakers >= kindMinSpeakerLines && float64(speakers) >= kindSpeakerShare*float64(lines):
		if doc.Words >= kindChatMaxWords {
			return TextTranscript
		}
		return TextChat
	case headers >= kindMailHeaders || quoted >= kindMinSpeakerLines && 3*quoted >= lines:
		return TextEmail
	case docs >= kindDocsHeadings:
		return TextDocs
	case items >= kindNotesMinLines && float64(items) >= kindNotesShare*float64(lines):
		return TextNotes
	}

	var said, first, pronouns, past, present, digits, cues int
	var buf []byte
	for i := range doc.Sentences {
		cues += paperCues(doc.Sentences[i].tokens)
		for _, t := range doc.Sentences[i].tokens {
			if !isWordToken(t.Text) {
				continue
			}
			if t.Text[0] >= '0' && t.Text[0] <= '9' {
				digits++
				continue
			}
			if len(t.Text) > 5 {
				continue // no cue word is longer
			}
			buf = wordset.AppendLower(buf[:0], t.Text)
			k, ok := wordset.Find(&cueWords, buf)
			if !ok {
				continue
			}
			m := cueMask[k]
			said += int(m & cueSaid)
			first += int(m&cueFirst) >> 1
			pronouns += int(m&cuePronoun) >> 2
			past += int(m&cuePast) >> 3
			present += int(m&cuePresent) >> 4
		}
	}
	words := max(doc.Words, 1)
	rate := func(n int) float64 { return 1000 * float64(n) / float64(words) }
	quotes := strings.Count(norm, `"`)
	paras := 0
	for _, p := range doc.Paragraphs {
		if len(p.Sentences) > 0 {
			paras++
		}
	}
	switch {
	case rate(cues) >= kindPaperCues:
		return TextReport
	case words >= kindStoryMinWords && rate(quotes) >= kindStoryQuotes && rate(pronouns) >= kindStoryPronouns &&
		rate(digits) < kindStoryMaxDigits:
		return TextStory
	case paras >= kindReviewsMinParas && rate(first) >= kindReviewsFirst && first >= kindReviewsVoice*said &&
		words <= kindReviewsMaxWords*paras:
		return TextReviews
	case rate(said) >= kindNewsSaid && !(words >= kindLongWords && past >= present):
		return TextNews
	case words >= kindReportMinWords && present > past:
		return TextReport
	case words >= kindRefMinWords && past >= present:
		return TextReference
	}
	return TextGeneral
}
