package tagger

import (
	"cmp"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"

	"keypoints/summarize/internal/wordset"
)

// The tagger's model is prose's averaged perceptron, stored in tagger.model in the tagger's own layout: the tables
// of tagger, each run of weights already sorted by tag. Decoding prose's gob files and packing them took most of a
// second in WebAssembly, and importing prose linked its unused entity model into the binary too; this file loads in
// a few milliseconds and ships nothing else. TestTaggerModel rebuilds it from prose's assets
// (go test -run TestTaggerModel -update) and fails when the two differ, so prose stays the source of truth.
//
// The layout, after the magic line; n is a uvarint, and a list of strings is its count, each length, then the
// bytes of all of them back to back, so that a wordset.Index can use them where they lie:
//
//	n weights in all, n "i-1 tag+i word" features in all
//	n distinct weights, then each, the most frequent first
//	strings tags, n of them predicted
//	strings known words, then one byte per word: its index in tags
//	strings vocab
//	strings suffixes
//	run bias; runs pref1, prevTag, prev2Tag, tagPair, wordRuns, suffixRuns
//	per vocab word: n "i-1 tag+i word" features, each one byte of tag and a run
//
// A run is n, n bytes of tags, then n weights, each its number among the distinct ones in two bytes, little-endian;
// the runs of a table are n, then for each non-empty run the distance of its index from the previous one's (from
// -1), and the run. prose's weights are averages rounded to thousandths, so a distinct weight is
// n = 2·zigzag(1000·weight) when that gives back the same float64 bits, and otherwise n = 1 and its eight bytes,
// little-endian. Weights of a fixed width decode without a branch per weight, and with 11,000 distinct weights in
// 270,000 the file is no larger for it.

//go:embed tagger.model
var taggerModel string

const taggerMagic = "keypoints tagger 2\n"

// Load returns the embedded model, decoded on the first call and shared after it; a Model is safe for concurrent
// use. The model is megabytes of weights, so a process that never tags never decodes it.
func Load() (*Model, error) {
	return shared()
}

var shared = sync.OnceValues(func() (*Model, error) { return decodeTagger(taggerModel) })

// encodeTagger writes t in the layout decodeTagger reads. It walks the tables in index order, so the bytes depend
// on the model alone.
func encodeTagger(t *Model) []byte {
	b := []byte(taggerMagic)
	num := func(v int) { b = binary.AppendUvarint(b, uint64(v)) }
	strs := func(n int, key func(int) string) {
		num(n)
		for k := range n {
			num(len(key(k)))
		}
		for k := range n {
			b = append(b, key(k)...)
		}
	}
	dict := weightDict(t.weight)
	number := make(map[uint64]int, len(dict))
	for i, w := range dict {
		number[math.Float64bits(w)] = i
	}
	run := func(r weightRun) {
		num(int(r.n))
		b = append(b, t.tagIdx[r.off:r.off+r.n]...)
		for _, w := range t.weight[r.off : r.off+r.n] {
			b = binary.LittleEndian.AppendUint16(b, uint16(number[math.Float64bits(w)]))
		}
	}
	runs := func(table []weightRun) {
		n := 0
		for _, r := range table {
			if r.n > 0 {
				n++
			}
		}
		num(n)
		last := -1
		for i, r := range table {
			if r.n > 0 {
				num(i - last)
				run(r)
				last = i
			}
		}
	}

	num(len(t.weight))
	num(len(t.pairTag))
	num(len(dict))
	for _, w := range dict {
		if k := math.Round(w * 1000); math.Abs(k) < 1<<52 &&
			math.Float64bits(float64(int64(k))/1000) == math.Float64bits(w) {
			z := uint64(int64(k)<<1) ^ uint64(int64(k)>>63)
			num(int(z << 1))
			continue
		}
		b = append(b, 1)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w))
	}
	strs(len(t.tags), func(k int) string { return t.tags[k] })
	num(t.npred)
	strs(t.known.Len(), t.known.Key)
	b = append(b, t.knownTag...)
	strs(t.vocab.Len(), t.vocab.Key)
	suffixes := make([]string, len(t.suffixRuns)/suffixKinds-1)
	for _, s := range t.suffixes.slots {
		if s != 0 {
			suffixes[uint32(s)-1] = unpackSuffix(uint32(s >> 32))
		}
	}
	strs(len(suffixes), func(k int) string { return suffixes[k] })
	run(t.bias)
	for _, table := range [][]weightRun{t.pref1[:], t.prevTag, t.prev2Tag, t.tagPair, t.wordRuns, t.suffixRuns} {
		runs(table)
	}
	for v := 1; v < len(t.pairFrom)-1; v++ {
		from, to := t.pairFrom[v], t.pairFrom[v+1]
		num(int(to - from))
		for j := from; j < to; j++ {
			b = append(b, t.pairTag[j])
			run(t.pairRun[j])
		}
	}
	return b
}

// weightDict returns the distinct weights, the most frequent first, so that most take one byte to number.
func weightDict(weights []float64) []float64 {
	count := map[uint64]int{}
	for _, w := range weights {
		count[math.Float64bits(w)]++
	}
	dict := slices.Collect(maps.Keys(count))
	slices.SortFunc(dict, func(a, b uint64) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	ws := make([]float64, len(dict))
	for i, bits := range dict {
		ws[i] = math.Float64frombits(bits)
	}
	return ws
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

// weight reads a weight written as encodeTagger writes the entries of its dictionary.
func (r *modelReader) weight() float64 {
	u := r.uvarint()
	switch {
	case u&1 == 0:
		return float64(int64(u>>2)^-int64(u>>1&1)) / 1000
	case u == 1:
		var bits uint64
		for i, c := range []byte(r.bytes(8)) {
			bits |= uint64(c) << (8 * i)
		}
		if w := math.Float64frombits(bits); math.Abs(w) <= maxWeight {
			return w
		}
	}
	r.bad = true
	return 0
}

// run reads a run, appending its weights to t's. It is the loop the model's loading spends most of its time in, on
// a cold engine too, so it reads a run's tags and weights in one pass into tables sized for the whole model.
func (r *modelReader) run(t *Model, dict []float64) weightRun {
	n := r.num(len(r.data) - r.pos)
	off := len(t.tagIdx)
	if r.bad || 3*n > len(r.data)-r.pos || off+n > cap(t.tagIdx) {
		r.bad = true
		return weightRun{}
	}
	tags := r.data[r.pos : r.pos+n]
	ws := r.data[r.pos+n : r.pos+3*n]
	r.pos += 3 * n
	t.tagIdx = t.tagIdx[:off+n]
	t.weight = t.weight[:off+n]
	idx, weight := t.tagIdx[off:off+n], t.weight[off:off+n]
	npred, entries := t.npred, len(dict)
	for j := range idx {
		c, i := int(tags[j]), int(ws[2*j])|int(ws[2*j+1])<<8
		if c >= npred || i >= entries {
			r.bad = true
			return weightRun{}
		}
		idx[j], weight[j] = uint8(c), dict[i]
	}
	return weightRun{off: uint32(off), n: uint32(n)}
}

// runs reads the runs of table.
func (r *modelReader) runs(t *Model, dict []float64, table []weightRun) {
	n := r.num(len(table))
	for i := -1; n > 0 && !r.bad; n-- {
		d := r.num(len(table) - 1 - i)
		if d == 0 {
			r.bad = true
			return
		}
		i += d
		table[i] = r.run(t, dict)
	}
}

// decodeTagger reads a model written by encodeTagger. Strings are slices of data, which the embedded model keeps
// alive anyway, so decoding allocates little beyond the tables.
func decodeTagger(data string) (*Model, error) {
	errBad := errors.New("summarize: load tagger: malformed model")
	if len(data) < len(taggerMagic) || data[:len(taggerMagic)] != taggerMagic {
		return nil, errBad
	}
	r := &modelReader{data: data, pos: len(taggerMagic)}
	total := r.num(len(data) / 2)
	pairs := r.num(len(data) / 2)
	dict := make([]float64, r.num(1<<16))
	for i := range dict {
		dict[i] = r.weight()
	}
	tags, ends := r.strs()
	if r.bad || len(ends) > 255 {
		return nil, errBad
	}
	t := &Model{tagIdx: make([]uint8, 0, total), weight: make([]float64, 0, total)}
	at := uint32(0)
	for _, end := range ends {
		t.tags = append(t.tags, tags[at:end])
		at = end
	}
	t.npred = r.num(len(t.tags))
	t.known = wordset.NewIndex(r.strs())
	t.knownTag = []byte(r.bytes(t.known.Len()))
	t.vocab = wordset.NewIndex(r.strs())
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
	t.allocate(t.vocab.Len(), len(ends))
	t.bias = r.run(t, dict)
	for _, table := range [][]weightRun{t.pref1[:], t.prevTag, t.prev2Tag, t.tagPair, t.wordRuns, t.suffixRuns} {
		r.runs(t, dict, table)
	}
	t.pairFrom = make([]uint32, 2, t.vocab.Len()+2)
	t.pairTag, t.pairRun = make([]uint8, 0, pairs), make([]weightRun, 0, pairs)
	for range t.vocab.Len() {
		n := r.num(len(t.tags))
		for ; n > 0 && !r.bad; n-- {
			c := r.bytes(1)
			if r.bad || int(c[0]) >= len(t.tags) {
				return nil, errBad
			}
			t.pairTag = append(t.pairTag, c[0])
			t.pairRun = append(t.pairRun, r.run(t, dict))
		}
		t.pairFrom = append(t.pairFrom, uint32(len(t.pairTag)))
	}
	if r.bad || len(t.weight) != total || len(t.pairTag) != pairs {
		return nil, errBad
	}
	for _, c := range t.knownTag {
		if int(c) >= len(t.tags) {
			return nil, errBad
		}
	}
	if r.pos != len(data) {
		return nil, fmt.Errorf("summarize: load tagger: %d bytes after the model", len(data)-r.pos)
	}
	t.ready()
	return t, nil
}
