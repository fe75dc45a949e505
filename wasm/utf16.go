package main

import (
	"sort"
	"unicode/utf8"

	"keypoints/summarize"
)

// toUTF16 rewrites every byte offset of s into a UTF-16 code unit offset of text, so that text.slice(start, end)
// in JavaScript selects exactly the characters the span covers, emoji and all.
func toUTF16(text string, s *summarize.Summary) *summarize.Summary {
	var offs []int
	for _, k := range s.KeyPoints {
		for _, sp := range k.Spans {
			offs = append(offs, sp.Start, sp.End)
		}
	}
	for _, r := range s.Sentences {
		offs = append(offs, r.Start, r.End)
	}
	for _, e := range s.Entities {
		for _, sp := range e.Mentions {
			offs = append(offs, sp.Start, sp.End)
		}
	}
	for _, q := range s.Quotes {
		offs = append(offs, q.Span.Start, q.Span.End)
	}
	for _, f := range s.Figures {
		offs = append(offs, f.Span.Start, f.Span.End)
	}
	m := utf16Offsets(text, offs)
	conv := func(sp summarize.Span) summarize.Span { return summarize.Span{Start: m[sp.Start], End: m[sp.End]} }
	convAll := func(spans []summarize.Span) []summarize.Span {
		out := make([]summarize.Span, len(spans))
		for i, sp := range spans {
			out[i] = conv(sp)
		}
		return out
	}
	out := *s
	out.KeyPoints = make([]summarize.KeyPoint, len(s.KeyPoints))
	for i, k := range s.KeyPoints {
		k.Spans = convAll(k.Spans)
		out.KeyPoints[i] = k
	}
	out.Sentences = make([]summarize.SentenceRef, len(s.Sentences))
	for i, r := range s.Sentences {
		r.Span = conv(r.Span)
		out.Sentences[i] = r
	}
	out.Entities = make([]summarize.Entity, len(s.Entities))
	for i, e := range s.Entities {
		e.Mentions = convAll(e.Mentions)
		out.Entities[i] = e
	}
	out.Quotes = make([]summarize.Quote, len(s.Quotes))
	for i, q := range s.Quotes {
		q.Span = conv(q.Span)
		out.Quotes[i] = q
	}
	out.Figures = make([]summarize.Figure, len(s.Figures))
	for i, f := range s.Figures {
		f.Span = conv(f.Span)
		out.Figures[i] = f
	}
	return &out
}

// utf16Offsets maps each byte offset of text in offs to its UTF-16 offset, in one pass over text. Offsets inside
// a character (which spans never produce) map to the character's start.
func utf16Offsets(text string, offs []int) map[int]int {
	sorted := append([]int(nil), offs...)
	sort.Ints(sorted)
	m := make(map[int]int, len(sorted))
	b, u := 0, 0 // byte and UTF-16 positions
	for _, o := range sorted {
		for b < o && b < len(text) {
			r, w := utf8.DecodeRuneInString(text[b:])
			if b+w > o {
				break
			}
			b += w
			if r >= 0x10000 {
				u += 2
			} else {
				u++
			}
		}
		m[o] = u
	}
	return m
}
