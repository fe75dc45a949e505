package summarize

// Span is a byte range of the input exactly as given: input[Start:End] is the raw text it covers.
type Span struct {
	Start int `json:"start"` // byte offset of the first byte, starting at 0
	End   int `json:"end"`   // byte offset just past the last byte
}

// Document is the input parsed into paragraphs and sentences, each carrying its span in the input as given, so
// whatever a later stage picks can be traced back to the exact text it came from.
type Document struct {
	Title      string      `json:"title"`      // the input's own headline, whitespace collapsed; "" when it has none
	Paragraphs []Paragraph `json:"paragraphs"` // every block of the input, boilerplate included, in order
	Sentences  []Sentence  `json:"sentences"`  // the sentences of the text paragraphs, in order
	Words      int         `json:"words"`      // tokens holding a letter or a digit, over all sentences

	input string   // the input as given
	html  bool     // the input is markup
	text  *textMap // the normalized text and its way back to input
}

// Paragraph is one block of the input.
type Paragraph struct {
	Span
	Kind      string `json:"kind"`               // KindText, KindTitle, KindHeading or KindBoilerplate
	Dateline  *Span  `json:"dateline,omitempty"` // the dateline ("ROME (AP) —") that opens the paragraph, kept out of its sentences
	Sentences []int  `json:"sentences"`          // indices into Document.Sentences; empty for all but text paragraphs
}

// Sentence is one sentence of a text paragraph.
type Sentence struct {
	Span
	Text      string `json:"text"`      // the sentence normalized: quotes straightened, whitespace collapsed
	Paragraph int    `json:"paragraph"` // index into Document.Paragraphs
	// Attribution links a sentence inside a multi-sentence direct quote to the sentence of the same quote that names
	// its speaker ("…,” Zelenskyy told reporters"): an index into Document.Sentences, nil when there is none.
	Attribution *int `json:"attribution,omitempty"`

	tokens []token // the sentence's words and punctuation, spans in the input; tags filled on demand
	quote  bool    // the sentence opens with, or lies inside, a direct quote
	// partial is true when a direct quote runs across the sentence's start or end: the sentence is a piece of a
	// longer quote and misreads without the rest.
	partial bool
}

// Parse reads text, which may be plain text or HTML, into a Document. It returns ErrEmptyText when the text holds
// no words outside markup and boilerplate, ErrTextTooLong when it exceeds MaxTextBytes, and ErrUnsupportedLanguage
// when it is clearly not English. Any other text, however odd (one word, no punctuation, capitals only, lists,
// invalid UTF-8), yields a Document.
func Parse(text string) (*Document, error) {
	return parse(text)
}

// Summary types, lengths and formats, named as in the Summarizer API of the web platform so that callers can pass
// the same options to either.
const (
	TypeKeyPoints = "key-points" // the most important points as bullets, grouped by theme
	TypeTLDR      = "tldr"       // a short overview, as prose
	TypeTeaser    = "teaser"     // the most intriguing parts, to draw a reader in
	TypeHeadline  = "headline"   // one line, the gist in a few words

	LengthShort  = "short"
	LengthMedium = "medium"
	LengthLong   = "long"

	FormatMarkdown  = "markdown"
	FormatPlainText = "plain-text"
	FormatJSON      = "json"
)

// Kinds of text, as Summary.Kind reports them and Options.Kind may set them. Each is read its own way: news and
// reports top-down from their lead, the others by what the whole text keeps coming back to.
const (
	TextNews       = "news"       // a news story: inverted pyramid, a lead, attributed quotes
	TextReference  = "reference"  // an encyclopedia article or another account of a subject, told in the past
	TextReport     = "report"     // a paper or a report: sections, findings, citations
	TextTranscript = "transcript" // a meeting or interview: "Speaker: words" turns, long
	TextChat       = "chat"       // a short dialogue of turns
	TextReviews    = "reviews"    // several short first-person posts about one thing
	TextStory      = "story"      // fiction or a chapter of a book: narrative and dialogue
	TextDocs       = "docs"       // technical documentation in Markdown
	TextEmail      = "email"      // an e-mail or a thread of them
	TextNotes      = "notes"      // notes or a list
	TextGeneral    = "general"    // anything else, or text whose cues disagree
)

// Options choose what Text produces. The zero value means key points, short, Markdown, with the facts.
type Options struct {
	Type   string `json:"type"`   // TypeKeyPoints (default), TypeTLDR, TypeTeaser or TypeHeadline
	Length string `json:"length"` // LengthShort (default), LengthMedium or LengthLong
	Format string `json:"format"` // FormatMarkdown (default), FormatPlainText or FormatJSON
	// Kind says what kind of text the input is, one of the Text constants, for a caller that knows; "" (the
	// default) lets Text decide from the text itself.
	Kind string `json:"kind"`
	// SkipFacts leaves Summary.Entities, Quotes and Figures empty. Finding them is about a third of the work, which
	// a caller that shows only the summary need not pay for; everything else is the same either way.
	SkipFacts bool `json:"skipFacts"`
}

// Validate returns an error wrapping ErrInvalidOptions when a field holds a value outside its documented set; the
// zero value of any field is valid.
func (o Options) Validate() error {
	_, err := o.withDefaults()
	return err
}

// Summary is what Text returns: the rendered summary and the structure behind it, every point traceable to the
// input. Its JSON form is a contract other tools rely on.
type Summary struct {
	Type      string        `json:"type"`
	Length    string        `json:"length"`
	Format    string        `json:"format"`
	Kind      string        `json:"kind"`      // the kind of text, as Options.Kind gave it or as the text itself shows
	Title     string        `json:"title"`     // the input's own headline, "" when it has none
	Text      string        `json:"text"`      // the summary rendered in Format
	Themes    []Theme       `json:"themes"`    // in the order of the input
	KeyPoints []KeyPoint    `json:"keyPoints"` // in the order a reader should see them
	Sentences []SentenceRef `json:"sentences"` // every sentence of the input, boilerplate excluded
	Entities  []Entity      `json:"entities"`  // people, places and organizations, most important first
	Quotes    []Quote       `json:"quotes"`    // direct quotes with their speakers, in order
	Figures   []Figure      `json:"figures"`   // numbers with what they count, in order
	Stats     Stats         `json:"stats"`
}

// Entity is a person, place or organization of the input, its mentions merged across the forms it takes
// ("Ukrainian President Volodymyr Zelenskyy", "Zelenskyy", "Zelenskyy's").
type Entity struct {
	Text     string `json:"text"`     // the fullest name the input gives
	Kind     string `json:"kind"`     // EntityPerson, EntityPlace or EntityOrganization
	Role     string `json:"role"`     // for people, the title the input gives them ("Ukrainian President"); else ""
	Mentions []Span `json:"mentions"` // every mention's name, in order
}

// Quote is a direct quote of five words or more.
type Quote struct {
	Text    string `json:"text"`    // the words inside the quote marks, whitespace collapsed
	Speaker string `json:"speaker"` // who said it, as the fullest name the input gives; "" when it does not say
	Span    Span   `json:"span"`    // the quoted words in the input, marks excluded
}

// Figure is a number with what it counts ("110 drones", "about 900 kilometers", "20 points, down from 28").
type Figure struct {
	Text    string `json:"text"`
	Span    Span   `json:"span"`
	Context string `json:"context"` // the sentence it comes from, as the input writes it, whitespace collapsed
}

// Where a theme's label comes from, in Theme.LabelSource.
const (
	LabelHeading   = "heading"   // the input's own heading over the theme's sentences
	LabelKeyphrase = "keyphrase" // a noun phrase of the theme's sentences that names its subject
)

// Theme is a run of the input about one subject: a section under a heading, or a block found by its vocabulary.
type Theme struct {
	Label       string `json:"label"`       // the heading, or a short noun phrase naming the subject
	LabelSource string `json:"labelSource"` // LabelHeading or LabelKeyphrase
	Sentences   []int  `json:"sentences"`   // indices into Summary.Sentences; every sentence is in exactly one theme
	KeyPoints   []int  `json:"keyPoints"`   // indices into Summary.KeyPoints
}

// KeyPoint is one point of the summary, built only from pieces of one input sentence.
type KeyPoint struct {
	// Text is Spans' text joined by single spaces, with only these edits: the first letter capitalised, a final
	// period added, whitespace collapsed, a bracketed name ("[Zelenskyy]") standing for an opening pronoun or
	// naming a turn's speaker, and no space between the two spans of a word hyphenated across a line break
	// ("docu-\nments" is "documents").
	Text     string  `json:"text"`
	Theme    int     `json:"theme"`    // index into Summary.Themes
	Sentence int     `json:"sentence"` // index into Summary.Sentences
	Spans    []Span  `json:"spans"`    // the pieces of the input the text is made of, in order
	Score    float64 `json:"score"`    // relative importance, 0 to 1, comparable within one summary
}

// SentenceRef locates one sentence of the input.
type SentenceRef struct {
	Span
	Paragraph int `json:"paragraph"` // index of its paragraph among the input's blocks
}

// Stats count the input.
type Stats struct {
	Words      int `json:"words"`      // tokens holding a letter or a digit, headings and boilerplate excluded
	Sentences  int `json:"sentences"`  // sentences of the text paragraphs, as in Summary.Sentences
	Paragraphs int `json:"paragraphs"` // paragraphs holding sentences
}

// Text summarizes English text (plain or HTML) as opts ask, read as the kind of text it is. Errors are those of Parse, and ErrInvalidOptions
// for an option outside its documented values. Text is safe for concurrent use.
func Text(text string, opts Options) (*Summary, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	doc, err := parse(text)
	if err != nil {
		return nil, err
	}
	return summarizeDoc(doc, opts)
}
