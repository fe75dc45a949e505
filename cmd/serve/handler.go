package main

import (
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// contentSecurityPolicy is the page's policy, sent on every response. The page carries the same policy in a meta
// tag (less frame-ancestors, which browsers ignore there), so it holds wherever the files are served from.
// 'wasm-unsafe-eval' lets the engine compile its WebAssembly and allows nothing else; worker-src admits the engine's
// worker and the service worker; there is no inline script to allow.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

// contentTypes are the types the page needs exactly. The platform's tables vary between machines, and browsers
// refuse a module script or WebAssembly.instantiateStreaming when the type is wrong.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".ts":          "text/plain; charset=utf-8",
}

// encodings are the precompressed siblings the handler looks for, best first, with the suffix of each.
var encodings = []struct{ name, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// handler serves the files under one root. Requests are confined by os.Root, which refuses "..", absolute paths
// and symbolic links that lead outside the root, whatever the URL says.
type handler struct {
	root *os.Root
}

func newHandler(root *os.Root) http.Handler {
	return &handler{root: root}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", contentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}

	urlPath := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" {
		name = "."
	}
	if hidden(name) {
		http.NotFound(w, r)
		return
	}
	info, err := h.root.Stat(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if info.IsDir() {
		// Like http.FileServer: a folder is its index.html, reached with a trailing slash so relative links resolve.
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, path.Base(urlPath)+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		if info, err = h.root.Stat(name); err != nil || info.IsDir() {
			http.NotFound(w, r)
			return
		}
	}
	if !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}

	ctype, ok := contentTypes[path.Ext(name)]
	if !ok {
		ctype = "application/octet-stream"
	}
	hdr.Set("Content-Type", ctype)
	// no-cache means "revalidate": a rebuilt page shows up on the next load; offline use is the service worker's job.
	hdr.Set("Cache-Control", "no-cache")

	served, encoding := name, ""
	if compressible(ctype) {
		hdr.Add("Vary", "Accept-Encoding")
		accepted := r.Header.Values("Accept-Encoding")
		for _, enc := range encodings {
			if !accepts(accepted, enc.name) {
				continue
			}
			if si, err := h.root.Stat(name + enc.suffix); err == nil && si.Mode().IsRegular() {
				served, encoding, info = name+enc.suffix, enc.name, si
				break
			}
		}
	}
	f, err := h.root.Open(served)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if encoding != "" {
		hdr.Set("Content-Encoding", encoding)
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// hidden reports whether a path has a segment starting with a dot: build folders hold no such file the page needs,
// and editors and tools leave private ones behind.
func hidden(name string) bool {
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") && seg != "." {
			return true
		}
	}
	return false
}

// compressible reports whether files of a content type may have precompressed siblings; images are compressed
// already.
func compressible(ctype string) bool {
	switch {
	case strings.HasPrefix(ctype, "text/"), strings.HasPrefix(ctype, "application/wasm"),
		strings.HasPrefix(ctype, "application/json"), strings.HasPrefix(ctype, "application/manifest+json"),
		strings.HasPrefix(ctype, "image/svg+xml"):
		return true
	}
	return false
}

// accepts reports whether Accept-Encoding header values allow the coding enc: listed by name or by "*" with a
// q-value above zero. A coding listed by name is decided by its own q-value, whatever "*" says.
func accepts(values []string, enc string) bool {
	star := false
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(item), ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding != enc && coding != "*" {
				continue
			}
			ok := qualityAboveZero(params)
			if coding == enc {
				return ok
			}
			star = ok
		}
	}
	return star
}

// qualityAboveZero reads the q parameter of one Accept-Encoding item; a missing or malformed q counts as 1.
func qualityAboveZero(params string) bool {
	for _, p := range strings.Split(params, ";") {
		k, v, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return true
		}
		return q > 0
	}
	return true
}
