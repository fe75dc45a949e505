package summarize

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// readTestdata returns a file of the repository's testdata folder.
func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	require.NoError(t, err)
	return string(b)
}

// golden compares v, as indented JSON, with testdata/golden/name, or rewrites that file under -update.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("..", "testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run `make golden` to create it")
	if string(want) == string(got) {
		return
	}
	// Report the first differing line only: whole files drown the change.
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		w, g := "", ""
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Errorf("golden file %s differs at line %d:\n  want %s\n  got  %s\nrun `make golden` and read the diff", name, i+1, w, g)
			return
		}
	}
}

// TestGoldenKinds pins the summary of one small text of each kind (testdata/kinds), read as the text itself shows,
// and checks that it is read as the kind its name says.
func TestGoldenKinds(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("..", "testdata", "kinds"))
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		kind := strings.TrimSuffix(name, filepath.Ext(name))
		t.Run(kind, func(t *testing.T) {
			text := readTestdata(t, filepath.Join("kinds", name))
			s, err := Text(text, Options{Length: LengthMedium, Format: FormatJSON})
			require.NoError(t, err)
			require.Equal(t, kind, s.Kind)
			checkSummary(t, text, s)
			golden(t, "kind-"+kind+".json", s)
		})
	}
}
