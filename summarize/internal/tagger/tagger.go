package tagger

import (
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"keypoints/summarize/internal/wordset"
)

// Model is prose's averaged perceptron, loaded once.
//
// It computes exactly prose's features and scores, but prose adds up a word's
// scores and picks the best tag by ranging over Go maps, so the order of the
// float additions and the winner of a tie change from run to run. Here the
// features are visited in the order prose's featurize lists them, each
// feature's weights are stored sorted by tag, and a tie goes to the tag that
// sorts first, so the same sentence always gets the same tags.
//
// prose looks each feature up by a key such as "i-1 word the". Building and
// hashing thirteen keys per word was most of the cost of tagging, so the model
// is split by the key's kind instead: each word of a sentence is looked up
// once, in vocab, and its number then indexes the runs of every feature that
// names it; suffixes, first bytes and tags are numbered the same way. A word,
// suffix or tag outside these tables is in no feature, so it scores nothing,
// as its key would have found nothing.
//
// No table holds pointers but tags, so the garbage collector has next to
// nothing to mark in the model's megabytes.
type Model struct {
	// tags are every tag a word can carry as context: first the npred tags
	// the model predicts, sorted by name (ties rely on it), then the others
	// that features or known words name (the padding -START- and -START2-),
	// sorted. No tag holds a space, which is how the pair keys split.
	tags  []string
	npred int

	known    wordset.Index // words the training data always gave one tag (prose's tagMap)
	knownTag []uint8       // per known word, its index in tags

	vocab wordset.Index // normalized words that features name; a word's id is its number+1, 0 for any other word
	// wordRuns holds the runs of the word features, at id*wordKinds+kind.
	wordRuns []weightRun
	// The "i-1 tag+i word" features of word id v are pairTag[j] and
	// pairRun[j] for j in pairFrom[v]:pairFrom[v+1], sorted by tag.
	pairFrom []uint32
	pairTag  []uint8
	pairRun  []weightRun

	suffixes   suffixIndex // suffixes that features name; ids as in vocab
	suffixRuns []weightRun // at id*suffixKinds+kind

	pref1    [257]weightRun // "i pref1" by the word's first byte; 256 for the empty word
	prevTag  []weightRun    // "i-1 tag X" by index of X in tags; len(tags) stands for any other tag
	prev2Tag []weightRun    // "i-2 tag X", likewise
	tagPair  []weightRun    // "i tag+i-2 tag X Y" at X*(len(tags)+1)+Y
	bias     weightRun      // the one feature every word has

	// biasScores are the scores of every word after the bias, the first
	// feature: 0 plus its weight, by index in tags.
	biasScores []float64

	tagIdx []uint8 // per weight, its index in tags, ascending within a run; always below npred
	weight []float64

	// The padding around a sentence, as context words and as tags.
	start1, start2, end1, end2 contextWord
	start1Tag, start2Tag       int

	scratch sync.Pool // *tagScratch; lets concurrent tag calls reuse buffers
}

// weightRun locates one feature's weights in tagger.tagIdx and tagger.weight.
// The zero run stands for a feature the model lacks.
type weightRun struct {
	off, n uint32
}

// The word features, as columns of tagger.wordRuns. Their word is the
// normalized context word.
const (
	wordI     = iota // "i word"
	wordPrev         // "i-1 word"
	wordPrev2        // "i-2 word"
	wordNext         // "i+1 word"
	wordNext2        // "i+2 word"
	wordKinds
)

// The suffix features, as columns of tagger.suffixRuns. "i suffix" is cut from
// the word as written, the others from the normalized context words.
const (
	suffixI    = iota // "i suffix"
	suffixPrev        // "i-1 suffix"
	suffixNext        // "i+1 suffix"
	suffixKinds
)

// featureKind says which table of the tagger holds a feature.
type featureKind uint8

const (
	kindBias featureKind = iota
	kindPref1
	kindPrevTag
	kindPrev2Tag
	kindTagPair
	kindTagWord
	kindWord   // column in feature.col
	kindSuffix // column in feature.col
)

// featurePrefixes are the kinds of prose's feature keys, by the text before
// their argument.
var featurePrefixes = []struct {
	prefix string
	kind   featureKind
	col    int
}{
	{"i suffix ", kindSuffix, suffixI},
	{"i pref1 ", kindPref1, 0},
	{"i-1 tag ", kindPrevTag, 0},
	{"i-2 tag ", kindPrev2Tag, 0},
	{"i tag+i-2 tag ", kindTagPair, 0},
	{"i word ", kindWord, wordI},
	{"i-1 tag+i word ", kindTagWord, 0},
	{"i-1 word ", kindWord, wordPrev},
	{"i-1 suffix ", kindSuffix, suffixPrev},
	{"i-2 word ", kindWord, wordPrev2},
	{"i+1 word ", kindWord, wordNext},
	{"i+1 suffix ", kindSuffix, suffixNext},
	{"i+2 word ", kindWord, wordNext2},
}

// feature is one of prose's feature keys, split.
type feature struct {
	kind featureKind
	col  int
	tag  string // the tag of the tag features, the first of a pair
	tag2 string // the second tag of "i tag+i-2 tag"
	arg  string // the word, suffix or first character
}

// parseFeature splits key, or reports false for a key the tagger can never
// look up: an unknown kind, a tag with a space, a suffix of more than three
// bytes, or a first character that is not the rune of one byte.
func parseFeature(key string) (feature, bool) {
	if key == "bias" {
		return feature{kind: kindBias}, true
	}
	for _, p := range featurePrefixes {
		arg, ok := strings.CutPrefix(key, p.prefix)
		if !ok {
			continue
		}
		f := feature{kind: p.kind, col: p.col}
		switch p.kind {
		case kindPrevTag, kindPrev2Tag:
			f.tag = arg
			ok = !strings.Contains(arg, " ")
		case kindTagPair:
			f.tag, f.tag2, ok = strings.Cut(arg, " ")
			ok = ok && !strings.Contains(f.tag2, " ")
		case kindTagWord:
			f.tag, f.arg, ok = strings.Cut(arg, " ")
		case kindSuffix:
			f.arg = arg
			ok = len(arg) <= 3
		case kindPref1:
			f.arg = arg
			r, n := utf8.DecodeRuneInString(arg)
			ok = arg == "" || r < 256 && n == len(arg)
		default:
			f.arg = arg
		}
		return f, ok
	}
	return feature{}, false
}

// newTagger builds the tagger from prose's model: its tag list, its known
// words and its nested weight maps, by feature key and then tag.
func newTagger(classes []string, known map[string]string, weights map[string]map[string]float64) (*Model, error) {
	// A tag that classes.gob lacks but a weight names would still be predicted.
	predicted := map[string]bool{}
	for _, c := range classes {
		predicted[c] = true
	}
	for _, ws := range weights {
		for c := range ws {
			predicted[c] = true
		}
	}
	t := &Model{tags: slices.Sorted(maps.Keys(predicted))}
	t.npred = len(t.tags)

	var feats []feature
	var runs []map[string]float64
	other, words, suffixes := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(weights)) {
		f, ok := parseFeature(key)
		if !ok || len(weights[key]) == 0 {
			continue
		}
		feats, runs = append(feats, f), append(runs, weights[key])
		switch f.kind {
		case kindPrevTag, kindPrev2Tag:
			other[f.tag] = true
		case kindTagPair:
			other[f.tag], other[f.tag2] = true, true
		case kindTagWord:
			other[f.tag], words[f.arg] = true, true
		case kindWord:
			words[f.arg] = true
		case kindSuffix:
			suffixes[f.arg] = true
		}
	}
	for _, tag := range known {
		other[tag] = true
	}
	for _, tag := range slices.Sorted(maps.Keys(other)) {
		if !predicted[tag] {
			t.tags = append(t.tags, tag)
		}
	}
	for _, tag := range t.tags {
		if strings.Contains(tag, " ") {
			return nil, errors.New("summarize: load tagger: tag " + strconv.Quote(tag) + " holds a space")
		}
	}
	if len(t.tags) > 255 {
		return nil, errors.New("summarize: load tagger: more than 255 tags")
	}

	knownWords := slices.Sorted(maps.Keys(known))
	t.known = wordset.NewIndex(wordset.JoinKeys(knownWords))
	for _, w := range knownWords {
		t.knownTag = append(t.knownTag, uint8(t.tagID(known[w])))
	}
	t.vocab = wordset.NewIndex(wordset.JoinKeys(slices.Sorted(maps.Keys(words))))
	sfx := slices.Sorted(maps.Keys(suffixes))
	t.suffixes = newSuffixIndex(len(sfx))
	for i, s := range sfx {
		t.suffixes.add(s, uint32(i+1))
	}
	t.allocate(len(words), len(sfx), nil)

	type pair struct {
		tag uint8
		run weightRun
	}
	pairs := make([][]pair, len(words)+1)
	for i, f := range feats {
		off := len(t.tagIdx)
		for c, w := range runs[i] {
			if !(math.Abs(w) <= maxWeight) {
				return nil, errors.New("summarize: load tagger: weight " + strconv.FormatFloat(w, 'g', -1, 64) + " of " + strconv.Quote(c))
			}
			t.tagIdx = append(t.tagIdx, uint8(t.tagID(c)))
			t.weight = append(t.weight, w)
		}
		sortRun(t.tagIdx[off:], t.weight[off:])
		run := weightRun{off: uint32(off), n: uint32(len(t.tagIdx) - off)}
		switch f.kind {
		case kindBias:
			t.bias = run
		case kindPref1:
			t.pref1[pref1Index(f.arg)] = run
		case kindPrevTag:
			t.prevTag[t.tagID(f.tag)] = run
		case kindPrev2Tag:
			t.prev2Tag[t.tagID(f.tag)] = run
		case kindTagPair:
			t.tagPair[t.tagID(f.tag)*(len(t.tags)+1)+t.tagID(f.tag2)] = run
		case kindTagWord:
			v := t.wordID(f.arg)
			pairs[v] = append(pairs[v], pair{uint8(t.tagID(f.tag)), run})
		case kindWord:
			t.wordRuns[t.wordID(f.arg)*wordKinds+f.col] = run
		case kindSuffix:
			t.suffixRuns[int(findSuffix(&t.suffixes, f.arg))*suffixKinds+f.col] = run
		}
	}
	t.pairFrom = make([]uint32, 1, len(pairs)+1)
	for _, ps := range pairs {
		slices.SortFunc(ps, func(a, b pair) int { return int(a.tag) - int(b.tag) })
		for _, p := range ps {
			t.pairTag, t.pairRun = append(t.pairTag, p.tag), append(t.pairRun, p.run)
		}
		t.pairFrom = append(t.pairFrom, uint32(len(t.pairTag)))
	}
	t.ready()
	return t, nil
}

// maxWeight bounds the weights of a model, so that the fourteen a word adds
// up cannot overflow to an infinity, and no score is ever NaN, which predict's
// choice of the best tag relies on.
const maxWeight = 1e300

// pref1Index is the index in tagger.pref1 of the argument of an "i pref1" key.
// prose writes string(w[0]), which turns a byte of a multibyte character into
// the rune of the same number, so the argument is a rune below 256.
func pref1Index(arg string) int {
	if arg == "" {
		return 256
	}
	r, _ := utf8.DecodeRuneInString(arg)
	return int(r)
}

// allocate makes the tables of a tagger with the given numbers of words and
// suffixes, its tags set, every run zero. The word features' runs go into
// wordStore when it has their size and holds only zero runs.
func (t *Model) allocate(words, suffixes int, wordStore []weightRun) {
	n := len(t.tags) + 1
	t.wordRuns = within(wordStore, (words+1)*wordKinds)[:(words+1)*wordKinds]
	t.suffixRuns = make([]weightRun, (suffixes+1)*suffixKinds)
	t.prevTag, t.prev2Tag, t.tagPair = make([]weightRun, n), make([]weightRun, n), make([]weightRun, n*n)
}

// ready finishes a tagger whose tables are filled.
func (t *Model) ready() {
	t.start1, t.start2 = t.contextWord([]byte(start1)), t.contextWord([]byte(start2))
	t.end1, t.end2 = t.contextWord([]byte(end1)), t.contextWord([]byte(end2))
	t.start1Tag, t.start2Tag = t.tagID(start1), t.tagID(start2)
	t.biasScores = make([]float64, t.npred)
	for j := t.bias.off; j < t.bias.off+t.bias.n; j++ {
		t.biasScores[t.tagIdx[j]] += t.weight[j]
	}
	t.scratch.New = func() any { return new(tagScratch) }
}

// tagID returns the index of tag in tags, or len(tags) for a tag no feature
// names.
func (t *Model) tagID(tag string) int {
	if i, ok := slices.BinarySearch(t.tags[:t.npred], tag); ok {
		return i
	}
	if i, ok := slices.BinarySearch(t.tags[t.npred:], tag); ok {
		return t.npred + i
	}
	return len(t.tags)
}

// wordID returns the id of a normalized word: its number in vocab plus one,
// or 0 when no feature names it.
func (t *Model) wordID(w string) int {
	k, ok := wordset.Find(&t.vocab, w)
	if !ok {
		return 0
	}
	return k + 1
}

// sortRun sorts one feature's weights by tag. Runs hold at most a few dozen
// entries, where insertion sort beats anything cleverer.
func sortRun(idx []uint8, w []float64) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && idx[j] < idx[j-1]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
			w[j], w[j-1] = w[j-1], w[j]
		}
	}
}

// tagScratch holds the buffers of one tag call.
type tagScratch struct {
	norm []byte        // the normalized word being looked up
	ctx  []contextWord // per context word: 0 and 1 are the start padding, k+2 is token k
	// By index in tags; arrays, so that indexing by a uint8 needs no bounds
	// check.
	scores [256]float64
	seen   [256]bool // whether any feature scored the tag; unscored tags cannot win
}

// contextWord is a normalized word of a sentence as the features see it: its
// id in vocab and the id of its last three bytes in suffixes, 0 when absent.
type contextWord struct {
	word, suffix uint32
}

func (t *Model) contextWord(norm []byte) contextWord {
	cw := contextWord{suffix: findSuffix(&t.suffixes, suffix3(norm))}
	if k, ok := wordset.Find(&t.vocab, norm); ok {
		cw.word = uint32(k + 1)
	}
	return cw
}

// Context words that pad the sentence, as prose's tagger uses them.
const (
	start1 = "-START-"
	start2 = "-START2-"
	end1   = "-END-"
	end2   = "-END2-"
)

// Tag writes the Penn Treebank part-of-speech tag of each token of one sentence into tags, which must be as long
// as toks. A token no feature scores gets "", as prose gives it. Tag is safe for concurrent use.
func (t *Model) Tag(toks []Token, tags []string) {
	if len(toks) == 0 {
		return
	}
	tags = tags[:len(toks)]
	s := t.scratch.Get().(*tagScratch)
	defer t.scratch.Put(s)

	s.ctx = append(s.ctx[:0], t.start1, t.start2)
	for i := range toks {
		s.norm = appendNormalized(s.norm[:0], toks[i].Text)
		s.ctx = append(s.ctx, t.contextWord(s.norm))
	}
	s.ctx = append(s.ctx, t.end1, t.end2)

	// The tags of the two words before, by index in tags.
	p1, p2 := t.start1Tag, t.start2Tag
	for i := range toks {
		w := toks[i].Text
		var tag string
		id := -1 // not known yet
		switch {
		case w == "-":
			tag = "-"
		case isEmoticon(w):
			tag = "SYM"
		case strings.HasPrefix(w, "@") || isLink(w) || isEmail(w):
			tag = "NN"
		case isNone(w):
			tag = "-NONE-"
		case isKept(w):
			tag = w
		default:
			if k, ok := wordset.Find(&t.known, w); ok {
				id = int(t.knownTag[k])
				tag = t.tags[id]
			} else if best := t.predict(s, i+2, w, p1, p2); best >= 0 {
				id = best
				tag = t.tags[id]
			}
			// else the empty tag, as prose gives when no feature has weights
		}
		if id < 0 {
			id = t.tagID(tag)
		}
		tags[i] = tag
		p1, p2 = id, p1
	}
}

// predict scores the features of prose's featurize for the word w at context
// index i, in featurize's order, and returns the index of the best tag, or -1
// when no feature has weights. p1 and p2 are the indexes in tags of the two
// tags before.
func (t *Model) predict(s *tagScratch, i int, w string, p1, p2 int) int {
	ctx := s.ctx[i-2 : i+3]
	prev2, prev, cur, next, next2 := ctx[0], ctx[1], ctx[2], ctx[3], ctx[4]
	first := 256
	if w != "" {
		first = int(w[0])
	}
	var pair weightRun
	for j := t.pairFrom[cur.word]; j < t.pairFrom[cur.word+1]; j++ {
		if int(t.pairTag[j]) == p1 {
			pair = t.pairRun[j]
			break
		}
	}
	// The features after the bias, whose sums start from biasScores.
	feats := [...]weightRun{
		t.suffixRuns[findSuffix(&t.suffixes, suffix3(w))*suffixKinds+suffixI],
		t.pref1[first],
		t.prevTag[p1],
		t.prev2Tag[p2],
		t.tagPair[p1*(len(t.tags)+1)+p2],
		t.wordRuns[cur.word*wordKinds+wordI],
		pair, // "i-1 tag+i word"
		t.wordRuns[prev.word*wordKinds+wordPrev],
		t.suffixRuns[prev.suffix*suffixKinds+suffixPrev],
		t.wordRuns[prev2.word*wordKinds+wordPrev2],
		t.wordRuns[next.word*wordKinds+wordNext],
		t.suffixRuns[next.suffix*suffixKinds+suffixNext],
		t.wordRuns[next2.word*wordKinds+wordNext2],
	}

	scores := &s.scores
	copy(scores[:], t.biasScores)
	for _, f := range feats {
		idx := t.tagIdx[f.off : f.off+f.n]
		ws := t.weight[f.off : f.off+f.n]
		ws = ws[:len(idx)]
		// Four at a time, since Go's WebAssembly port pays a jump through a
		// dispatch table for every turn of a loop. A run names a tag once, so
		// the order within it cannot change a sum.
		for len(idx) >= 4 && len(ws) >= 4 {
			c0, c1, c2, c3 := idx[0], idx[1], idx[2], idx[3]
			scores[c0] += ws[0]
			scores[c1] += ws[1]
			scores[c2] += ws[2]
			scores[c3] += ws[3]
			idx, ws = idx[4:], ws[4:]
		}
		for j, c := range idx {
			scores[c] += ws[j]
		}
	}

	// Only a tag that some feature scored may win, as in prose. A tag no
	// feature scored has the score 0, so when the best of all scores is above
	// 0 the tags that reach it were all scored, and it is also the best of
	// the scored ones. Scores are never NaN (see maxWeight), so that holds.
	// The first of equal scores wins.
	if t.npred == 0 {
		return -1
	}
	best, top := 0, scores[0]
	c := 1
	for ; c+4 <= t.npred; c += 4 { // four at a time, as above
		if v := scores[c]; v > top {
			best, top = c, v
		}
		if v := scores[c+1]; v > top {
			best, top = c+1, v
		}
		if v := scores[c+2]; v > top {
			best, top = c+2, v
		}
		if v := scores[c+3]; v > top {
			best, top = c+3, v
		}
	}
	for ; c < t.npred; c++ {
		if v := scores[c]; v > top {
			best, top = c, v
		}
	}
	if top > 0 {
		return best
	}
	seen := &s.seen
	clear(seen[:])
	for _, f := range append(feats[:], t.bias) {
		for _, c := range t.tagIdx[f.off : f.off+f.n] {
			seen[c] = true
		}
	}
	best = -1
	for c, ok := range seen[:t.npred] {
		if ok && (best < 0 || scores[c] > scores[best]) {
			best = c
		}
	}
	return best
}

// suffix3 is the last three bytes of w, cut by bytes as prose cuts them.
func suffix3[S string | []byte](w S) S {
	return w[len(w)-min(len(w), 3):]
}

// appendNormalized appends prose's normalize(w): hyphenated words, four-digit
// numbers and words starting with a digit collapse into one class each, and
// everything else is lowercased.
func appendNormalized(dst []byte, w string) []byte {
	switch {
	case w == "":
		return dst
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return append(dst, "!HYPHEN"...)
	case len(w) == 4 && isInteger(w):
		return append(dst, "!YEAR"...)
	case '0' <= w[0] && w[0] <= '9':
		return append(dst, "!DIGITS"...)
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			// Ranging decodes invalid bytes as U+FFFD, which is also what
			// strings.ToLower writes for them.
			for _, r := range w[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		dst = append(dst, wordset.LowerASCII(w[i]))
	}
	return dst
}

// isInteger reports whether strconv.Atoi would accept w: an optional sign and
// one or more ASCII digits (w is too short to overflow).
func isInteger(w string) bool {
	if w != "" && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// isLink reports whether commonregex's LinkRegex matches anywhere in w, as prose checks; the pattern is
//
//	(?:https?://)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+
//	(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:'".,<>?])
//
// A match may start anywhere, so the scheme never matters, and the host needs only one of [a-z0-9.-] before a
// dot: w has a link where such a dot is followed by one or more of the pattern's units (a byte that is no space,
// parenthesis or angle bracket, or a group in parentheses) and then its end (a group, or a byte that is none of
// those nor punctuation). It also matches decimals with two or more places ("1.25"), which prose therefore tags
// NN; we keep that to agree with prose. Written out rather than compiled: the regexp package and commonregex's
// patterns, compiled when the program starts, were a tenth of the engine and most of its start-up.
func isLink(w string) bool {
	// start[p]: a dot that may end a host is at p-1; reach[p]: one unit or more after such a dot end at byte p. One
	// pass serves every dot, so that a token of many dots costs no more than one.
	var buf [128]bool
	marks := buf[:0]
	if n := 2 * (len(w) + 1); n <= len(buf) {
		marks = buf[:n]
	} else {
		marks = make([]bool, n)
	}
	start, reach := marks[:len(w)+1], marks[len(w)+1:]
	found := false
	for i := 1; i+2 < len(w); i++ {
		if c := w[i-1]; w[i] == '.' && ('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			start[i+1], found = true, true
		}
	}
	if !found {
		return false
	}
	// The pattern reads characters, so its end is one whole character: a unit that stops inside a multi-byte one
	// leaves no end.
	run := false // inside a run of unit characters that began where a unit may begin
	for p := 0; p < len(w); {
		begin := start[p] || reach[p]
		if begin && w[p] == '(' {
			if q, ok := linkGroup(w, p); ok {
				reach[q] = true
			}
		}
		_, size := utf8.DecodeRuneInString(w[p:])
		run = (run || begin) && isUnitByte(w[p])
		if run {
			reach[p+size] = true
		}
		p += size
	}
	for p := range len(w) {
		if !reach[p] {
			continue
		}
		if isEndByte(w[p]) {
			return true
		}
		if _, ok := linkGroup(w, p); ok {
			return true
		}
	}
	return false
}

// linkGroup reads the group in parentheses that opens at w[p]: unit bytes and groups of one or more of them, in
// any order, then the closing parenthesis; it returns the byte after it.
func linkGroup(w string, p int) (int, bool) {
	if w[p] != '(' {
		return 0, false
	}
	for q := p + 1; q < len(w); q++ {
		switch c := w[q]; {
		case c == ')':
			return q + 1, true
		case c == '(':
			r := q + 1
			for r < len(w) && isUnitByte(w[r]) {
				r++
			}
			if r == q+1 || r == len(w) || w[r] != ')' {
				return 0, false
			}
			q = r
		case !isUnitByte(c):
			return 0, false
		}
	}
	return 0, false
}

// isUnitByte is [^\s()<>] of the link pattern, read at the first byte of a character: any character past ASCII is one.
func isUnitByte(c byte) bool {
	switch c {
	case '\t', '\n', '\f', '\r', ' ', '(', ')', '<', '>':
		return false
	}
	return true
}

// isEndByte is [^\s!()\[\]{};:'".,<>?], the link pattern's last byte.
func isEndByte(c byte) bool {
	switch c {
	case '!', '[', ']', '{', '}', ';', ':', '\'', '"', '.', ',', '?':
		return false
	}
	return isUnitByte(c)
}

// isEmail reports whether commonregex's EmailRegex matches anywhere in w, as prose checks; the pattern is
//
//	(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)
//
// so w holds an e-mail address where an @ follows a byte of the local part and is followed by a label (letters,
// digits and inner hyphens), a dot and a letter or digit. Under (?i), [a-z] also takes the Kelvin sign and the long
// s, which fold to k and s.
func isEmail(w string) bool {
	for at := 1; at < len(w); at++ {
		if w[at] != '@' || !isLocalByte(w[at-1]) && !strings.HasSuffix(w[:at], "\u212a") && !strings.HasSuffix(w[:at], "\u017f") {
			continue
		}
		// The first label: one or more letters, digits and hyphens, opening and closing with a letter or digit.
		p, last := at+1, rune(0)
		for p < len(w) {
			r, size := domainRune(w[p:])
			if r < 0 || r == '-' && p == at+1 {
				break
			}
			last = r
			p += size
		}
		if p == at+1 || last == '-' || p >= len(w) || w[p] != '.' {
			continue
		}
		if r, _ := domainRune(w[p+1:]); r >= 0 && r != '-' {
			return true
		}
	}
	return false
}

// domainRune returns the letter, digit or hyphen that opens s, as (?i)[a-z0-9-] reads it, and its size in bytes,
// or -1.
func domainRune(s string) (rune, int) {
	if s == "" {
		return -1, 0
	}
	switch c := s[0]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-':
		return rune(c), 1
	case strings.HasPrefix(s, "\u212a"): // the Kelvin sign
		return 'k', len("\u212a")
	case strings.HasPrefix(s, "\u017f"): // the long s
		return 's', len("\u017f")
	}
	return -1, 0
}

// isLocalByte is the local part's [A-Za-z0-9!#$%&'*+/=?^_{|.}~-].
func isLocalByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+/=?^_{|.}~-", c) >= 0
}

// isNone reports prose's none pattern, ^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$, for the trace
// markers of the Penn Treebank ("*T*-1", "*") and, by accident of the pattern, the word "0".
func isNone(w string) bool {
	switch {
	case w == "0" || w == "*":
		return true
	case len(w) < 3 || w[0] != '*':
		return false
	case len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?'):
		return true
	case w[1] == '-':
		return isDigits(w[2:], 1, 3)
	}
	k := 1
	for k < len(w) && 'A' <= w[k] && w[k] <= 'Z' {
		k++
	}
	return k > 1 && k+1 < len(w) && w[k] == '*' && w[k+1] == '-' && isDigits(w[k+2:], 1, 3)
}

// isKept reports prose's keep pattern, ^\-[A-Z]{3}\-$, the bracket markers of the Penn Treebank ("-LRB-").
func isKept(w string) bool {
	return len(w) == 5 && w[0] == '-' && w[4] == '-' && isUpper(w[1]) && isUpper(w[2]) && isUpper(w[3])
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// isWordByte is \w: an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || isUpper(c) || '0' <= c && c <= '9' || c == '_'
}

// isDigits reports whether s is from min to max ASCII digits.
func isDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// suffixIndex maps strings of at most three bytes, packed into an integer
// with their length, to ids. It is wordset.Index for keys short enough to compare
// as numbers.
type suffixIndex struct {
	slots []uint64 // packed key<<32 | id, or 0 when empty; len is a power of two
}

func newSuffixIndex(n int) suffixIndex {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return suffixIndex{slots: make([]uint64, size)}
}

// packSuffix packs a string of at most three bytes into a nonzero integer.
func packSuffix[S string | []byte](s S) uint32 {
	v := uint32(len(s)+1) << 24
	for i := 0; i < len(s); i++ {
		v |= uint32(s[i]) << (16 - 8*i)
	}
	return v
}

// unpackSuffix returns the string that packSuffix packed into v.
func unpackSuffix(v uint32) string {
	return string([]byte{byte(v >> 16), byte(v >> 8), byte(v)}[:v>>24-1])
}

func (x *suffixIndex) slot(v uint32) uint32 {
	h := v * 0x9e3779b1
	return (h ^ h>>15) & uint32(len(x.slots)-1)
}

// add maps s, at most three bytes, to id, which must not be 0. The table must
// have room: newSuffixIndex sizes it for n adds.
func (x *suffixIndex) add(s string, id uint32) {
	v := packSuffix(s)
	mask := uint32(len(x.slots) - 1)
	i := x.slot(v)
	for x.slots[i] != 0 && uint32(x.slots[i]>>32) != v {
		i = (i + 1) & mask
	}
	x.slots[i] = uint64(v)<<32 | uint64(id)
}

// findSuffix returns the id of s, at most three bytes, or 0 when it has none.
func findSuffix[S string | []byte](x *suffixIndex, s S) uint32 {
	v := packSuffix(s)
	mask := uint32(len(x.slots) - 1)
	for i := x.slot(v); x.slots[i] != 0; i = (i + 1) & mask {
		if uint32(x.slots[i]>>32) == v {
			return uint32(x.slots[i])
		}
	}
	return 0
}
