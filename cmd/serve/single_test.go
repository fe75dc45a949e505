package main

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testIndex has every tag the builder replaces, as site/index.html has them.
const testIndex = `<!doctype html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<link rel="icon" href="icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="icon-192.png">
<link rel="manifest" href="manifest.webmanifest">
<link rel="stylesheet" href="style.css">
<script type="module" src="app.js"></script>
<link rel="modulepreload" href="view.js">
<link rel="preload" href="keypoints.wasm" as="fetch" crossorigin>
</head>
<body><p>page</p></body>
</html>
`

func testSingleSite() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"index.html":          file(testIndex),
		"style.css":           file("body { color: red; }\n"),
		"icon.svg":            file(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
		"wasm_exec.js":        file("globalThis.Go = class {};\n"),
		"keypoints.wasm":      file("\x00asm\x01\x00\x00\x00 the engine"),
		"app.js":              file("import { Summarizer } from './keypoints.js';\nimport { render as draw } from './view.js';\nconst app = draw(Summarizer);\n"),
		"view.js":             file("export function render(x) {\n  return x;\n}\nexport const NAMES = {};\n"),
		"single-engine.js":    file("import { Summarizer as Engine, setEngineSource } from './keypoints.js';\nsetEngineSource({});\nexport const Summarizer = Engine;\n"),
		"keypoints.js":        file("import { load } from './keypoints.engine.js';\nexport { loadEngine, setEngineSource as setSource } from './keypoints.engine.js';\nexport class Summarizer {}\n"),
		"keypoints.engine.js": file("const here = () => import.meta.url;\nexport function setEngineSource() {}\nexport async function loadEngine() {}\nexport const load = 1;\n"),
		"keypoints.worker.js": file("import './wasm_exec.js';\nimport { loadEngine } from './keypoints.engine.js';\nconst ready = loadEngine();\n"),
	}
}

func TestBuildSingle(t *testing.T) {
	page, err := buildSingle(testSingleSite())
	require.NoError(t, err)
	html := string(page)

	assert.NotContains(t, html, `rel="manifest"`)
	assert.NotContains(t, html, `rel="stylesheet"`)
	assert.NotContains(t, html, `apple-touch-icon`)
	assert.NotContains(t, html, ` src="app.js"`)
	assert.NotContains(t, html, `preload`)
	assert.Contains(t, html, "<style>body { color: red; }\n</style>")
	assert.Contains(t, html, `<link rel="icon" href="data:image/svg+xml;base64,`)
	assert.Contains(t, html, `<script id="keypoints-go">globalThis.Go = class {};`+"\n</script>")

	// The page imports single-engine.js in place of keypoints.js, which single-engine.js itself imports; modules run
	// before those that import them. Only keypoints.engine.js may use import.meta. What keypoints.js passes on of
	// the engine's exports is among its own.
	module := regexp.MustCompile(`(?s)<script type="module">(.*?)</script>`).FindStringSubmatch(html)
	require.NotNil(t, module)
	assert.Equal(t, 1, strings.Count(module[1], "import.meta"))
	assert.Less(t, strings.Index(module[1], "// keypoints.engine.js"), strings.Index(module[1], "import.meta"))
	assert.Less(t, strings.Index(module[1], "// keypoints.engine.js"), strings.Index(module[1], "// keypoints.js"))
	assert.Less(t, strings.Index(module[1], "// keypoints.js"), strings.Index(module[1], "// single-engine.js"))
	assert.Less(t, strings.Index(module[1], "// single-engine.js"), strings.Index(module[1], "// app.js"))
	assert.Contains(t, module[1], "const { load } = module0;\nconst { loadEngine, setEngineSource: setSource } = module0;")
	assert.Contains(t, module[1], "return {loadEngine, setSource, Summarizer};")
	assert.Contains(t, module[1], "const { Summarizer: Engine, setEngineSource } = module1;")
	assert.Equal(t, 1, strings.Count(module[1], "// keypoints.js"))
	assert.Equal(t, 1, strings.Count(module[1], "// keypoints.engine.js"))
	assert.Less(t, strings.Index(module[1], "// view.js"), strings.Index(module[1], "// app.js"))
	assert.Contains(t, module[1], "const { render: draw } = module3;")
	assert.Contains(t, module[1], "return {render, NAMES};")

	// The policy allows exactly the inline script and style by hash.
	policy := regexp.MustCompile(`content="(default-src 'none'[^"]*)"`).FindStringSubmatch(html)
	require.NotNil(t, policy)
	assert.NotContains(t, policy[1], "'self'")
	assert.NotContains(t, policy[1], "unsafe-inline")
	assert.Contains(t, policy[1], hashSource(module[1]))
	assert.Contains(t, policy[1], hashSource("globalThis.Go = class {};\n"))
	assert.Contains(t, policy[1], "style-src "+hashSource("body { color: red; }\n"))
	assert.Contains(t, policy[1], "'wasm-unsafe-eval'")
	assert.Equal(t, 1, strings.Count(html, "Content-Security-Policy"))

	// The worker comes next to last, bundled with the modules it imports: Go's runtime, then the engine.
	worker := regexp.MustCompile(`<script type="application/octet-stream" id="keypoints-worker">([^<]*)</script>\n<script`).FindStringSubmatch(html)
	require.NotNil(t, worker)
	source, err := base64.StdEncoding.DecodeString(worker[1])
	require.NoError(t, err)
	assert.Equal(t, "// wasm_exec.js\nconst module0 = (() => {\nglobalThis.Go = class {};\nreturn {};\n})();\n"+
		"// keypoints.engine.js\nconst module1 = (() => {\n"+
		"const here = () => import.meta.url;\nfunction setEngineSource() {}\nasync function loadEngine() {}\nconst load = 1;\n"+
		"return {setEngineSource, loadEngine, load};\n})();\n"+
		"// keypoints.worker.js\nconst module2 = (() => {\nconst { loadEngine } = module1;\nconst ready = loadEngine();\nreturn {};\n})();\n",
		string(source))

	// The wasm comes last, gzipped, with its unpacked size.
	data := regexp.MustCompile(`<script type="application/octet-stream" id="keypoints-wasm" data-size="(\d+)">([^<]*)</script>\n</body>`).FindStringSubmatch(html)
	require.NotNil(t, data)
	assert.Equal(t, "19", data[1])
	packed, err := base64.StdEncoding.DecodeString(data[2])
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(packed))
	require.NoError(t, err)
	wasm, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, "\x00asm\x01\x00\x00\x00 the engine", string(wasm))
}

func TestBuildSingleRefuses(t *testing.T) {
	tests := []struct {
		name string
		file string
		text string
		want string
	}{
		{"missing tag", "index.html", strings.Replace(testIndex, `<link rel="manifest" href="manifest.webmanifest">`+"\n", "", 1), "manifest"},
		{"doubled tag", "index.html", strings.Replace(testIndex, "</head>", `<link rel="stylesheet" href="style.css">`+"\n</head>", 1), "2 times"},
		{"closing script", "view.js", "export const s = '</script>';\n", "cannot be inlined"},
		{"closing style", "style.css", "a::after { content: '</style>'; }\n", "cannot be inlined"},
		{"dynamic import", "view.js", "export const m = import('./x.js');\n", "does not handle"},
		{"default export", "view.js", "export default 1;\n", "does not handle"},
		{"export list", "view.js", "const a = 1;\nexport { a };\n", "does not handle"},
		{"import meta", "view.js", "export const u = import.meta.url;\n", "does not handle"},
		{"bare import", "app.js", "import 'x';\n", "does not handle"},
		{"cycle", "view.js", "import { a } from './app.js';\nexport const b = 1;\n", "cycle"},
		{"missing module", "app.js", "import { x } from './gone.js';\n", "gone.js"},
		{"missing wasm", "keypoints.wasm", "", "keypoints.wasm"},
		{"missing worker", "keypoints.worker.js", "", "keypoints.worker.js"},
		{"worker with a missing import", "keypoints.worker.js", "import { x } from './x.js';\n", "x.js"},
		{"worker with a dynamic import", "keypoints.worker.js", "const m = import('./x.js');\n", "does not handle"},
		{"worker with a default export", "keypoints.worker.js", "export default 1;\n", "does not handle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := testSingleSite()
			if tt.text == "" {
				delete(site, tt.file)
			} else {
				site[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			}
			_, err := buildSingle(site)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestWriteSingle(t *testing.T) {
	dir := t.TempDir()
	for name, f := range testSingleSite() {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), f.Data, 0o644))
	}
	out := filepath.Join(dir, "out", "keypoints.html")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-root", dir, "-single", out}, &stdout, &stderr), stderr.String())
	info, err := os.Stat(out)
	require.NoError(t, err)
	assert.Contains(t, stdout.String(), "wrote "+out)
	assert.Positive(t, info.Size())

	assert.Equal(t, 1, run([]string{"-root", filepath.Join(dir, "nope"), "-single", out}, io.Discard, io.Discard))
	assert.Equal(t, 2, run([]string{"-bogus"}, io.Discard, io.Discard))
}
