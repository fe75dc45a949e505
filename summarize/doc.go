// Package summarize turns English news text into key points grouped by theme, every point traceable to the exact
// bytes of the input it was built from.
//
// # Pipeline
//
// Data flows one way, one file per stage; a stage reads what earlier stages made and never reaches back, and
// nothing a later stage computes is written into what an earlier one made.
//
//	normalize.go, html.go  input → normalized text, with a map back to the input's bytes
//	language.go            refuse text that is clearly not English
//	blocks.go              paragraphs: text, title, heading, boilerplate; datelines
//	sentences.go           sentences, by rules tuned for news copy
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
// News is written as an inverted pyramid, so position is the strongest signal: taking the first three sentences
// (Lead-3) beats every public unsupervised summarizer on news. The other signals exist to beat it:
//   - Centrality (cosine to the document's tf-idf centroid) lets a later sentence that states the story's main
//     subject outrank a lead sentence that only sets the scene.
//   - Names and figures make a point informative; past a share of the words, more of them only makes a list.
//   - Quotes, questions, fragments under seven words and sentences opening with "It" or "This" make weak points
//     on their own, so they pay a penalty; sentences over 45 words pay a small one.
//   - Redundancy (maximal marginal relevance) stops two points from saying the same thing, which Lead-3 often does
//     when a photo caption repeats the lead.
//   - Themes: headings are the writer's own structure, so every section gets its best point first, ranked with a
//     position prior inside the section too. Without headings, TextTiling-style lexical cohesion finds where the
//     vocabulary shifts; those boundaries are guesses, so they only nudge the choice.
//
// The scores stage hands on each sentence's signals rather than one number, and a type of summary weighs them:
// a teaser keeps half the lead's weight and turns the quote and question penalties into bonuses. The weights were
// fitted by coordinate ascent on the development sets (CNN/DailyMail highlights; BBC extractive summaries) and
// live as named constants beside their reasons; every other stage's thresholds are named constants in its file. Labels are noun phrases from part-of-speech tags,
// weighted by how often their words occur in the theme and how few other themes use them.
//
// # Faithfulness
//
// A key point is made of spans of one sentence joined by single spaces, with four edits only: the first letter
// capitalised, a final period added, whitespace collapsed, and a bracketed name standing for an opening "He" or
// "She" ("[Zelenskyy] said…"). Compression drops what a point can do without: leading connectives, parentheticals,
// attribution tails ("…, he said"), and for short and medium summaries a leading prepositional phrase and trailing
// or relative clauses. It never cuts inside a quote. A sentence that cannot stand alone (a piece of a multi-sentence
// quote, a dangling opener, a pronoun with no named antecedent) is never a point.
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
