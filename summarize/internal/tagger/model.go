package tagger

import (
	"cmp"
	"errors"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"keypoints/summarize/internal/wordset"
)

// The tagger's model is prose's averaged perceptron, stored in taggerModel (model_data.go) in the tagger's own
// layout: the tables of tagger, each run of weights already sorted by tag. Decoding prose's gob files and packing
// them took most of a second in WebAssembly, and importing prose linked its unused entity model into the binary
// too; this layout loads in a few milliseconds and ships nothing else. TestTaggerModel rebuilds it from prose's
// assets (go test -run TestTaggerModel -update) and fails when the two differ, so prose stays the source of truth.
//
// The layout, after the magic line; n is a uvarint, and a list of strings is its count, each length, then the
// bytes of all of them back to back, so that a wordset.Index can use them where they lie; a sorted list is
// front-coded: its count, then per string one byte, how many bytes it shares with the string before it (at most
// 255), then n bytes of the lengths of the rests, each a uvarint, then the rests back to back:
//
//	n weights in all, n "i-1 tag+i word" features in all
//	strings tags, n of them predicted
//	sorted known words, then one byte per word: its index in tags
//	sorted vocab
//	strings suffixes
//	n tag sets, the distinct tags of runs, the most frequent first: each a bitmask over the predicted tags, tag k
//	  its bit k%8 of its byte k/8, written a byte at a time: the first byte of every set, then the second, and on
//	n bytes of structure, then they:
//	  bias; the runs of pref1, prevTag, prev2Tag, tagPair, then wordRuns and suffixRuns a column at a time
//	  per vocab word: n "i-1 tag+i word" features
//	n bytes of set numbers, then they: per run, the number of its tag set
//	n bytes of pair tags, then they: per "i-1 tag+i word" feature, its tag
//	n bytes of sums, then they: one per run of two or more weights
//	n stored weights, then their low bytes, then their high bytes
//	n large weights, then their eight bytes each
//
// A run is its set number, its sum (when it has two weights or more), and its stored weights. The runs of a table
// are n in the structure, then for each non-empty run the distance of its index from the previous one's (from -1),
// and the run. 11,000 distinct sets of tags serve 75,000 runs, so a run's tags are the number of their set, which
// says how many weights the run has too. prose's weights are averages rounded to thousandths, so a stored weight is
// a whole number of thousandths in 16 bits, two's complement, w = k/1000, or, for a weight that is not such a number
// or does not fit (each of prose's is one, and one of them is too large), -32768, and the next of the large
// weights: the eight bytes of its float64, little-endian.
//
// The streams are apart because each kind of byte compresses best beside its own kind: the weights' low bytes are
// nearly random, and their high bytes say how large a weight is. A perceptron's update adds to the right tag's
// weight what it takes from the wrong one's, so the weights of each feature add up to zero before their averages
// are rounded. So a run's last weight is not stored: its sum byte, the zigzag of the run's total in thousandths
// (half a thousandth per weight from zero at most, from the rounding), gives it back. That spares a quarter of the
// weights, which are nearly all of the file's entropy. A sum byte of 255 says that the run stores its last weight
// too (a weight that is not a whole number of thousandths, or a sum too large).

const taggerMagic = "keypoints tagger 4\n"

const (
	storesAll = 255    // the sum byte of a run whose last weight is stored too
	large     = -32768 // a stored weight that is the next of the large ones
)

// Load returns the embedded model, decoded on the first call and shared after it; a Model is safe for concurrent
// use. The model is megabytes of weights, so a process that never tags never decodes it.
func Load() (*Model, error) {
	return shared()
}

var shared = sync.OnceValues(func() (*Model, error) {
	return decodeTagger(taggerModel, modelStore{
		weight: embedded.weight[:], tagIdx: embedded.tagIdx[:], wordRuns: embedded.wordRuns[:], pairRun: embedded.pairRun[:],
	})
})

// embedded holds the largest tables of taggerModel once decoded, 3.3 MB, outside the heap: a zeroed array is memory
// the program starts with, and costs the WebAssembly module no bytes. A fresh engine allocates little but the model
// before its first summaries, and in the heap these tables would take it past the 4 MB at which Go first collects.
// That collection would find everything live and free nothing, and on a cold engine, whose collector has never
// run, it costs tens of milliseconds (BENCHMARKS.md §12). With them here the first collection comes summaries later,
// on an engine that has long been ready.
var embedded struct {
	weight   [embeddedWeights]float64
	tagIdx   [embeddedWeights]uint8
	wordRuns [embeddedWordRuns]weightRun
	pairRun  [embeddedPairs]weightRun
}

// The sizes of taggerModel's tables; TestTaggerModel checks them. A model of other sizes decodes into the heap.
const (
	embeddedWeights  = 271206 // weights, and their tags
	embeddedWordRuns = 84040  // runs of the word features: (words+1)*wordKinds
	embeddedPairs    = 27956  // "i-1 tag+i word" features
)

// modelStore is memory for a decoded model's largest tables. decodeTagger uses a table's memory when it is exactly
// the size the model needs.
type modelStore struct {
	weight   []float64
	tagIdx   []uint8
	wordRuns []weightRun
	pairRun  []weightRun
}

// within returns store emptied when it holds exactly n elements, and a new slice with room for n otherwise.
func within[T any](store []T, n int) []T {
	if len(store) == n {
		return store[:0]
	}
	return make([]T, 0, n)
}

// thousandths returns w as a whole number of thousandths, when it is one and float64(k)/1000 gives back its bits.
func thousandths(w float64) (int64, bool) {
	k := math.Round(w * 1000)
	if math.Abs(k) >= 1<<52 || math.Float64bits(float64(int64(k))/1000) != math.Float64bits(w) {
		return 0, false
	}
	return int64(k), true
}

// runSum returns the sum byte of a run, and whether its last weight is left out.
func runSum(ws []float64) (byte, bool) {
	var sum int64
	for _, w := range ws {
		k, ok := thousandths(w)
		if !ok {
			return storesAll, false
		}
		sum += k
	}
	if z := uint64(sum<<1) ^ uint64(sum>>63); z < storesAll {
		return byte(z), true
	}
	return storesAll, false
}

// encodeTagger writes t in the layout decodeTagger reads. It walks the tables in index order, so the bytes depend
// on the model alone.
func encodeTagger(t *Model) []byte {
	var structure, pairTags, sums, low, high, larges []byte
	var sets []string // each run's tags
	stored := 0
	num := func(v int) { structure = appendUvarint(structure, uint64(v)) }
	run := func(r weightRun) {
		sets = append(sets, string(t.tagIdx[r.off:r.off+r.n]))
		ws := t.weight[r.off : r.off+r.n]
		if len(ws) > 1 {
			sum, leftOut := runSum(ws)
			sums = append(sums, sum)
			if leftOut {
				ws = ws[:len(ws)-1]
			}
		}
		for _, w := range ws {
			k, ok := thousandths(w)
			if !ok || k <= large || k > math.MaxInt16 {
				k = large
				larges = appendUint64(larges, math.Float64bits(w))
			}
			low, high = append(low, byte(k)), append(high, byte(k>>8))
			stored++
		}
	}
	run(t.bias)
	for _, c := range t.columns() {
		n := 0
		for i := range c.len() {
			if c.at(i).n > 0 {
				n++
			}
		}
		num(n)
		last := -1
		for i := range c.len() {
			if r := *c.at(i); r.n > 0 {
				num(i - last)
				run(r)
				last = i
			}
		}
	}
	for v := 1; v < len(t.pairFrom)-1; v++ {
		from, to := t.pairFrom[v], t.pairFrom[v+1]
		num(int(to - from))
		for j := from; j < to; j++ {
			pairTags = append(pairTags, t.pairTag[j])
			run(t.pairRun[j])
		}
	}

	// The tag sets, the most frequent first, so that most runs number theirs in one byte.
	count := map[string]int{}
	for _, set := range sets {
		count[set]++
	}
	distinct := slices.Collect(maps.Keys(count))
	slices.SortFunc(distinct, func(a, b string) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	number := make(map[string]int, len(distinct))
	for i, set := range distinct {
		number[set] = i
	}
	var setNumbers []byte
	for _, set := range sets {
		setNumbers = appendUvarint(setNumbers, uint64(number[set]))
	}

	b := []byte(taggerMagic)
	num = func(v int) { b = appendUvarint(b, uint64(v)) }
	strs := func(n int, key func(int) string) {
		num(n)
		for k := range n {
			num(len(key(k)))
		}
		for k := range n {
			b = append(b, key(k)...)
		}
	}
	num(len(t.weight))
	num(len(t.pairTag))
	strs(len(t.tags), func(k int) string { return t.tags[k] })
	num(t.npred)
	// sorted writes a list of sorted strings front-coded: each as the number of bytes it shares with the one before
	// (at most 255) and the rest. Neighbours in the vocabulary share a third of their bytes.
	sorted := func(n int, key func(int) string) {
		num(n)
		shared := make([]int, n)
		var lens []byte
		for k := range n {
			if k > 0 {
				prev, w := key(k-1), key(k)
				for shared[k] < min(len(prev), len(w), 255) && prev[shared[k]] == w[shared[k]] {
					shared[k]++
				}
			}
			b = append(b, byte(shared[k]))
			lens = appendUvarint(lens, uint64(len(key(k))-shared[k]))
		}
		num(len(lens))
		b = append(b, lens...)
		for k := range n {
			b = append(b, key(k)[shared[k]:]...)
		}
	}
	sorted(t.known.Len(), t.known.Key)
	b = append(b, t.knownTag...)
	sorted(t.vocab.Len(), t.vocab.Key)
	suffixes := make([]string, len(t.suffixRuns)/suffixKinds-1)
	for _, s := range t.suffixes.slots {
		if s != 0 {
			suffixes[uint32(s)-1] = unpackSuffix(uint32(s >> 32))
		}
	}
	strs(len(suffixes), func(k int) string { return suffixes[k] })
	// The sets as bitmasks over the predicted tags, a byte of them at a time: 18 KB of brotli, against 31 KB as lists
	// of tags. A byte of the masks says which of eight tags a set holds, and sets of one kind hold the same few.
	num(len(distinct))
	for plane := range setPlanes(t.npred) {
		for _, set := range distinct {
			var c byte
			for _, tag := range []byte(set) {
				if int(tag)/8 == plane {
					c |= 1 << (tag % 8)
				}
			}
			b = append(b, c)
		}
	}
	for _, part := range [][]byte{structure, setNumbers, pairTags, sums} {
		num(len(part))
		b = append(b, part...)
	}
	num(stored)
	b = append(append(b, low...), high...)
	num(len(larges) / 8)
	return append(b, larges...)
}

// modelReader reads the parts of a model. The first malformed part sets bad, and every read after it returns
// zeros, so a caller checks bad once a loop is done.
type modelReader struct {
	data string
	pos  int
	bad  bool
}

func (r *modelReader) uvarint() uint64 {
	var v uint64
	for shift := 0; shift < 64 && r.pos < len(r.data); shift += 7 {
		c := r.data[r.pos]
		r.pos++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

// num reads a uvarint of at most limit.
func (r *modelReader) num(limit int) int {
	v := r.uvarint()
	if v > uint64(limit) {
		r.bad = true
		return 0
	}
	return int(v)
}

// bytes returns the next n bytes.
func (r *modelReader) bytes(n int) string {
	if r.bad || n > len(r.data)-r.pos {
		r.bad = true
		return ""
	}
	s := r.data[r.pos : r.pos+n]
	r.pos += n
	return s
}

// strs reads a list of strings as newKeyIndex takes them.
func (r *modelReader) strs() (string, []uint32) {
	ends := make([]uint32, r.num(len(r.data)-r.pos))
	total := 0
	for k := range ends {
		total += r.num(len(r.data) - r.pos)
		ends[k] = uint32(total)
		if r.bad {
			return "", nil
		}
	}
	return r.bytes(total), ends
}

// setPlanes returns how many bytes a bitmask over n tags takes.
func setPlanes(n int) int { return (n + 7) / 8 }

// sets reads the tag sets encodeTagger wrote as bitmasks, and returns them as strs does: each set its tags, in
// order, as tag indices below npred. There is at least one set, and none is empty.
func (r *modelReader) sets(npred int) ([]byte, []uint32) {
	n := r.num(len(r.data) - r.pos)
	planes := r.bytes(n * setPlanes(npred))
	if r.bad || n == 0 {
		r.bad = true
		return nil, nil
	}
	total := 0
	for _, c := range []byte(planes) {
		total += bits.OnesCount8(c)
	}
	tags := make([]byte, 0, total)
	ends := make([]uint32, n)
	for k := range ends {
		for p := range setPlanes(npred) {
			for c := planes[p*n+k]; c != 0; c &= c - 1 {
				tags = append(tags, byte(8*p+bits.TrailingZeros8(c)))
			}
		}
		if len(tags) == 0 || k > 0 && ends[k-1] == uint32(len(tags)) || tags[len(tags)-1] >= byte(npred) {
			r.bad = true
			return nil, nil
		}
		ends[k] = uint32(len(tags))
	}
	return tags, ends
}

// runReader reads the runs of a model from its streams.
type runReader struct {
	structure, setNumbers, pairTags, sums modelReader
	sets                                  []byte   // the distinct sets of tags, back to back
	setEnds                               []uint32 // where each set ends in sets
	low, high                             string   // the stored weights' two bytes, by weight
	next                                  int      // the stored weight to read next
	larges                                string   // the large weights' eight bytes
	bad                                   bool
}

func (r *runReader) malformed() bool {
	return r.bad || r.structure.bad || r.setNumbers.bad || r.pairTags.bad || r.sums.bad
}

// sorted reads a list of strings that encodeTagger front-coded, and returns them as strs does. It runs once, on a
// cold engine, so it does the least work per string it can: one pass for the lengths, one to copy.
func (r *modelReader) sorted() (string, []uint32) {
	n := r.num(len(r.data) - r.pos)
	shared := r.bytes(n)
	lens := modelReader{data: r.bytes(r.num(len(r.data) - r.pos))}
	if r.bad {
		return "", nil
	}
	ends := make([]uint32, n)
	total, rests, prev := 0, 0, 0
	for k := range ends {
		rest := lens.num(len(r.data) - r.pos)
		if lens.bad || int(shared[k]) > prev {
			r.bad = true
			return "", nil
		}
		prev = int(shared[k]) + rest
		total += prev
		rests += rest
		ends[k] = uint32(total)
	}
	tail := r.bytes(rests)
	if r.bad || lens.pos != len(lens.data) {
		r.bad = true
		return "", nil
	}
	blob := make([]byte, total)
	at, last := 0, 0 // where the next rest starts in tail, and where the string before starts in blob
	for k, end := range ends {
		from, sh := 0, int(shared[k])
		if k > 0 {
			from = int(ends[k-1])
		}
		copy(blob[from:from+sh], blob[last:last+sh])
		at += copy(blob[from+sh:end], tail[at:])
		last = from
	}
	return string(blob), ends
}

// run reads a run, appending its weights to t's. It is the loop the model's loading spends most of its time in, on
// a cold engine too, so it reads a run's tags and weights in one pass into tables sized for the whole model.
func (r *runReader) run(t *Model) weightRun {
	set := r.setNumbers.num(len(r.setEnds) - 1)
	from := uint32(0)
	if set > 0 {
		from = r.setEnds[set-1]
	}
	tags := r.sets[from:r.setEnds[set]]
	n := len(tags)
	off := len(t.tagIdx)
	if r.malformed() || off+n > cap(t.tagIdx) {
		r.bad = true
		return weightRun{}
	}
	stored, sum := n, int64(0)
	if n > 1 && r.sums.pos < len(r.sums.data) {
		if c := r.sums.data[r.sums.pos]; c != storesAll {
			stored--
			sum = int64(c>>1) ^ -int64(c&1)
		}
		r.sums.pos++
	} else if n > 1 {
		r.bad = true
		return weightRun{}
	}
	if stored > len(r.low)-r.next {
		r.bad = true
		return weightRun{}
	}
	low, high := r.low[r.next:r.next+stored], r.high[r.next:r.next+stored]
	r.next += stored
	t.tagIdx = t.tagIdx[:off+n]
	t.weight = t.weight[:off+n]
	idx, weight := t.tagIdx[off:off+n], t.weight[off:off+n]
	copy(idx, tags)         // decodeTagger checked every set's tags
	for j := range stored { // not range low: that would step by runes
		k := int64(int16(uint16(low[j]) | uint16(high[j])<<8))
		w := float64(k) / 1000
		if k == large {
			w = r.large()
			k = int64(math.Round(w * 1000)) // a run that holds a large weight stores all its weights, if well formed
		}
		weight[j] = w
		sum -= k
	}
	if stored < n {
		weight[n-1] = float64(sum) / 1000
	}
	return weightRun{off: uint32(off), n: uint32(n)}
}

// large returns the next of the large weights.
func (r *runReader) large() float64 {
	if len(r.larges) < 8 {
		r.bad = true
		return 0
	}
	w := math.Float64frombits(leUint64(r.larges))
	r.larges = r.larges[8:]
	if !(math.Abs(w) <= maxWeight) {
		r.bad = true
		return 0
	}
	return w
}

// column is a column of a table of runs: the runs at off, off+stride, and on.
type column struct {
	table       []weightRun
	off, stride int
}

func (c column) len() int            { return (len(c.table) - c.off + c.stride - 1) / c.stride }
func (c column) at(i int) *weightRun { return &c.table[c.off+i*c.stride] }

// columns lists the tables of runs after the bias, in the order taggerModel stores them. The tables of word and
// suffix features go a column, a kind of feature, at a time: the runs of one kind are alike, in their tags and in
// their weights' sizes, and compress better side by side.
func (t *Model) columns() []column {
	cs := []column{{t.pref1[:], 0, 1}, {t.prevTag, 0, 1}, {t.prev2Tag, 0, 1}, {t.tagPair, 0, 1}}
	for kind := range wordKinds {
		cs = append(cs, column{t.wordRuns, kind, wordKinds})
	}
	for kind := range suffixKinds {
		cs = append(cs, column{t.suffixRuns, kind, suffixKinds})
	}
	return cs
}

// runs reads the runs of a column.
func (r *runReader) runs(t *Model, c column) {
	rows := c.len()
	n := r.structure.num(rows)
	for i := -1; n > 0 && !r.malformed(); n-- {
		d := r.structure.num(rows - 1 - i)
		if d == 0 {
			r.bad = true
			return
		}
		i += d
		*c.at(i) = r.run(t)
	}
}

// decodeTagger reads a model written by encodeTagger, into store's memory where it fits. Strings are slices of
// data, which the embedded model keeps alive anyway, so decoding allocates little beyond the tables.
func decodeTagger(data string, store modelStore) (*Model, error) {
	errBad := errors.New("summarize: load tagger: malformed model")
	if len(data) < len(taggerMagic) || data[:len(taggerMagic)] != taggerMagic {
		return nil, errBad
	}
	r := &modelReader{data: data, pos: len(taggerMagic)}
	total := r.num(len(data))
	pairs := r.num(len(data))
	rr := &runReader{}
	tags, ends := r.strs()
	if r.bad || len(ends) > 255 {
		return nil, errBad
	}
	t := &Model{tagIdx: within(store.tagIdx, total), weight: within(store.weight, total)}
	at := uint32(0)
	for _, end := range ends {
		t.tags = append(t.tags, tags[at:end])
		at = end
	}
	t.npred = r.num(len(t.tags))
	t.known = wordset.NewIndex(r.sorted())
	t.knownTag = []byte(r.bytes(t.known.Len()))
	t.vocab = wordset.NewIndex(r.sorted())
	blob, ends := r.strs()
	if r.bad {
		return nil, errBad
	}
	t.suffixes = newSuffixIndex(len(ends))
	from := uint32(0)
	for k, end := range ends {
		if end-from > 3 {
			return nil, errBad
		}
		t.suffixes.add(blob[from:end], uint32(k+1))
		from = end
	}
	rr.sets, rr.setEnds = r.sets(t.npred)
	if r.bad {
		return nil, errBad
	}
	for _, part := range []*modelReader{&rr.structure, &rr.setNumbers, &rr.pairTags, &rr.sums} {
		part.data = r.bytes(r.num(len(data)))
	}
	stored := r.num(len(data))
	rr.low, rr.high = r.bytes(stored), r.bytes(stored)
	rr.larges = r.bytes(8 * r.num(len(data)/8))
	if r.bad {
		return nil, errBad
	}
	if r.pos != len(data) {
		return nil, errors.New("summarize: load tagger: bytes after the model")
	}

	t.allocate(t.vocab.Len(), len(ends), store.wordRuns)
	t.bias = rr.run(t)
	for _, c := range t.columns() {
		rr.runs(t, c)
	}
	t.pairFrom = make([]uint32, 2, t.vocab.Len()+2)
	t.pairTag, t.pairRun = make([]uint8, 0, pairs), within(store.pairRun, pairs)
	for range t.vocab.Len() {
		n := rr.structure.num(len(t.tags))
		for ; n > 0 && !rr.malformed(); n-- {
			c := rr.pairTags.bytes(1)
			if rr.malformed() || int(c[0]) >= len(t.tags) {
				return nil, errBad
			}
			t.pairTag = append(t.pairTag, c[0])
			t.pairRun = append(t.pairRun, rr.run(t))
		}
		t.pairFrom = append(t.pairFrom, uint32(len(t.pairTag)))
	}
	if rr.malformed() || len(t.weight) != total || len(t.pairTag) != pairs || rr.next != stored || rr.larges != "" {
		return nil, errBad
	}
	for _, part := range []*modelReader{&rr.structure, &rr.setNumbers, &rr.pairTags, &rr.sums} {
		if part.pos != len(part.data) {
			return nil, errBad
		}
	}
	for _, c := range t.knownTag {
		if int(c) >= len(t.tags) {
			return nil, errBad
		}
	}
	t.ready()
	return t, nil
}

// appendUvarint, appendUint64 and leUint64 are encoding/binary's AppendUvarint and little-endian AppendUint64 and
// Uint64: that package brings reflect's initialization into the WebAssembly module, 2 KB of brotli for three loops.
func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendUint64(b []byte, v uint64) []byte {
	for i := range 8 {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

func leUint64(s string) uint64 {
	var v uint64
	for i := range 8 {
		v |= uint64(s[i]) << (8 * i)
	}
	return v
}
