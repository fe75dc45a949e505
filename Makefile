# keypoints: the summarizer every browser can run. `make serve` builds and opens the page; `make test` runs every
# check that must pass.

GO        ?= go
BUILD     := build
SHARED    ?= ../shared
FUZZTIME  ?= 30s

.PHONY: all build test vet unit bench eval fuzz golden size clean

# The WebAssembly build and its JavaScript module (wasm/wasm.mk), the page (site/site.mk), the extension, the
# benchmarks, and the browsers the tests drive (browsers/browsers.mk).
include browsers/browsers.mk
-include wasm/wasm.mk
-include site/site.mk
-include extension/extension.mk
-include bench/bench.mk

all: build

build:
	$(GO) build -trimpath -o $(BUILD)/keypoints ./cmd/keypoints

test: vet unit test-wasm test-site test-extension

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }

unit:
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./summarize ./internal/...

# Quality against human highlights, side by side with Lead-3, on the evaluation sets when they are present.
eval: build
	@if [ -f $(SHARED)/data/cnndm-dev.jsonl ]; then \
		$(BUILD)/keypoints eval -data $(SHARED)/data/cnndm-dev.jsonl -gold highlights -length short; \
		$(BUILD)/keypoints eval -data $(SHARED)/data/bbc-dev.jsonl -gold summary -length short -limit 400; \
	else echo "eval: $(SHARED)/data is absent; nothing to score"; fi

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./summarize
	$(GO) test -run '^$$' -fuzz '^FuzzText$$' -fuzztime $(FUZZTIME) ./summarize
	$(GO) test -run '^$$' -fuzz '^FuzzSegment$$' -fuzztime $(FUZZTIME) ./summarize
	$(GO) test -run '^$$' -fuzz '^FuzzTokenize$$' -fuzztime $(FUZZTIME) ./summarize
	$(GO) test -run '^$$' -fuzz '^FuzzRouge$$' -fuzztime $(FUZZTIME) ./internal/rouge

# Regenerates the golden files; read the diff before committing it.
golden:
	$(GO) test ./summarize ./cmd/... -run Golden -update


clean:
	rm -rf $(BUILD)
