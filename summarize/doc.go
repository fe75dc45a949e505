// Package summarize turns English text (news, reference articles, papers and reports, transcripts, chats, reviews,
// stories, documentation) into key points grouped by theme, every point traceable to the exact bytes of the input
// it was built from.
//
// # Pipeline
//
// Data flows one way, one file per stage; a stage reads what earlier stages made and never reaches back, and
// nothing a later stage computes is written into what an earlier one made.
//
//	normalize.go, html.go  input → normalized text, with a map back to the input's bytes; a PDF's page furniture
//	                       and words broken across its lines taken out
//	language.go            refuse text that is clearly not English
//	blocks.go              paragraphs: text, title, heading, boilerplate; datelines
//	sentences.go           sentences, by rules tuned for news copy
//	kinds.go               what kind of text it is: news, reference, report, transcript, chat, reviews, story, …
//	document.go            the Document: all of the above mapped to the input; quotes linked to their speaker; the
//	                       name an opening "He" or "She" stands for
//	features.go            per sentence: tf-idf vector, names, figures, quotes, dangling openers
//	scores.go              the signals of each sentence, and how each type of summary weighs them
//	tags.go                part-of-speech tags, computed when a stage first asks and kept for the next
//	themes.go              runs of sentences about one subject, and their labels
//	compress.go            a chosen sentence made into a crisp point, built only from pieces of the input; headlines
//	keypoints.go           which sentences become points; the Summary
//	entities.go            people (with their role), places, organizations, mentions merged across forms
//	quotes.go              direct quotes and who said them
//	figures.go             numbers with what they count
//	render.go              Markdown, plain text or JSON
//
// Beside the stages: summarize.go is the public API and nothing else; lexicon.go holds the word lists and word
// predicates that several stages read (a list one stage alone reads stays in its file); errors.go the errors and
// their codes. Two packages sit behind them: internal/tagger is prose's tokenizer and part-of-speech tagger (its
// model, repacked, and a two-call API: Tokenize, then Load and Tag), and internal/wordset the fixed word sets
// every stage looks words up in.
//
// Tags are a stage of their own because they are the one costly reading that only some summaries need: the
// analysis owns a cache that tags a sentence the first time compression or a theme label asks for it. The figures
// stage tags a small window around each number afresh instead of borrowing those tags, so the facts are the same
// whatever type or length of summary was asked for (TestFactsIgnoreOptions).
//
// # Why each signal
//
// What makes a good point depends on how the text is written, so the kinds stage comes first and each kind has a
// reading (scores.go): which signals it is read by.
//   - Position: news and reports are written top-down (the inverted pyramid; a paper's introduction states what it
//     finds), so the first sentences are the strongest candidates, and taking them (Lead-K) beats every public
//     unsupervised summarizer on news. Stories, meetings, encyclopedia articles and reviews are not written that
//     way, and are read without it.
//   - Centrality (cosine to the document's tf-idf centroid) finds the sentences the rest of the text keeps coming
//     back to. It lets a later sentence that states a story's main subject outrank a lead that only sets the scene,
//     and it is the whole reading of the kinds without a lead.
//   - Length: the caller fixes the number of points, while readers summarize a long text at more length, so past
//     1,500 words fuller sentences gain a little (up to the 45-word ceiling).
//   - Names and figures (news readers come for them) and an echo of the input's own title; past a share of the
//     words, more names only makes a list.
//   - Quotes, questions, fragments under seven words and sentences opening with a pronoun ("It", "This is")
//     make weak points on their own, so they pay a penalty; sentences over 45 words pay a small one. A
//     demonstrative before a noun ("This report finds…") names what it points at, and pays nothing.
//   - Redundancy (maximal marginal relevance) stops two points from saying the same thing, which Lead-3 often does
//     when a photo caption repeats the lead.
//   - Themes: headings are the writer's own structure, so every section gets its best point first, ranked with a
//     position prior inside the section too where the kind is read by position. Without headings, a text of
//     under 480 words is one theme; past that, TextTiling's depth scores propose where a theme may start, and the
//     cuts kept are those that make the text shortest to describe, each theme a bag of words of its own
//     (Utiyama and Isahara's model with its word distribution integrated out), so the number of themes follows
//     the text with no threshold of its own. Those boundaries are guesses, so they group the points and do not
//     choose them.
//
// Each reading's weights are 0 or 1: which signals a kind is read by follows from how it is written, and a weight
// fitted per kind would fit the few development texts of each kind rather than the kind. Two weights are tuned
// (the balance of centrality against position, and the length gain), on a grid of nine, by five-fold
// cross-validation over every development set at once, with each set's margin over Lead-K counted up to one
// point so that no set can buy a gain with another's loss; `make eval-cv` prints the out-of-fold and in-sample
// figures side by side. The older weights of the news reading (penalties, the position prior's half-life, names
// and title) were fitted on news alone and are kept as named constants beside their reasons. The scores stage
// hands on each sentence's signals rather than one number, and a type of summary weighs them: a teaser keeps half
// the lead's weight and turns the quote and question penalties into bonuses. Every other stage's thresholds are
// named constants in its file. Labels are noun phrases from part-of-speech tags, weighted by how often their words
// occur in the theme and how few other themes use them; never a lone name, and no two with the same head noun.
//
// # Kinds
//
// A kind is read from cheap cues of the text itself, most unmistakable first: its layout (speaker turns, mail
// headers, Markdown, lists), then its voice (papers cite, stories quote and narrate with few figures, reviewers
// say "I", reporters attribute with "said"), then its tense (an encyclopedia tells what was, a report what is and
// may be). A text whose cues are too few or disagree is general, which is read by the lead and the centre alike:
// never the news treatment for text that is not plainly news. A caller that knows the kind says so in
// Options.Kind. Transcripts and chats also change how the text is cut: every turn is a paragraph, fillers (um, uh)
// are cut out between spans, and a sentence that continues a turn names its speaker in brackets.
//
// # Faithfulness
//
// A key point is made of spans of one sentence joined by single spaces, with five edits only: the first letter
// capitalised, a final period added, whitespace collapsed, a bracketed name before the spans, standing for an opening
// "He" or "She" ("[Zelenskyy] said…") or naming the speaker of a transcript turn ("[Grad A] I think…"), and a word
// hyphenated across a line break made whole: text copied from a PDF or a hard-wrapped file breaks words
// ("docu-\nments"), and a reader should not see the break. The break (the line break, the next line's indent, and the
// hyphen unless the word has one of its own, as "part-of-\nspeech" or a "well-known" spelled so elsewhere in the text)
// lies between two spans, which join with nothing between them. The page furniture such text runs into its paragraphs
// (a running header, a page number, each a line that interrupts a sentence) lies between two spans too, joined as any
// two are. Compression drops what a point can do without: leading connectives, a caption label glued before the
// sentence ("Sharp dresser:"), parentheticals, fillers, and attribution tails ("…, he said"). A sentence of more than
// 45 words also loses a leading prepositional phrase and trailing or relative clauses, and one still past 45 words is
// cut at its last clause boundary before the limit (a comma, semicolon or dash, else a conjunction; with neither it is
// a table or captions run together, and no point); a shorter one keeps its clauses, since every kind of reference we
// measured (highlights, abstracts, extracts) scores whole clauses at least as well as cut ones. It never cuts inside a
// quote. A sentence that cannot stand alone (a piece of a multi-sentence quote, a dangling opener, a pronoun with no
// named antecedent) is never a point, nor is a line of up to eight words with no stop (a title, a heading the blocks
// stage did not see, a turn cut off).
//
// # Facts
//
// Entities, quotes and figures come from capitalised runs, quote marks, numbers and small built-in lists (titles,
// demonyms, countries and cities, organization words), not from a statistical entity model, which costs about
// 80 ms per 1,000 words and mislabels news names. They favour precision: a capitalised word that no list or second
// mention explains is left out, a quote of under five words is a scare quote, a number with nothing to count is
// not a figure. They are a third of the work of a summary and change nothing else in it, so Options.SkipFacts
// leaves them out for callers that show only the summary.
//
// # Determinism
//
// Nothing depends on map iteration order: vectors are sorted slices, ties break by position, and the tagger sums
// its weights in a fixed order. The same input gives the same output natively and in WebAssembly.
package summarize
