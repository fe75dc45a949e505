package main

import "flag"

// This package has no golden files; it accepts -update so that `go test ./cmd/... -update`, which regenerates those
// of cmd/keypoints, runs here too instead of failing on an unknown flag.
var _ = flag.Bool("update", false, "accepted for go test ./cmd/... -update; this package has no golden files")
