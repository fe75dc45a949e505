package bench

import (
	"os"
	"path/filepath"
)

// SharedData returns the folder of the evaluation sets, seen from a working directory depth levels below the
// repository's root (1 for a test of this package): $SHARED/data when SHARED is set, a path relative to the root as
// the Makefile passes it or an absolute one, and the root's ../shared/data otherwise.
func SharedData(depth int) string {
	up := make([]string, depth)
	for i := range up {
		up[i] = ".."
	}
	root := filepath.Join(up...)
	shared := os.Getenv("SHARED")
	switch {
	case shared == "":
		shared = filepath.Join(root, "..", "shared")
	case !filepath.IsAbs(shared):
		shared = filepath.Join(root, shared)
	}
	return filepath.Join(shared, "data")
}
