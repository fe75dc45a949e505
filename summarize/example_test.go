package summarize_test

import (
	"fmt"

	"keypoints/summarize"
)

const exampleArticle = `Lakeside town opens its first public library

The town of Lakeside opened its first public library on Saturday, after a decade of fundraising by residents.
The library holds 40,000 books and offers free internet access to every resident.

Mayor Ana Ruiz said the building would also host evening classes for adults. "This is a place for everyone," she said.

The project cost $12 million, most of it raised through local donations and a state grant.
Volunteers spent three months moving books from a temporary site in the town hall.`

// Text returns key points grouped by theme; each point's spans lead back to the input's own words.
func ExampleText() {
	s, err := summarize.Text(exampleArticle, summarize.Options{Length: summarize.LengthShort, SkipFacts: true})
	if err != nil {
		fmt.Println(summarize.Code(err), err)
		return
	}
	for _, th := range s.Themes {
		for _, k := range th.KeyPoints {
			p := s.KeyPoints[k]
			fmt.Printf("- %s (bytes %d-%d)\n", p.Text, p.Spans[0].Start, p.Spans[len(p.Spans)-1].End)
		}
	}
	// Output:
	// - The town of Lakeside opened its first public library on Saturday, after a decade of fundraising by residents. (bytes 46-155)
	// - The library holds 40,000 books and offers free internet access to every resident. (bytes 156-237)
	// - Mayor Ana Ruiz said the building would also host evening classes for adults. (bytes 239-315)
}

// Parse gives the document model alone: paragraphs, their kinds, and sentences with byte spans.
func ExampleParse() {
	doc, err := summarize.Parse(exampleArticle)
	if err != nil {
		fmt.Println(summarize.Code(err), err)
		return
	}
	fmt.Println(doc.Title)
	for _, s := range doc.Sentences[:3] {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// Lakeside town opens its first public library
	// 46-155 The town of Lakeside opened its first public library on Saturday, after a decade of fundraising by residents.
	// 156-237 The library holds 40,000 books and offers free internet access to every resident.
	// 239-315 Mayor Ana Ruiz said the building would also host evening classes for adults.
}
