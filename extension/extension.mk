# The browser extension: `make extension` writes it unpacked to build/extension/chrome and build/extension/firefox,
# and zipped to build/keypoints-chrome.zip and build/keypoints-firefox.zip. Readability comes from npm
# (extension/package.json) and is copied into the extension, which loads nothing from elsewhere.
.PHONY: extension test-extension

extension: wasm
	cd extension && { test -d node_modules || npm ci --no-audit --no-fund; }
	node extension/build.mjs $(BUILD)

# The tests load the Chrome build into headless Chromium (Debian's /usr/bin/chromium).
test-extension: extension
	@test -x /usr/bin/chromium || { echo "test-extension: /usr/bin/chromium is missing (apt-get install chromium)"; \
		exit 1; }
	cd extension/test && { test -d node_modules || npm ci --no-audit --no-fund; }
	KEYPOINTS_BUILD=$(BUILD) node --test extension/test/
