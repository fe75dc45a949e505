package bench

import (
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"keypoints/summarize"
)

// devArticles reads the development sets, or skips b when they are absent.
func devArticles(b *testing.B, names ...string) []string {
	b.Helper()
	var paths []string
	for _, name := range names {
		paths = append(paths, filepath.Join(SharedData(1), name))
	}
	articles, err := ReadArticles(paths...)
	if err != nil {
		b.Skipf("the development sets are absent: %v", err)
	}
	return articles
}

// BenchmarkScale summarizes 10 KB, 100 KB and 1 MB of concatenated development articles (Corpus), warm: the tagger
// is loaded before the clock starts. Besides time and allocations per call it reports peak-heap-MB, the most Go heap
// in use during one call above what was in use before it, sampled every millisecond in an untimed call before the
// timed ones, so that neither the sampling nor the collection that precedes it counts in the time.
func BenchmarkScale(b *testing.B) {
	articles := devArticles(b, DevSets...)
	if _, err := summarize.Text(articles[0], summarize.Options{}); err != nil {
		b.Fatal(err)
	}
	for _, size := range Sizes {
		text := Corpus(articles, size.Bytes)
		b.Run(size.Name, func(b *testing.B) {
			peak, err := peakHeap(func() error {
				_, err := summarize.Text(text, summarize.Options{})
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := summarize.Text(text, summarize.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
		})
	}
}

// BenchmarkParseDev parses the CNN/DailyMail development articles, one per op: the cost of the sentence splitter
// that Lead-3 uses, for the peers table.
func BenchmarkParseDev(b *testing.B) {
	articles := devArticles(b, DevSets[0])
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := summarize.Parse(articles[i%len(articles)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// heapSample is the runtime metric peakHeap samples: bytes of heap objects, live or not yet swept.
const heapSample = "/memory/classes/heap/objects:bytes"

// peakHeap runs fn after a collection and returns the most heap in use while it ran, above the level it started
// from. Sampling every millisecond can miss a peak shorter than that; for calls of many milliseconds it is close.
func peakHeap(fn func() error) (uint64, error) {
	runtime.GC()
	sample := []metrics.Sample{{Name: heapSample}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: heapSample}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(s)
				if v := s[0].Value.Uint64(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	err := fn()
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	close(done)
	wg.Wait()
	if p := peak.Load(); p > base {
		return p - base, err
	}
	return 0, err
}
