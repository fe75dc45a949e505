// Package rouge scores summaries with ROUGE the way Google's Python
// rouge-score package does (rouge_scorer.RougeScorer), which is the
// convention the project reports against. With Scorer.Stem set it matches
// use_stemmer=True, including a port of NLTK's Porter stemmer in its default
// mode, so figures can be compared with published ones digit for digit.
//
// Tokenization is rouge-score's: lowercase, every run of characters other
// than a-z and 0-9 separates tokens, and with stemming on, tokens longer
// than 3 characters are stemmed. Non-ASCII letters are separators.
//
// ROUGE-1, ROUGE-2 and ROUGE-L read each text as one token list. ROUGE-Lsum
// reads one sentence a line: callers join sentences with "\n".
//
// Results depend only on the inputs: no map order, no shared state, no I/O.
package rouge
