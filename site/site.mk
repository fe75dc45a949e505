# The page: `make serve` builds it and serves it on 127.0.0.1; `make single` writes it as one HTML file.
SITE_OUT   := $(BUILD)/site
SINGLE_OUT := $(BUILD)/keypoints.html
PORT       ?= 8080

# The page's own files, and those of the engine module that it serves (types and package.json stay out).
SITE_FILES := index.html style.css app.js summarizing.js view.js facts.js single-engine.js sw.js manifest.webmanifest \
	icon.svg icon-192.png icon-512.png icon-maskable-512.png
ENGINE_FILES := $(WASM_MODULES) keypoints.wasm wasm_exec.js
# What the service worker precaches: everything the served page loads (single-engine.js is the single file's).
PRECACHE := index.html style.css app.js summarizing.js view.js facts.js manifest.webmanifest icon.svg icon-192.png \
	icon-512.png icon-maskable-512.png $(ENGINE_FILES)

# The page serves its JavaScript without comment lines, blank lines and indentation: every byte of the engine is
# fetched before the first summary, and its comments were nearly a third of the engine's JavaScript as brotli. The
# sources and the npm package keep them. A header that opens with a copyright line stays. Dropping a line that
# starts with "//" is safe outside a template literal, so the build fails on a template literal that spans lines.
define strip_js
awk 'FNR == 1 { head = 1; keep = /^\/\/ Copyright/ } \
	/^[ \t]*\/\// { if (head && keep) print; next } \
	/^[ \t]*$$/ { next } \
	{ head = 0; sub(/^[ \t]+/, ""); if (gsub(/`/, "`") % 2) { print FILENAME ":" FNR ": a template literal spans lines" > "/dev/stderr"; exit 1 }; print }' \
	$(1) > $(1).stripped && mv $(1).stripped $(1)
endef

.PHONY: site serve single test-site

site: wasm
	rm -rf $(SITE_OUT)
	mkdir -p $(SITE_OUT)
	cp $(addprefix site/,$(SITE_FILES)) $(SITE_OUT)/
	cp $(addprefix $(WASM_OUT)/,$(ENGINE_FILES)) $(SITE_OUT)/
	@# The wasm's size, which download progress counts against when the server compresses the wasm.
	@bytes=$$(wc -c < $(SITE_OUT)/keypoints.wasm | tr -d ' '); \
	sed -i "s|^const WASM_BYTES = .*;|const WASM_BYTES = $$bytes;|" $(SITE_OUT)/keypoints.engine.js; \
	grep -q "^const WASM_BYTES = $$bytes;" $(SITE_OUT)/keypoints.engine.js
	@for f in $(SITE_OUT)/*.js; do $(call strip_js,$$f) || exit 1; done
	@# The worker's file list and version: a digest of every file it caches, so any change makes a new worker.
	@version=$$(cd $(SITE_OUT) && cat $(PRECACHE) | sha256sum | cut -c1-16); \
	files=$$(printf "'%s', " ./ $(PRECACHE) | sed 's/, $$//'); \
	sed -e "s|^const VERSION = .*|const VERSION = '$$version';|" \
	    -e "s|^const FILES = .*|const FILES = [$$files];|" site/sw.js > $(SITE_OUT)/sw.js; \
	grep -q "^const VERSION = '$$version';" $(SITE_OUT)/sw.js
	@# Precompressed siblings; cmd/serve sends them to browsers that accept them.
	cd $(SITE_OUT) && for f in *.wasm *.js *.css *.html *.webmanifest *.svg; do \
		gzip -9 -n -k -f "$$f"; \
		if command -v brotli >/dev/null; then brotli -q 11 -k -f "$$f"; fi; \
	done
	@echo "site: $(SITE_OUT) is ready"

serve: site
	$(GO) run ./cmd/serve -root $(SITE_OUT) -port $(PORT)

single: site
	$(GO) run ./cmd/serve -root $(SITE_OUT) -single $(SINGLE_OUT)

# The browser tests: Chromium, Firefox and WebKit (internal/browsers/browsers.mk) drive the served page and the
# single file.
test-site: site single $(BROWSER_DEPS)
	node --test site/test/*.test.mjs
