// Command corpus writes the inputs of the scaling measurement: the development articles, each separated from the
// next by a blank line, cut to 10 KB, 100 KB and 1 MB (bench.Sizes), as scale-10KB.txt... in the folder -out. The
// Go benchmark (BenchmarkScale) builds the same texts in memory; the Node.js harness (scale.mjs) reads these files,
// so both measure the same bytes.
//
// Without the development sets it says so and exits 0, writing nothing.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"keypoints/bench"
)

func main() {
	out := flag.String("out", "build/bench", "folder to write the inputs to")
	data := flag.String("data", bench.SharedData(0), "folder of the development sets")
	flag.Parse()
	var paths []string
	for _, name := range bench.DevSets {
		paths = append(paths, filepath.Join(*data, name))
	}
	articles, err := bench.ReadArticles(paths...)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Printf("corpus: %v; no scaling inputs written\n", err)
		return
	}
	if err != nil {
		fail(err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	for _, s := range bench.Sizes {
		text := bench.Corpus(articles, s.Bytes)
		path := filepath.Join(*out, "scale-"+s.Name+".txt")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			fail(err)
		}
		fmt.Printf("corpus: %s, %d bytes\n", path, len(text))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "corpus:", err)
	os.Exit(1)
}
