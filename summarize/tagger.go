package summarize

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mingrammer/commonregex"
)

// tagger is prose's averaged perceptron, loaded once.
//
// It computes exactly prose's features and scores, but prose adds up a word's
// scores and picks the best tag by ranging over Go maps, so the order of the
// float additions and the winner of a tie change from run to run. Here the
// features are visited in the order prose's featurize lists them, each
// feature's weights are stored sorted by tag, and a tie goes to the tag that
// sorts first, so the same sentence always gets the same tags.
type tagger struct {
	tags    []string    // every tag the model can predict, sorted
	known   keyIndex    // words the training data always gave one tag (prose's tagMap)
	wordTag []string    // per known word, its tag
	feats   keyIndex    // feature keys, numbered as runs is indexed
	runs    []weightRun // per feature, its weights in tagIdx and weight
	tagIdx  []uint8     // index into tags, ascending within a feature
	weight  []float64
	bias    weightRun // the one feature every word has

	// The features of the previous two tags, by index into tags, looked up
	// once here rather than for every word; a run of zero weights stands for a
	// feature the model lacks.
	prevTag  []weightRun // "i-1 tag X"
	prev2Tag []weightRun // "i-2 tag X"
	tagPair  []weightRun // "i tag+i-2 tag X Y" at X*len(tags)+Y
	wordIdx  []int       // per known word, the index of its tag in tags, or -1

	scratch sync.Pool // *tagScratch; lets concurrent tag calls reuse buffers
}

// weightRun locates one feature's weights in tagger.tagIdx and tagger.weight.
type weightRun struct {
	off, n uint32
}

// newTagger packs prose's nested weight maps into two flat arrays. Ranging
// over 75,000 small maps is most of its cost, so it does that once.
func newTagger(classes []string, known map[string]string, weights map[string]map[string]float64) (*tagger, error) {
	tags := slices.Sorted(slices.Values(classes))
	tags = slices.Compact(tags)
	index := make(map[string]int, len(tags))
	for i, c := range tags {
		index[c] = i
	}
	total := 0
	for _, ws := range weights {
		total += len(ws)
	}

	t := &tagger{
		known:  newKeyIndex(len(known)),
		feats:  newKeyIndex(len(weights)),
		runs:   make([]weightRun, 0, len(weights)),
		tagIdx: make([]uint8, 0, total),
		weight: make([]float64, 0, total),
	}
	for _, w := range slices.Sorted(maps.Keys(known)) {
		t.known.add(w)
		t.wordTag = append(t.wordTag, known[w])
	}
	unlisted := false
	// The map order only decides where each feature's run of weights sits in
	// the flat arrays; lookups go through t.feats, so results do not depend on it.
	for f, ws := range weights {
		if len(ws) == 0 {
			continue
		}
		off := len(t.tagIdx)
		for c, w := range ws {
			i, ok := index[c]
			if !ok {
				// A tag that classes.gob lacks; prose would still predict it.
				i = len(tags)
				index[c] = i
				tags = append(tags, c)
				unlisted = true
			}
			if i > 255 {
				return nil, fmt.Errorf("summarize: load tagger: more than 256 tags")
			}
			t.tagIdx = append(t.tagIdx, uint8(i))
			t.weight = append(t.weight, w)
		}
		run := weightRun{off: uint32(off), n: uint32(len(ws))}
		sortRun(t.tagIdx[off:], t.weight[off:])
		t.feats.add(f)
		t.runs = append(t.runs, run)
	}
	if unlisted {
		// Renumber so that tag order is name order again, which ties rely on.
		sorted := slices.Sorted(slices.Values(tags))
		rank := make([]uint8, len(tags))
		for i, c := range tags {
			r, _ := slices.BinarySearch(sorted, c)
			rank[i] = uint8(r)
		}
		for j, i := range t.tagIdx {
			t.tagIdx[j] = rank[i]
		}
		for _, r := range t.runs {
			sortRun(t.tagIdx[r.off:r.off+r.n], t.weight[r.off:r.off+r.n])
		}
		tags = sorted
	}
	t.tags = tags
	t.ready()
	return t, nil
}

// ready finishes a tagger whose tables are filled.
func (t *tagger) ready() {
	if f, ok := find(&t.feats, "bias"); ok {
		t.bias = t.runs[f]
	}
	n := len(t.tags)
	run := func(key string) weightRun {
		if f, ok := find(&t.feats, key); ok {
			return t.runs[f]
		}
		return weightRun{}
	}
	t.prevTag, t.prev2Tag, t.tagPair = make([]weightRun, n), make([]weightRun, n), make([]weightRun, n*n)
	for x, p1 := range t.tags {
		t.prevTag[x] = run("i-1 tag " + p1)
		t.prev2Tag[x] = run("i-2 tag " + p1)
		for y, p2 := range t.tags {
			t.tagPair[x*n+y] = run("i tag+i-2 tag " + p1 + " " + p2)
		}
	}
	t.wordIdx = make([]int, len(t.wordTag))
	for k, tag := range t.wordTag {
		t.wordIdx[k] = t.tagIndex(tag)
	}
	t.scratch.New = func() any {
		return &tagScratch{scores: make([]float64, n), seen: make([]bool, n)}
	}
}

// tagIndex returns the index of tag in tags, or -1 for a tag the model never
// predicts.
func (t *tagger) tagIndex(tag string) int {
	if i, ok := slices.BinarySearch(t.tags, tag); ok {
		return i
	}
	return -1
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
	ctx    []byte // normalized words of the sentence, back to back
	ctxEnd []int  // ctx[ctxEnd[k-1]:ctxEnd[k]] is context word k
	key    []byte // the feature key being looked up
	scores []float64
	seen   []bool // whether any feature scored the tag; unscored tags cannot win
}

// Context words that pad the sentence, as prose's tagger uses them.
const (
	start1 = "-START-"
	start2 = "-START2-"
	end1   = "-END-"
	end2   = "-END2-"
)

// tag sets Tag on each token of one sentence. It is safe for concurrent use.
func (t *tagger) tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	s := t.scratch.Get().(*tagScratch)
	defer t.scratch.Put(s)

	s.ctx, s.ctxEnd = s.ctx[:0], s.ctxEnd[:0]
	s.addContext(start1)
	s.addContext(start2)
	for i := range toks {
		s.ctx = appendNormalized(s.ctx, toks[i].Text)
		s.ctxEnd = append(s.ctxEnd, len(s.ctx))
	}
	s.addContext(end1)
	s.addContext(end2)

	p1, p2 := prevTag{tag: start1, idx: t.tagIndex(start1)}, prevTag{tag: start2, idx: t.tagIndex(start2)}
	for i := range toks {
		w := toks[i].Text
		var tag string
		idx := -2 // not known yet
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
			if k, ok := find(&t.known, w); ok {
				tag, idx = t.wordTag[k], t.wordIdx[k]
			} else {
				idx = t.predict(s, i+2, w, p1, p2)
				if idx >= 0 {
					tag = t.tags[idx]
				}
			}
		}
		if idx == -2 {
			idx = t.tagIndex(tag)
		}
		toks[i].Tag = tag
		p1, p2 = prevTag{tag, idx}, p1
	}
}

// prevTag is the tag of one of the two words before the one being tagged, with
// its index in tagger.tags, or -1 when the model cannot predict it (the
// padding, or a tag set by rule).
type prevTag struct {
	tag string
	idx int
}

func (s *tagScratch) addContext(w string) {
	s.ctx = append(s.ctx, w...)
	s.ctxEnd = append(s.ctxEnd, len(s.ctx))
}

// word returns context word k: 0 and 1 are the start padding, k+2 is token k.
func (s *tagScratch) word(k int) []byte {
	from := 0
	if k > 0 {
		from = s.ctxEnd[k-1]
	}
	return s.ctx[from:s.ctxEnd[k]]
}

// predict scores the features of prose's featurize for the word at context
// index i, in featurize's order, and returns the index of the best tag, or -1
// when no feature has weights.
func (t *tagger) predict(s *tagScratch, i int, w string, p1, p2 prevTag) int {
	clear(s.scores)
	clear(s.seen)
	t.score(s, t.bias)

	cur, prev, prev2 := s.word(i), s.word(i-1), s.word(i-2)
	next, next2 := s.word(i+1), s.word(i+2)

	t.lookup(s, append(append(s.key[:0], "i suffix "...), suffix3(w)...))
	k := append(s.key[:0], "i pref1 "...)
	if w != "" {
		// prose writes string(w[0]), which turns a byte of a multibyte
		// character into the rune of the same number; so must we, to hit the
		// same keys.
		k = utf8.AppendRune(k, rune(w[0]))
	}
	t.lookup(s, k)
	if p1.idx >= 0 {
		t.score(s, t.prevTag[p1.idx])
	} else {
		t.lookup(s, append(append(s.key[:0], "i-1 tag "...), p1.tag...))
	}
	if p2.idx >= 0 {
		t.score(s, t.prev2Tag[p2.idx])
	} else {
		t.lookup(s, append(append(s.key[:0], "i-2 tag "...), p2.tag...))
	}
	if p1.idx >= 0 && p2.idx >= 0 {
		t.score(s, t.tagPair[p1.idx*len(t.tags)+p2.idx])
	} else {
		t.lookup(s, append(append(append(append(s.key[:0], "i tag+i-2 tag "...), p1.tag...), ' '), p2.tag...))
	}
	t.lookup(s, append(append(s.key[:0], "i word "...), cur...))
	t.lookup(s, append(append(append(append(s.key[:0], "i-1 tag+i word "...), p1.tag...), ' '), cur...))
	t.lookup(s, append(append(s.key[:0], "i-1 word "...), prev...))
	t.lookup(s, append(append(s.key[:0], "i-1 suffix "...), suffix3(prev)...))
	t.lookup(s, append(append(s.key[:0], "i-2 word "...), prev2...))
	t.lookup(s, append(append(s.key[:0], "i+1 word "...), next...))
	t.lookup(s, append(append(s.key[:0], "i+1 suffix "...), suffix3(next)...))
	t.lookup(s, append(append(s.key[:0], "i+2 word "...), next2...))

	best := -1
	for c, ok := range s.seen {
		if ok && (best < 0 || s.scores[c] > s.scores[best]) {
			best = c
		}
	}
	return best // -1 gives the empty tag, as prose does when no feature has weights
}

// lookup adds the weights of feature key to the scores and keeps the grown
// key buffer for the next feature.
func (t *tagger) lookup(s *tagScratch, key []byte) {
	s.key = key
	if f, ok := find(&t.feats, key); ok {
		t.score(s, t.runs[f])
	}
}

func (t *tagger) score(s *tagScratch, f weightRun) {
	idx := t.tagIdx[f.off : f.off+f.n]
	ws := t.weight[f.off : f.off+f.n]
	for j, c := range idx {
		s.scores[c] += ws[j]
		s.seen[c] = true
	}
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
		dst = append(dst, lowerASCII(w[i]))
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

// isLink reports whether commonregex's LinkRegex matches anywhere in w, as
// prose checks. The regexp is slow and rarely matches, so a cheap test of what
// every match needs, "x.yz" with x one of [a-z0-9.-], runs first. Note that
// it also matches decimals with two or more places ("1.25"), which prose
// therefore tags NN; we keep that to agree with prose.
func isLink(w string) bool {
	for i := 1; i+2 < len(w); i++ {
		if w[i] == '.' {
			c := w[i-1]
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' {
				return commonregex.LinkRegex.MatchString(w)
			}
		}
	}
	return false
}

// isEmail reports whether commonregex's EmailRegex matches anywhere in w, as
// prose checks; every match has an @ after its first byte.
func isEmail(w string) bool {
	return strings.IndexByte(w, '@') > 0 && commonregex.EmailRegex.MatchString(w)
}

// prose's none and keep patterns, for the trace markers of the Penn Treebank
// ("*T*-1", "-LRB-") and, by accident of the pattern, the word "0".
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

func isNone(w string) bool {
	return (w == "0" || strings.HasPrefix(w, "*")) && noneRE.MatchString(w)
}

func isKept(w string) bool {
	return len(w) == 5 && w[0] == '-' && keepRE.MatchString(w)
}

// keyIndex numbers a set of strings in the order they were added. It stands in
// for a map[string]int on the tagger's hot path: a word costs a lookup in the
// known words and, when it is not one, thirteen feature lookups, and Go's WebAssembly port hashes map keys a byte at a time,
// while hashKey reads eight bytes per step. Open addressing with linear probing
// over a table at most half full keeps probes short.
type keyIndex struct {
	keys  []string // in the order added; a key's number is its index here
	slots []uint64 // hash<<32 | number+1, or 0 when empty; len is a power of two
}

func newKeyIndex(n int) keyIndex {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return keyIndex{keys: make([]string, 0, n), slots: make([]uint64, size)}
}

// add gives key the next number. Keys must be distinct.
func (x *keyIndex) add(key string) {
	if 2*(len(x.keys)+1) > len(x.slots) {
		old := x.keys
		*x = newKeyIndex(2 * len(old))
		for _, k := range old {
			x.add(k)
		}
	}
	h := hashKey(key)
	mask := uint64(len(x.slots) - 1)
	i := h & mask
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.keys = append(x.keys, key)
	x.slots[i] = h<<32 | uint64(len(x.keys))
}

// find returns the number of key, if it was added.
func find[S string | []byte](x *keyIndex, key S) (int, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	h := hashKey(key)
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; x.slots[i] != 0; i = (i + 1) & mask {
		if s := x.slots[i]; s>>32 == h && x.keys[s&(1<<32-1)-1] == string(key) {
			return int(s&(1<<32-1)) - 1, true
		}
	}
	return 0, false
}

// hashKey hashes key to 32 bits, eight bytes per multiply. It need not resist
// attack: the table holds the model's keys, and input only looks them up.
func hashKey[S string | []byte](key S) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(key)) * m
	for len(key) >= 8 {
		v := uint64(key[0]) | uint64(key[1])<<8 | uint64(key[2])<<16 | uint64(key[3])<<24 |
			uint64(key[4])<<32 | uint64(key[5])<<40 | uint64(key[6])<<48 | uint64(key[7])<<56
		h = (h ^ v) * m
		h ^= h >> 32
		key = key[8:]
	}
	for i := 0; i < len(key); i++ {
		h = (h ^ uint64(key[i])) * m
	}
	h ^= h >> 29
	h *= m
	return h >> 32
}
