// Package wordset holds fixed sets of strings that every stage of the summarizer looks words up in, and the
// index behind them, which the tagger's model uses for its vocabulary too.
package wordset

import (
	"slices"
	"strings"
)

// Index numbers a set of strings. It stands in for a map[string]int on hot
// paths (the tagger, Set): Go's WebAssembly port hashes map keys a byte at a time,
// while hashKey reads eight bytes per step, and a map of strings is pointers
// for the garbage collector to mark, while this is three of them. Open
// addressing with linear probing over a table at most half full keeps probes
// short.
type Index struct {
	keys  string   // the keys back to back, in number order
	ends  []uint32 // key k ends at byte ends[k] of keys and starts where key k-1 ends
	slots []uint64 // hash<<32 | number+1, or 0 when empty; len is a power of two
}

// NewIndex numbers the keys that keys and ends hold, as JoinKeys returns
// them. Keys should be distinct; of two equal ones, find returns the first.
func NewIndex(keys string, ends []uint32) Index {
	x := Index{keys: keys, ends: ends, slots: make([]uint64, slotsFor(len(ends)))}
	for k := range ends {
		place(x.slots, hashKey(x.Key(k)), k)
	}
	return x
}

// place puts key number k, whose hash is h, in the first empty slot from h on.
func place(slots []uint64, h uint64, k int) {
	mask := uint64(len(slots) - 1)
	i := h & mask
	for slots[i] != 0 {
		i = (i + 1) & mask
	}
	slots[i] = h<<32 | uint64(k+1)
}

// JoinKeys lays keys out as NewIndex takes them.
func JoinKeys(keys []string) (string, []uint32) {
	ends := make([]uint32, len(keys))
	n := 0
	for k, s := range keys {
		n += len(s)
		ends[k] = uint32(n)
	}
	return strings.Join(keys, ""), ends
}

// Key returns key number k.
func (x *Index) Key(k int) string {
	from := uint32(0)
	if k > 0 {
		from = x.ends[k-1]
	}
	return x.keys[from:x.ends[k]]
}

// Find returns the number of key, if it is one.
func Find[S string | []byte](x *Index, key S) (int, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	h := hashKey(key)
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; x.slots[i] != 0; i = (i + 1) & mask {
		if s := x.slots[i]; s>>32 == h && x.Key(int(s&(1<<32-1))-1) == string(key) {
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

// Len returns the number of keys.
func (x *Index) Len() int { return len(x.ends) }

// Set is a fixed set of words. The stages look words up in such sets for nearly every token, and an Index does
// that twice as fast as a map in WebAssembly, where Go's maps hash strings the slow way.
type Set struct {
	index Index
}

// New returns the set of words.
func New(words []string) Set {
	return Set{NewIndex(JoinKeys(words))}
}

// Of returns the set of the space-separated words of s.
func Of(s string) Set {
	return New(strings.Fields(s))
}

// Has reports whether w is in the set.
func (s *Set) Has(w string) bool {
	_, ok := Find(&s.index, w)
	return ok
}

// HasBytes is Has for a word in a buffer, which it does not copy.
func (s *Set) HasBytes(w []byte) bool {
	_, ok := Find(&s.index, w)
	return ok
}

// Words returns the words of the set, in the order they were given.
func (s *Set) Words() []string {
	out := make([]string, s.index.Len())
	for k := range out {
		out[k] = s.index.Key(k)
	}
	return out
}

// LowerASCII lower-cases an ASCII capital and leaves every other byte as it is.
func LowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// AppendLower appends strings.ToLower(w), without allocating when w is ASCII.
func AppendLower(dst []byte, w string) []byte {
	n := len(dst)
	dst = slices.Grow(dst, len(w))[:n+len(w)]
	out := dst[n:]
	for i := 0; i < len(w) && i < len(out); i++ {
		c := w[i]
		if c >= 0x80 {
			return append(dst[:n], strings.ToLower(w)...)
		}
		out[i] = LowerASCII(c)
	}
	return dst
}

// Numbering numbers words as they come, 0, 1, 2 and on: the terms of one text. It is an Index that grows, and
// keeps its keys back to back in one buffer, where a map of strings would allocate a string per key and, in
// WebAssembly, hash it a byte at a time.
type Numbering struct {
	keys  []byte
	ends  []uint32 // key k ends at byte ends[k] of keys and starts where key k-1 ends
	slots []uint64 // as Index's
}

// NewNumbering returns an empty Numbering sized for about n words.
func NewNumbering(n int) *Numbering {
	x := &Numbering{ends: make([]uint32, 0, n)}
	x.slots = make([]uint64, slotsFor(n))
	x.keys = make([]byte, 0, 8*n)
	return x
}

// slotsFor is the table size that keeps n keys at most half full: a power of two, and at least 8.
func slotsFor(n int) int {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return size
}

// Len returns how many words are numbered.
func (x *Numbering) Len() int { return len(x.ends) }

func (x *Numbering) key(k int) []byte {
	from := uint32(0)
	if k > 0 {
		from = x.ends[k-1]
	}
	return x.keys[from:x.ends[k]]
}

// Find returns the number of key, if it has one.
func (x *Numbering) Find(key []byte) (int, bool) {
	k, _ := x.probe(key, hashKey(key))
	return k, k >= 0
}

// Add returns the number of key, giving it the next one if it has none; added says whether it did.
func (x *Numbering) Add(key []byte) (k int, added bool) {
	h := hashKey(key)
	k, slot := x.probe(key, h)
	if k >= 0 {
		return k, false
	}
	k = len(x.ends)
	x.keys = append(x.keys, key...)
	x.ends = append(x.ends, uint32(len(x.keys)))
	if 2*len(x.ends) > len(x.slots) {
		x.rehash() // places the new key too
	} else {
		x.slots[slot] = h<<32 | uint64(k+1)
	}
	return k, true
}

// probe returns the number of key, or -1 and the empty slot where it would go.
func (x *Numbering) probe(key []byte, h uint64) (int, uint64) {
	if len(x.slots) == 0 {
		x.slots = make([]uint64, slotsFor(0))
	}
	mask := uint64(len(x.slots) - 1)
	i := h & mask
	for ; x.slots[i] != 0; i = (i + 1) & mask {
		if s := x.slots[i]; s>>32 == h && string(x.key(int(s&(1<<32-1))-1)) == string(key) {
			return int(s&(1<<32-1)) - 1, 0
		}
	}
	return -1, i
}

// rehash doubles the table and places every key again.
func (x *Numbering) rehash() {
	x.slots = make([]uint64, 2*len(x.slots))
	for k := range x.ends {
		place(x.slots, hashKey(x.key(k)), k)
	}
}
