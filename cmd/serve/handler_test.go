package main

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testSite lays out a small built site, a secret beside it, and a symbolic link that leads out of it.
func testSite(t *testing.T) *os.Root {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	files := map[string]string{
		"index.html":           "<!doctype html><title>page</title>",
		"index.html.gz":        "gzip page",
		"app.js":               "export const app = 1;",
		"app.js.br":            "brotli app",
		"app.js.gz":            "gzip app",
		"keypoints.wasm":       "\x00asm",
		"keypoints.wasm.gz":    "gzip wasm",
		"manifest.webmanifest": "{}",
		"icon-192.png":         "png",
		"icon-192.png.gz":      "never sent: images are not recompressed",
		"module.mjs":           "export {};",
		"notes.unknownext":     "data",
		"docs/index.html":      "<p>docs</p>",
		"empty/.keep":          "",
		".hidden":              "private",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("secret"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "escape.txt")))
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	t.Cleanup(func() { root.Close() })
	return root
}

func TestHandler(t *testing.T) {
	h := newHandler(testSite(t))
	tests := []struct {
		name, method, path, acceptEncoding string
		status                             int
		body, contentType, encoding        string
		location                           string
	}{
		{name: "root is the index", path: "/", status: 200, body: "<!doctype html><title>page</title>", contentType: "text/html; charset=utf-8"},
		{name: "index by name", path: "/index.html", status: 200, contentType: "text/html; charset=utf-8"},
		{name: "gzip sibling", path: "/", acceptEncoding: "gzip, deflate", status: 200, body: "gzip page", contentType: "text/html; charset=utf-8", encoding: "gzip"},
		{name: "module script", path: "/app.js", status: 200, body: "export const app = 1;", contentType: "text/javascript; charset=utf-8"},
		{name: "mjs", path: "/module.mjs", status: 200, contentType: "text/javascript; charset=utf-8"},
		{name: "brotli first", path: "/app.js", acceptEncoding: "gzip, br", status: 200, body: "brotli app", contentType: "text/javascript; charset=utf-8", encoding: "br"},
		{name: "brotli refused", path: "/app.js", acceptEncoding: "br;q=0, gzip", status: 200, body: "gzip app", encoding: "gzip"},
		{name: "star", path: "/app.js", acceptEncoding: "*", status: 200, body: "brotli app", encoding: "br"},
		{name: "star but not br", path: "/app.js", acceptEncoding: "br;q=0, *;q=0.5", status: 200, body: "gzip app", encoding: "gzip"},
		{name: "identity only", path: "/app.js", acceptEncoding: "identity", status: 200, body: "export const app = 1;"},
		{name: "gzip q zero", path: "/app.js", acceptEncoding: "gzip;q=0", status: 200, body: "export const app = 1;"},
		{name: "wasm", path: "/keypoints.wasm", status: 200, body: "\x00asm", contentType: "application/wasm"},
		{name: "wasm gzip", path: "/keypoints.wasm", acceptEncoding: "gzip", status: 200, body: "gzip wasm", contentType: "application/wasm", encoding: "gzip"},
		{name: "manifest", path: "/manifest.webmanifest", status: 200, contentType: "application/manifest+json"},
		{name: "image not recompressed", path: "/icon-192.png", acceptEncoding: "gzip", status: 200, body: "png", contentType: "image/png"},
		{name: "unknown type", path: "/notes.unknownext", status: 200, contentType: "application/octet-stream"},
		{name: "head", method: "HEAD", path: "/app.js", status: 200, contentType: "text/javascript; charset=utf-8"},
		{name: "folder index", path: "/docs/", status: 200, body: "<p>docs</p>"},
		{name: "folder redirect", path: "/docs", status: 301, location: "/docs/"},
		{name: "folder without index", path: "/empty/", status: 404},
		{name: "missing", path: "/nope.js", status: 404},
		{name: "dot dot", path: "/../secret.txt", status: 404},
		{name: "encoded dot dot", path: "/%2e%2e/secret.txt", status: 404},
		{name: "symlink out of root", path: "/escape.txt", status: 404},
		{name: "hidden file", path: "/.hidden", status: 404},
		{name: "post", method: "POST", path: "/", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			req := httptest.NewRequest(method, "http://127.0.0.1"+tt.path, nil)
			if tt.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", tt.acceptEncoding)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)

			assert.Equal(t, tt.status, res.StatusCode)
			assert.Equal(t, contentSecurityPolicy, res.Header.Get("Content-Security-Policy"))
			assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
			assert.NotContains(t, string(body), "secret")
			assert.NotContains(t, string(body), "private")
			if tt.body != "" {
				assert.Equal(t, tt.body, string(body))
			}
			if tt.contentType != "" {
				assert.Equal(t, tt.contentType, res.Header.Get("Content-Type"))
			}
			assert.Equal(t, tt.encoding, res.Header.Get("Content-Encoding"))
			if tt.encoding != "" {
				assert.Contains(t, res.Header.Values("Vary"), "Accept-Encoding")
			}
			if tt.location != "" {
				assert.Equal(t, tt.location, res.Header.Get("Location"))
			}
			if method == http.MethodHead {
				assert.Empty(t, body)
			}
		})
	}
}

func TestAccepts(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		enc    string
		want   bool
	}{
		{"absent", nil, "gzip", false},
		{"listed", []string{"gzip, deflate, br"}, "br", true},
		{"not listed", []string{"gzip"}, "br", false},
		{"case", []string{"GZip"}, "gzip", true},
		{"q zero", []string{"gzip;q=0"}, "gzip", false},
		{"q zero spaced", []string{"gzip ; q = 0.0"}, "gzip", false},
		{"q positive", []string{"gzip;q=0.1"}, "gzip", true},
		{"bad q", []string{"gzip;q=x"}, "gzip", true},
		{"star", []string{"*"}, "br", true},
		{"star zero", []string{"*;q=0"}, "br", false},
		{"name beats star", []string{"br;q=0, *"}, "br", false},
		{"several headers", []string{"deflate", "br"}, "br", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, accepts(tt.header, tt.enc))
		})
	}
}

// TestServeLoopback starts the real server the way `make serve` does and asks it for the page.
func TestServeLoopback(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("page"), 0o644))

	// A taken port makes the server pick another rather than fail.
	taken, err := listen(0, io.Discard)
	require.NoError(t, err)
	defer taken.Close()
	ln, err := listen(taken.Addr().(*net.TCPAddr).Port, io.Discard)
	require.NoError(t, err)
	defer ln.Close()
	addr := ln.Addr().(*net.TCPAddr)
	assert.True(t, addr.IP.IsLoopback())
	assert.NotEqual(t, taken.Addr().(*net.TCPAddr).Port, addr.Port)

	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	srv := &http.Server{Handler: newHandler(root)}
	go srv.Serve(ln)
	defer srv.Close()
	res, err := http.Get("http://" + addr.String() + "/")
	require.NoError(t, err)
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	assert.Equal(t, "page", string(body))
}
