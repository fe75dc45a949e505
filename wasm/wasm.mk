# The WebAssembly build: keypoints.wasm, Go's wasm_exec.js from the same toolchain, and the JS module beside them.
WASM_OUT := $(BUILD)/wasm
WASM_JS  := wasm/keypoints.js wasm/keypoints.worker.js wasm/keypoints.d.ts

.PHONY: wasm size test-wasm bench-wasm

# package.json makes Node.js read the folder's .js files, wasm_exec.js included, as ES modules.
wasm:
	@mkdir -p $(WASM_OUT)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(WASM_OUT)/keypoints.wasm ./wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WASM_OUT)/
	cp $(WASM_JS) $(WASM_OUT)/
	@bytes=$$(wc -c < $(WASM_OUT)/keypoints.wasm | tr -d ' '); \
	sed -i "s|^const WASM_BYTES = .*;|const WASM_BYTES = $$bytes;|" $(WASM_OUT)/keypoints.js; \
	grep -q "^const WASM_BYTES = $$bytes;" $(WASM_OUT)/keypoints.js
	echo '{"type":"module"}' > $(WASM_OUT)/package.json

size: wasm
	@raw=$$(stat -c %s $(WASM_OUT)/keypoints.wasm); \
	gz=$$(gzip -9 -c $(WASM_OUT)/keypoints.wasm | wc -c); \
	if command -v brotli >/dev/null; then br="$$(brotli -c -q 11 $(WASM_OUT)/keypoints.wasm | wc -c) bytes"; \
	else br="unknown (apt-get install brotli)"; fi; \
	echo "keypoints.wasm: raw $$raw bytes, gzip $$gz bytes, brotli $$br"

# The JS module's tests compare its summaries with the command-line tool's, so they need both builds; one of them
# runs the module in Chromium, Firefox and WebKit.
test-wasm: build wasm $(BROWSER_DEPS)
	KEYPOINTS_BUILD=$(BUILD) SHARED=$(SHARED) node --test wasm/test/

bench-wasm: wasm
	KEYPOINTS_BUILD=$(BUILD) SHARED=$(SHARED) node wasm/bench.mjs
