package summarize

import "keypoints/summarize/internal/tagger"

// The tags stage gives part-of-speech tags to the stages that read them: compression (clause boundaries), theme
// labels (noun phrases) and figures (what a number counts). Tagging every sentence up front would cost about a
// third of the time of a summary, and most sentences are never read that closely, so tags are computed when a
// stage first asks for a sentence and kept for the next stage that asks. The Document never carries them: what a
// stage sees does not depend on which stage asked first, nor on the options that decided which stages ran.

// token is a word, number or punctuation mark of the input, as the tagger's tokenizer cuts it.
type token = tagger.Token

// sentenceTags memoises the tags of whole sentences of one document. It belongs to one analysis and is not safe
// for concurrent use.
type sentenceTags struct {
	doc  *Document
	tags [][]string // per sentence, nil until asked for
}

func newSentenceTags(doc *Document) *sentenceTags {
	return &sentenceTags{doc: doc, tags: make([][]string, len(doc.Sentences))}
}

// of returns the tags of sentence i, one per token, tagging it on the first call.
func (st *sentenceTags) of(i int) ([]string, error) {
	if st.tags[i] != nil {
		return st.tags[i], nil
	}
	toks := st.doc.Sentences[i].tokens
	tags := make([]string, len(toks))
	if err := tagTokens(toks, tags); err != nil {
		return nil, err
	}
	st.tags[i] = tags
	return tags, nil
}

// tagTokens tags toks into tags, loading the model on the first call in the process.
func tagTokens(toks []token, tags []string) error {
	model, err := tagger.Load()
	if err != nil {
		return err
	}
	model.Tag(toks, tags)
	return nil
}
