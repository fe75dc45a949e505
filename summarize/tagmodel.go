package summarize

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// The tagger's model is prose's averaged perceptron, stored in tagger.model in the tagger's own layout: tags,
// unambiguous words, and each feature's weights already sorted by tag. Decoding prose's gob files and packing them
// took most of a second in WebAssembly, and importing prose linked its unused entity model into the binary too;
// this file loads in a few milliseconds and ships nothing else. TestTaggerModel rebuilds it from prose's assets
// (go test -run TestTaggerModel -update) and fails when the two differ, so prose stays the source of truth.

//go:embed tagger.model
var taggerModel string

const taggerMagic = "keypoints tagger 1\n"

// loadTagger decodes the embedded model. Callers load once and share the tagger, which is safe for concurrent use.
func loadTagger() (*tagger, error) {
	return decodeTagger(taggerModel)
}

// encodeTagger writes t in the layout decodeTagger reads: features sorted by key, so the bytes depend on the model
// alone.
func encodeTagger(t *tagger) []byte {
	b := []byte(taggerMagic)
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	b = binary.AppendUvarint(b, uint64(len(t.tags)))
	for _, tag := range t.tags {
		str(tag)
	}
	index := map[string]int{}
	for i, tag := range t.tags {
		index[tag] = i
	}
	words := sortedKeys(&t.known)
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, k := range words {
		str(t.known.keys[k])
		tag, ok := index[t.wordTag[k]]
		if !ok {
			tag = len(t.tags) // a tag outside the predicted set is written out in full
			b = binary.AppendUvarint(b, uint64(tag))
			str(t.wordTag[k])
			continue
		}
		b = binary.AppendUvarint(b, uint64(tag))
	}
	order := sortedKeys(&t.feats)
	b = binary.AppendUvarint(b, uint64(len(order)))
	for _, f := range order {
		str(t.feats.keys[f])
		r := t.runs[f]
		b = binary.AppendUvarint(b, uint64(r.n))
		for j := r.off; j < r.off+r.n; j++ {
			b = append(b, t.tagIdx[j])
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.weight[j]))
		}
	}
	return b
}

// sortedKeys returns the numbers of the keys of x in key order.
func sortedKeys(x *keyIndex) []int {
	order := make([]int, len(x.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return strings.Compare(x.keys[i], x.keys[j]) })
	return order
}

// decodeTagger reads a model written by encodeTagger. Strings are slices of data, which the embedded model keeps
// alive anyway, so decoding allocates little beyond the tables.
func decodeTagger(data string) (*tagger, error) {
	errBad := errors.New("summarize: load tagger: malformed model")
	if len(data) < len(taggerMagic) || data[:len(taggerMagic)] != taggerMagic {
		return nil, errBad
	}
	pos := len(taggerMagic)
	num := func() (int, error) {
		v, n := binary.Uvarint([]byte(data[pos:min(len(data), pos+binary.MaxVarintLen64)]))
		if n <= 0 || v > uint64(len(data)) {
			return 0, errBad
		}
		pos += n
		return int(v), nil
	}
	str := func() (string, error) {
		n, err := num()
		if err != nil || pos+n > len(data) {
			return "", errBad
		}
		s := data[pos : pos+n]
		pos += n
		return s, nil
	}
	t := &tagger{}
	ntags, err := num()
	if err != nil || ntags > 256 {
		return nil, errBad
	}
	for range ntags {
		s, err := str()
		if err != nil {
			return nil, err
		}
		t.tags = append(t.tags, s)
	}
	nwords, err := num()
	if err != nil {
		return nil, err
	}
	t.known = newKeyIndex(nwords)
	t.wordTag = make([]string, 0, nwords)
	for range nwords {
		w, err := str()
		if err != nil {
			return nil, err
		}
		i, err := num()
		if err != nil || i > ntags {
			return nil, errBad
		}
		if i == ntags {
			tag, err := str()
			if err != nil {
				return nil, err
			}
			t.known.add(w)
			t.wordTag = append(t.wordTag, tag)
			continue
		}
		t.known.add(w)
		t.wordTag = append(t.wordTag, t.tags[i])
	}
	nfeats, err := num()
	if err != nil {
		return nil, err
	}
	t.feats = newKeyIndex(nfeats)
	t.runs = make([]weightRun, 0, nfeats)
	for range nfeats {
		k, err := str()
		if err != nil {
			return nil, err
		}
		n, err := num()
		if err != nil || pos+9*n > len(data) {
			return nil, errBad
		}
		run := weightRun{off: uint32(len(t.tagIdx)), n: uint32(n)}
		for range n {
			c := data[pos]
			if int(c) >= ntags {
				return nil, errBad
			}
			t.tagIdx = append(t.tagIdx, c)
			t.weight = append(t.weight, math.Float64frombits(binary.LittleEndian.Uint64([]byte(data[pos+1:pos+9]))))
			pos += 9
		}
		t.feats.add(k)
		t.runs = append(t.runs, run)
	}
	if pos != len(data) {
		return nil, fmt.Errorf("summarize: load tagger: %d bytes after the model", len(data)-pos)
	}
	t.ready()
	return t, nil
}
