package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// Sizes are the inputs of the scaling measurement, in bytes (SI units: 1 MB is 1,000,000 bytes).
var Sizes = []struct {
	Name  string
	Bytes int
}{
	{"10KB", 10_000},
	{"100KB", 100_000},
	{"1MB", 1_000_000},
}

// DevSets are the development sets the scaling inputs are cut from, in the order they are read: CNN/DailyMail's 119
// articles come to 385 KB, so the megabyte continues into the BBC set.
var DevSets = []string{"cnndm-dev.jsonl", "bbc-dev.jsonl"}

// ReadArticles returns the "article" field of every line of the JSON lines files, in order.
func ReadArticles(paths ...string) ([]string, error) {
	var articles []string
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
		line := 0
		for sc.Scan() {
			line++
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var rec struct {
				Article string `json:"article"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				f.Close()
				return nil, fmt.Errorf("bench: %s line %d: %w", path, line, err)
			}
			articles = append(articles, rec.Article)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return articles, nil
}

// Corpus joins articles, each separated from the next by a blank line, until the text reaches size bytes, and cuts it
// at the last space or newline at or before size, so that it ends on a whole word and is valid UTF-8. It returns
// fewer bytes than size when the articles run out first.
func Corpus(articles []string, size int) string {
	var b strings.Builder
	for _, a := range articles {
		if b.Len() >= size {
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.TrimSpace(a))
	}
	text := b.String()
	if len(text) > size {
		cut := strings.LastIndexAny(text[:size+1], " \n")
		if cut <= 0 {
			for cut = size; cut > 0 && !utf8.RuneStart(text[cut]); cut-- {
			}
		}
		text = text[:cut]
	}
	return strings.TrimRight(text, " \n")
}
