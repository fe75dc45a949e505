# The WebAssembly build: keypoints.wasm, Go's wasm_exec.js from the same toolchain, and the JS module beside them.
WASM_OUT := $(BUILD)/wasm
# The module users import (keypoints.js) and the modules it is made of, each one job; then the worker and the types.
WASM_MODULES := keypoints.js keypoints.options.js keypoints.errors.js keypoints.engine.js keypoints.worker.js
# keypoints.fs.node.js is Node.js's file system and keypoints.fs.js its stand-in elsewhere (see the imports below),
# and polyfill.js sets globalThis.Summarizer; pages that import keypoints.js need none of them.
WASM_JS  := $(addprefix wasm/,$(WASM_MODULES) keypoints.fs.js keypoints.fs.node.js polyfill.js keypoints.d.ts polyfill.d.ts)
# The folder's package.json: its .js files, wasm_exec.js included, are ES modules, and #fs is Node.js's file system
# in Node.js only, the one place the engine reads a file: URL.
WASM_PACKAGE_JSON := {"type":"module","imports":{"\#fs":{"node":"./keypoints.fs.node.js","default":"./keypoints.fs.js"}}}

.PHONY: wasm size test-wasm test-wpt bench-wasm

wasm:
	@mkdir -p $(WASM_OUT)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(WASM_OUT)/keypoints.wasm ./wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WASM_OUT)/
	cp $(WASM_JS) $(WASM_OUT)/
	@bytes=$$(wc -c < $(WASM_OUT)/keypoints.wasm | tr -d ' '); \
	sed -i "s|^const WASM_BYTES = .*;|const WASM_BYTES = $$bytes;|" $(WASM_OUT)/keypoints.engine.js; \
	grep -q "^const WASM_BYTES = $$bytes;" $(WASM_OUT)/keypoints.engine.js
	echo '$(WASM_PACKAGE_JSON)' > $(WASM_OUT)/package.json

size: wasm
	@raw=$$(stat -c %s $(WASM_OUT)/keypoints.wasm); \
	gz=$$(gzip -9 -c $(WASM_OUT)/keypoints.wasm | wc -c); \
	if command -v brotli >/dev/null; then br="$$(brotli -c -q 11 $(WASM_OUT)/keypoints.wasm | wc -c) bytes"; \
	else br="unknown (apt-get install brotli)"; fi; \
	echo "keypoints.wasm: raw $$raw bytes, gzip $$gz bytes, brotli $$br"

# The JS module's tests compare its summaries with the command-line tool's, so they need both builds; one of them
# runs the module in Chromium, Firefox and WebKit. Then the web-platform-tests Summarizer suite, and the npm package
# as a user installs it (wasm/package.mk).
test-wasm: build wasm $(BROWSER_DEPS)
	KEYPOINTS_BUILD=$(BUILD) SHARED=$(SHARED) node --test wasm/test/*.test.mjs
	@$(MAKE) --no-print-directory test-wpt
	@$(MAKE) --no-print-directory test-package

# The web-platform-tests Summarizer suite against the built module, in headless Chromium (wasm/test/wpt/README.md).
test-wpt: wasm
	@test -x /usr/bin/chromium || { echo "test-wpt: /usr/bin/chromium is missing (apt-get install chromium)"; exit 1; }
	cd wasm/test/wpt && { test node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund; }
	node wasm/test/wpt/run.mjs . --no-build --module $(WASM_OUT)/keypoints.js --json $(BUILD)/wpt/results.json

bench-wasm: wasm
	KEYPOINTS_BUILD=$(BUILD) SHARED=$(SHARED) node wasm/bench.mjs

# The npm package (wasm/package.mk).
include wasm/package.mk
