// Package bench measures keypoints against itself and against the summarizers people otherwise pick: how the time
// and memory of one call grow with the input (scale_test.go), and the inputs of that measurement, which the Node.js
// harness reads too (Corpus). The harness (peers.mjs, scale.mjs, browser.mjs) and its npm packages live beside this
// file; bench.mk runs them and BENCHMARKS.md holds the results.
package bench
