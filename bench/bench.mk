# Benchmarks against the alternatives (bench/): included from the top Makefile. None of these is part of `make test`;
# each stays under ten minutes on a 2-core machine. BENCHMARKS.md holds the results and the machine they came from.
BENCH_DIR := bench
BENCH_OUT := $(BUILD)/bench

.PHONY: bench-peers bench-scale bench-memory bench-browser bench-deps

# The harness's npm packages (the peers), installed only when missing.
bench-deps:
	@cd $(BENCH_DIR) && { test -d node_modules || npm ci --no-audit --no-fund; }

# ROUGE, words and warm ms per article of our wasm module, Lead-K and the npm summarizers, on ../shared/data's news
# and genre sets, with our margin over the best baseline and its bootstrap 95% interval.
bench-peers: build wasm bench-deps
	KEYPOINTS_BUILD=$(BUILD) SHARED=$(SHARED) GO=$(GO) node $(BENCH_DIR)/peers.mjs

# Time and memory of 10 KB, 100 KB and 1 MB of concatenated development articles: natively, then in wasm.
bench-scale: wasm bench-deps
	$(GO) run ./bench/cmd/corpus -out $(BENCH_OUT) -data $(SHARED)/data
	SHARED=$(SHARED) $(GO) test -run '^$$' -bench 'Scale|ParseDev' -benchmem -count 3 ./bench
	KEYPOINTS_BUILD=$(BUILD) node $(BENCH_DIR)/scale.mjs

# Resident memory of the engine around 1 MB inputs and after them: in Node.js on this thread, and in Chromium in the
# page's worker.
bench-memory: site bench-deps $(BROWSER_DEPS)
	$(GO) run ./bench/cmd/corpus -out $(BENCH_OUT) -data $(SHARED)/data
	KEYPOINTS_BUILD=$(BUILD) GO=$(GO) node $(BENCH_DIR)/memory.mjs

# Navigation to the first summary of the seed article, in Chromium in detail and on a first visit in Chromium, Firefox
# and WebKit (internal/browsers/browsers.mk), on the page `make site` builds.
bench-browser: site $(BROWSER_DEPS)
	KEYPOINTS_BUILD=$(BUILD) GO=$(GO) node $(BENCH_DIR)/browser.mjs
