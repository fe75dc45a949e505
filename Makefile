# keypoints: the summarizer every browser can run. `make serve` builds and opens the page; `make test` runs every
# check that must pass.

GO        ?= go
BUILD     := build
SHARED    ?= ../shared
FUZZTIME  ?= 30s

.PHONY: all build test vet unit bench eval eval-cv fuzz golden size clean

# The WebAssembly build and its JavaScript module (wasm/wasm.mk), the page (site/site.mk), the extension, the
# benchmarks, and the browsers the tests drive (internal/browsers/browsers.mk).
include internal/browsers/browsers.mk
include wasm/wasm.mk
include site/site.mk
include extension/extension.mk
include bench/bench.mk

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

# Quality against human references, side by side with Lead-K, on every evaluation set when they are present: the
# shipped tuning (eval), and the cross-validated choice of it with out-of-fold and in-sample figures (eval-cv).
eval: build
	@if [ -f $(SHARED)/data/cnndm-dev.jsonl ]; then \
		$(BUILD)/keypoints eval -limit 400 -data $(SHARED)/data/cnndm-dev.jsonl -data $(SHARED)/data/bbc-dev.jsonl \
			-data $(SHARED)/data/genres; \
	else echo "eval: $(SHARED)/data is absent; nothing to score"; fi

eval-cv:
	@SHARED=$(abspath $(SHARED)) $(GO) test -tags eval -run 'TestCrossValidatedChoice|TestPointAudit' -count=1 -v ./summarize | \
		grep -v -e '^=== RUN' -e '^--- PASS' -e '^PASS$$'

# Every fuzz target of the module, each for FUZZTIME (go test fuzzes one target of one package at a time).
FUZZ_TARGETS := ./summarize:FuzzParse ./summarize:FuzzText ./summarize:FuzzSegment ./summarize:FuzzDateline ./summarize:FuzzJSONString \
	./summarize/internal/tagger:FuzzTokenize ./summarize/internal/tagger:FuzzTag ./summarize/internal/tagger:FuzzMatchers \
	./summarize/internal/tagger:FuzzMatchersSmall ./summarize/internal/htmltoken:FuzzTokens \
	./summarize/internal/htmltoken:FuzzUnescape ./internal/rouge:FuzzRouge

fuzz:
	@for f in $$(grep -rho '^func Fuzz[A-Za-z]*' --include='*_test.go' . | sed 's/^func //'); do \
		case " $(FUZZ_TARGETS) " in *":$$f "*) ;; *) echo "fuzz: FUZZ_TARGETS lacks $$f"; exit 1;; esac; \
	done
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $$t"; $(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) "$${t%%:*}"; \
	done

# Regenerates the golden files; read the diff before committing it.
golden:
	$(GO) test ./summarize ./cmd/keypoints -run Golden -update


clean:
	rm -rf $(BUILD)
