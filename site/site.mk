# The page: `make serve` builds it and serves it on 127.0.0.1.
.PHONY: serve

serve: build
	@echo "The web page is not built yet. The command-line tool is ready:"
	@echo "  $(BUILD)/keypoints testdata/ap-ukraine-territory.txt"
