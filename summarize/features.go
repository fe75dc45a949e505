package summarize

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"keypoints/summarize/internal/wordset"
)

// The features stage describes each sentence by what the ranking and the theme finder need: its content words as
// a weighted vector, and the cues news writing leaves (names, figures, quotes, questions, dangling pronouns).

// sentenceFeatures describes one sentence of the document.
type sentenceFeatures struct {
	terms []int32 // content-word ids, in order, with repeats
	// tokTerms is the term id of each token, -1 for a token that is no content word: the labels read their
	// phrases' terms from it rather than stemming the words again.
	tokTerms []int32
	vec      vector // tf-idf weights of the terms, unit length
	words    int    // word tokens
	proper   int    // capitalised words past the first: names of people, places, bodies
	numbers  int    // tokens holding digits: counts, sums, dates
	quote    bool   // opens with, or lies inside, a direct quote
	question bool   // ends with a question mark
	// dangling is true when the sentence opens with a word that needs the previous sentence to make sense
	// ("It", "This", "That", "These"), which a key point must never do.
	dangling bool
	pronoun  bool // opens with "He" or "She", which a key point may replace by a bracketed name
}

// analysis holds the features of every sentence of a document.
type analysis struct {
	doc   *Document
	sents []sentenceFeatures
	idf   []float64          // per term id
	ids   *wordset.Numbering // term ids by term key
	acc   accumulator        // scratch space for sums of vectors
	tags  *sentenceTags
	// turns says the text is a transcript or a chat, whose points name their speaker.
	turns bool
}

// term is one entry of a sparse vector.
type term struct {
	id int32
	w  float64
}

// vector is a sparse vector sorted by term id, so that dot products add in a fixed order (results must not
// depend on map iteration).
type vector []term

func (a vector) dot(b vector) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// dotDense is the dot product with a dense vector indexed by term id.
func (a vector) dotDense(d []float64) float64 {
	s := 0.0
	for _, t := range a {
		s += t.w * d[t.id]
	}
	return s
}

// accumulator adds weights by term id densely: summing vectors happens for every gap of the theme finder, and a
// map there costs more than all the arithmetic.
type accumulator struct {
	w    []float64
	used []int32 // ids with a weight, in first-touched order
}

func (acc *accumulator) add(id int32, w float64) {
	if acc.w[id] == 0 {
		acc.used = append(acc.used, id)
	}
	acc.w[id] += w
}

// unit returns the accumulated weights as a sorted vector of unit length, and clears the accumulator.
func (acc *accumulator) unit() vector {
	return acc.unitInto(make(vector, 0, len(acc.used)))
}

// unitInto is unit writing into v's array, for a vector needed only until the next call.
func (acc *accumulator) unitInto(v vector) vector {
	// Sorting the bare ids, rather than terms by a comparison function, spares a function call per comparison,
	// which WebAssembly pays dearly for on every gap of the theme finder.
	slices.Sort(acc.used)
	v = v[:0]
	for _, id := range acc.used {
		if acc.w[id] != 0 {
			v = append(v, term{id, acc.w[id]})
		}
		acc.w[id] = 0
	}
	acc.used = acc.used[:0]
	n := 0.0
	for _, t := range v {
		n += t.w * t.w
	}
	if n > 0 {
		n = math.Sqrt(n)
		for i := range v {
			v[i].w /= n
		}
	}
	return v
}

// sum adds vectors and scales the sum to unit length.
func (a *analysis) sum(vs ...vector) vector {
	return a.sumInto(nil, vs...)
}

// sumInto is sum writing into dst's array when it is large enough.
func (a *analysis) sumInto(dst vector, vs ...vector) vector {
	for _, v := range vs {
		for _, t := range v {
			a.acc.add(t.id, t.w)
		}
	}
	if dst == nil {
		return a.acc.unit()
	}
	return a.acc.unitInto(dst)
}

// analyze computes the features of every sentence of doc.
func analyze(doc *Document) *analysis {
	a := &analysis{doc: doc, sents: make([]sentenceFeatures, len(doc.Sentences)), tags: newSentenceTags(doc)}
	// A news story uses about one distinct content term per three words; sizing for that spares the numbering and
	// the slices most of their growing. Long texts repeat themselves more, so the guess stops growing.
	terms := min(doc.Words/3, 1<<13) + 8
	ids := wordset.NewNumbering(terms)
	a.ids = ids
	df := make([]int, 0, terms)
	last := make([]int, 0, terms) // per term id, 1 + the last sentence counted in df: cheaper than a set per sentence
	var buf []byte
	tokens := 0
	for i := range doc.Sentences {
		tokens += len(doc.Sentences[i].tokens)
	}
	tokTerms := make([]int32, tokens)     // every sentence's tokTerms, back to back: one allocation
	sentTerms := make([]int32, 0, tokens) // and their terms, which are never more than the tokens
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		f := &a.sents[i]
		f.quote = s.quote || s.Attribution != nil
		f.question = strings.HasSuffix(strings.TrimRight(s.Text, `"' )`), "?")
		first := true
		f.tokTerms, tokTerms = tokTerms[:len(s.tokens):len(s.tokens)], tokTerms[len(s.tokens):]
		from := len(sentTerms)
		for k, t := range s.tokens {
			f.tokTerms[k] = -1
			if !isWordToken(t.Text) {
				continue
			}
			f.words++
			if first {
				f.dangling, f.pronoun = openingWord(t.Text)
				f.dangling = f.dangling && !a.determiner(i, k)
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			switch {
			case unicode.IsDigit(r):
				f.numbers++
			case unicode.IsUpper(r) && !first && !stopwords.HasBytes(wordset.AppendLower(buf[:0], t.Text)):
				f.proper++
			}
			first = false
			buf = appendTermKey(buf[:0], t.Text)
			if len(buf) == 0 {
				continue
			}
			n, added := ids.Add(buf)
			if added {
				df = append(df, 0)
				last = append(last, 0)
			}
			id := int32(n)
			sentTerms = append(sentTerms, id)
			f.tokTerms[k] = id
			if last[id] != i+1 {
				last[id] = i + 1
				df[id]++
			}
		}
		f.terms = sentTerms[from:len(sentTerms):len(sentTerms)]
	}
	n := float64(len(doc.Sentences))
	a.idf = make([]float64, len(df))
	for id, d := range df {
		a.idf[id] = math.Log(1 + n/float64(d))
	}
	a.acc = accumulator{w: make([]float64, len(df))}
	// The sentences' vectors share one array too: a vector has an entry per distinct term, never more than the terms.
	vecs := make(vector, 0, len(sentTerms))
	for i := range a.sents {
		v := a.weighInto(vecs[len(vecs):], a.sents[i].terms)
		a.sents[i].vec, vecs = v[:len(v):len(v)], vecs[:len(vecs)+len(v)]
	}
	return a
}

// determiner reports whether token k of sentence i is a demonstrative that opens a noun phrase ("This report"),
// not a pronoun ("This is"): only then can the sentence stand alone. Only sentences opening with a demonstrative
// are tagged for it. Without tags (a model that failed to load) the word stays a pronoun, the safe reading.
func (a *analysis) determiner(i, k int) bool {
	toks := a.doc.Sentences[i].tokens
	if k+1 >= len(toks) || !demonstratives.Has(bareWord(toks[k].Text)) {
		return false
	}
	tags, err := a.tags.of(i)
	return err == nil && determinerTag(toks[k+1].Text, tags[k+1])
}

// weigh turns a bag of term ids into a unit tf-idf vector.
func (a *analysis) weigh(terms []int32) vector {
	return a.weighInto(nil, terms)
}

// weighInto is weigh writing into dst's array when it is large enough.
func (a *analysis) weighInto(dst vector, terms []int32) vector {
	for _, id := range terms {
		a.acc.add(id, a.idf[id])
	}
	if dst == nil {
		return a.acc.unit()
	}
	return a.acc.unitInto(dst)
}

// appendTermKey appends w's term key to dst: the form under which a word counts as a content term, or nothing for
// function words and tokens without letters. Plural endings are folded so "territory" and "territories" meet;
// anything subtler is not worth its cost here. The sentences of a document look up every word's key; building it in
// a reused buffer, and numbering it in a wordset.Numbering, which keeps every key in one buffer, allocates nothing
// per word.
func appendTermKey(dst []byte, w string) []byte {
	start := len(dst)
	dst = wordset.AppendLower(dst, w)
	key := dst[start:]
	if len(key) >= 2 && key[len(key)-2] == '\'' && key[len(key)-1] == 's' {
		key = key[:len(key)-2]
	}
	if len(key) < 2 || stopwords.HasBytes(key) || !hasLetter(key) {
		return dst[:start]
	}
	return dst[:start+len(stem(key))]
}

// stem folds English plural endings, in place: the result is a prefix of w, its last byte perhaps changed.
func stem(w []byte) []byte {
	switch {
	case len(w) > 4 && bytes.HasSuffix(w, []byte("ies")):
		w = w[:len(w)-2]
		w[len(w)-1] = 'y'
	case len(w) > 4 && (bytes.HasSuffix(w, []byte("sses")) || bytes.HasSuffix(w, []byte("ches")) || bytes.HasSuffix(w, []byte("shes")) || bytes.HasSuffix(w, []byte("xes"))):
		w = w[:len(w)-2]
	case len(w) > 3 && w[len(w)-1] == 's' && !bytes.HasSuffix(w, []byte("ss")) && !bytes.HasSuffix(w, []byte("us")) && !bytes.HasSuffix(w, []byte("is")):
		w = w[:len(w)-1]
	}
	return w
}
