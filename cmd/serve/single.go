package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
)

// singlePolicy is the Content-Security-Policy of the single-file page, with its inline scripts and style allowed by
// hash rather than by 'unsafe-inline'. A page opened from disk has no origin to call 'self', so everything it runs
// is inline, or the engine's worker, a module made from inline text: browsers start a module worker for such a page
// from a data: URL only (not from a blob: one). The page fetches nothing, so connect-src stays 'none'.
const singlePolicy = "default-src 'none'; script-src %s 'wasm-unsafe-eval'; style-src %s; img-src data:; " +
	"worker-src data:; base-uri 'none'; form-action 'none'"

// singleModules maps the modules the served page imports to their stand-ins in the single file: single-engine.js
// imports keypoints.js itself and tells it to take its worker and its wasm from the page, which may not load files.
var singleModules = map[string]string{
	"keypoints.js": "single-engine.js",
}

// selfLocating are the modules that may use import.meta and import() in the single file, where both refer to the
// page instead of the module's file: keypoints.engine.js uses them only to find its files and Node's, and
// single-engine.js gives it every one of those files before it needs them.
var selfLocating = map[string]bool{
	"keypoints.engine.js": true,
}

// workerEntry is the worker's module script; its imports are joined to it in the single file.
const workerEntry = "keypoints.worker.js"

// Tags of index.html the builder replaces; each must appear exactly once, so that a change to the page that the
// builder does not know about fails the build instead of shipping a page that loads files.
const (
	tagCSP      = `<meta http-equiv="Content-Security-Policy" content="`
	tagStyle    = `<link rel="stylesheet" href="style.css">`
	tagScript   = `<script type="module" src="app.js"></script>`
	tagIcon     = `<link rel="icon" href="icon.svg" type="image/svg+xml">`
	tagTouch    = `<link rel="apple-touch-icon" href="icon-192.png">`
	tagManifest = `<link rel="manifest" href="manifest.webmanifest">`
	tagBodyEnd  = `</body>`
)

// writeSingle builds the single-file page from the built site in root and writes it to out, returning its size.
func writeSingle(root, out string) (int, error) {
	page, err := buildSingle(os.DirFS(root))
	if err != nil {
		return 0, err
	}
	if dir := path.Dir(out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, fmt.Errorf("serve: %w", err)
		}
	}
	if err := os.WriteFile(out, page, 0o644); err != nil {
		return 0, fmt.Errorf("serve: %w", err)
	}
	return len(page), nil
}

// buildSingle makes one self-contained HTML page of the built site: the style sheet, the icon, Go's wasm_exec.js
// and the page's modules inline, and two data blocks in base64 that single-engine.js hands to keypoints.js: the
// engine's worker as one module (wasm_exec.js, keypoints.worker.js and the modules it imports), and keypoints.wasm
// gzipped, which keypoints.js unpacks with the browser's DecompressionStream. The page registers no service worker
// and links no manifest: it is whole already, and neither works from disk.
func buildSingle(site fs.FS) ([]byte, error) {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(site, name)
		if err != nil {
			return "", fmt.Errorf("serve: single: %w", err)
		}
		return string(b), nil
	}
	html, err := read("index.html")
	if err != nil {
		return nil, err
	}
	css, err := read("style.css")
	if err != nil {
		return nil, err
	}
	icon, err := read("icon.svg")
	if err != nil {
		return nil, err
	}
	runtime, err := read("wasm_exec.js")
	if err != nil {
		return nil, err
	}
	app, err := bundle(site, "app.js", singleModules)
	if err != nil {
		return nil, err
	}
	// The worker's module: keypoints.worker.js with the modules it imports, Go's wasm_exec.js among them.
	worker, err := bundle(site, workerEntry, nil)
	if err != nil {
		return nil, err
	}
	wasm, err := fs.ReadFile(site, "keypoints.wasm")
	if err != nil {
		return nil, fmt.Errorf("serve: single: %w", err)
	}
	packed, err := gzipped(wasm)
	if err != nil {
		return nil, err
	}
	for _, c := range []struct{ what, text, closer string }{
		{"style.css", css, "</style"},
		{"wasm_exec.js", runtime, "</script"},
		{"the page's modules", app, "</script"},
	} {
		low := strings.ToLower(c.text)
		if strings.Contains(low, c.closer) || strings.Contains(low, "<!--") {
			return nil, fmt.Errorf("serve: single: %s holds %q or \"<!--\" and cannot be inlined", c.what, c.closer)
		}
	}

	policy := fmt.Sprintf(singlePolicy, hashSource(runtime)+" "+hashSource(app), hashSource(css))
	scripts := "<script id=\"keypoints-go\">" + runtime + "</script>\n<script type=\"module\">" + app + "</script>"
	data := fmt.Sprintf("<script type=\"application/octet-stream\" id=\"keypoints-worker\">%s</script>\n"+
		"<script type=\"application/octet-stream\" id=\"keypoints-wasm\" data-size=\"%d\">%s</script>\n",
		base64.StdEncoding.EncodeToString([]byte(worker)), len(wasm), base64.StdEncoding.EncodeToString(packed))

	edits := []struct{ old, new string }{
		{tagCSP, tagCSP},
		{tagStyle, "<style>" + css + "</style>"},
		{tagScript, scripts},
		{tagIcon, `<link rel="icon" href="data:image/svg+xml;base64,` + base64.StdEncoding.EncodeToString([]byte(icon)) +
			`" type="image/svg+xml">`},
		{tagTouch + "\n", ""},
		{tagManifest + "\n", ""},
		// The engine comes last, so the page shows before the browser has read its few megabytes.
		{tagBodyEnd, data + tagBodyEnd},
	}
	for _, e := range edits {
		if n := strings.Count(html, e.old); n != 1 {
			return nil, fmt.Errorf("serve: single: index.html holds %q %d times, want 1", strings.TrimSpace(e.old), n)
		}
		html = strings.Replace(html, e.old, e.new, 1)
	}
	// The served page asks for its modules and the wasm as it opens, rather than one import after another; the single
	// file holds them all.
	html = preloadLink.ReplaceAllString(html, "")
	return []byte(replacePolicy(html, policy)), nil
}

// preloadLink is a line of index.html that preloads one of its files.
var preloadLink = regexp.MustCompile(`(?m)^<link rel="(?:module)?preload" [^>]*>\n`)

// replacePolicy puts policy in place of the served page's, which the edits above have made sure is there once.
func replacePolicy(html, policy string) string {
	start := strings.Index(html, tagCSP) + len(tagCSP)
	end := start + strings.IndexByte(html[start:], '"')
	return html[:start] + policy + html[end:]
}

// hashSource is the CSP source expression that allows an inline script or style whose text is exactly s.
func hashSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func gzipped(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	// importLine is the one form of import the page's modules use: named imports from a sibling file.
	importLine = regexp.MustCompile(`^import \{([^}]*)\} from '\./([A-Za-z0-9_.-]+)';$`)
	// exportDecl is the one form of export: the export keyword before a top-level declaration.
	exportDecl = regexp.MustCompile(`^export (async function\*?|function\*?|const|let|class) ([A-Za-z_$][A-Za-z0-9_$]*)`)
	// reexportLine passes on named exports of a sibling file, as keypoints.js does those of the engine.
	reexportLine = regexp.MustCompile(`^export \{([^}]*)\} from '\./([A-Za-z0-9_.-]+)';$`)
	// sideEffectLine runs a sibling file for what it does, as the engine's worker does Go's wasm_exec.js.
	sideEffectLine = regexp.MustCompile(`^import '\./([A-Za-z0-9_.-]+)';$`)
)

// bundle joins entry and the modules it imports, transitively, into the text of one module script. Each module
// becomes a function whose result holds its exports, called once, after the modules it imports; an import becomes a
// destructuring of that result. substitute maps an imported file to the one used instead.
//
// It understands the forms the page's modules are written in (see importLine, exportDecl, reexportLine and
// sideEffectLine) and fails on any other import or export, and on dynamic import and import.meta outside the
// selfLocating modules, rather than guess: the page has no bundler, and this is not one. A substitute's own imports
// are not substituted.
func bundle(site fs.FS, entry string, substitute map[string]string) (string, error) {
	var out strings.Builder
	ids := map[string]string{} // file → the variable holding its exports
	visiting := map[string]bool{}
	var visit func(name string) error
	visit = func(name string) error {
		if visiting[name] {
			return fmt.Errorf("serve: single: import cycle through %s", name)
		}
		if _, done := ids[name]; done {
			return nil
		}
		visiting[name] = true
		defer delete(visiting, name)
		src, err := fs.ReadFile(site, name)
		if err != nil {
			return fmt.Errorf("serve: single: %w", err)
		}
		var body []string
		var exports []string
		for n, line := range strings.Split(strings.TrimRight(string(src), "\n"), "\n") {
			where := fmt.Sprintf("%s:%d", name, n+1)
			if !selfLocating[name] && (strings.Contains(line, "import(") || strings.Contains(line, "import.meta")) {
				return fmt.Errorf("serve: single: %s: an import the single-file build does not handle: %s",
					where, strings.TrimSpace(line))
			}
			if m := sideEffectLine.FindStringSubmatch(line); m != nil {
				if err := visit(m[1]); err != nil {
					return err
				}
				continue
			}
			m := importLine.FindStringSubmatch(line)
			reexport := m == nil
			if reexport {
				m = reexportLine.FindStringSubmatch(line)
			}
			if m != nil {
				dep := m[2]
				if s, ok := substitute[dep]; ok && s != name {
					dep = s
				}
				if err := visit(dep); err != nil {
					return err
				}
				names := strings.ReplaceAll(m[1], " as ", ": ")
				if reexport {
					// A name passed on is bound here too, so it must not be one the module declares itself;
					// keypoints.js declares none of those it passes on.
					for _, n := range strings.Split(m[1], ",") {
						local, as, renamed := strings.Cut(strings.TrimSpace(n), " as ")
						if renamed {
							local = as
						}
						exports = append(exports, local)
					}
				}
				body = append(body, fmt.Sprintf("const {%s} = %s;", names, ids[dep]))
				continue
			}
			if m := exportDecl.FindStringSubmatch(line); m != nil {
				exports = append(exports, m[2])
				body = append(body, strings.TrimPrefix(line, "export "))
				continue
			}
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "import ") || strings.HasPrefix(trimmed, "export ") {
				return fmt.Errorf("serve: single: %s: an import or export the single-file build does not handle: %s",
					where, trimmed)
			}
			body = append(body, line)
		}
		id := fmt.Sprintf("module%d", len(ids))
		ids[name] = id
		fmt.Fprintf(&out, "// %s\nconst %s = (() => {\n%s\nreturn {%s};\n})();\n", name, id,
			strings.Join(body, "\n"), strings.Join(exports, ", "))
		return nil
	}
	if err := visit(entry); err != nil {
		return "", err
	}
	return out.String(), nil
}
