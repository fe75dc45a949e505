# The WebAssembly build: keypoints.wasm, Go's wasm_exec.js from the same toolchain, and the JS module beside them.
WASM_OUT := $(BUILD)/wasm

.PHONY: wasm size

wasm:
	@mkdir -p $(WASM_OUT)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(WASM_OUT)/keypoints.wasm ./wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WASM_OUT)/

size: wasm
	@raw=$$(stat -c %s $(WASM_OUT)/keypoints.wasm); \
	gz=$$(gzip -9 -c $(WASM_OUT)/keypoints.wasm | wc -c); \
	br=$$(brotli -c -q 11 $(WASM_OUT)/keypoints.wasm 2>/dev/null | wc -c); \
	echo "keypoints.wasm: raw $$raw bytes, gzip $$gz bytes, brotli $$br bytes"
