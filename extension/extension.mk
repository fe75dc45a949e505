# The browser extension: `make extension` writes it unpacked to build/extension/chrome and build/extension/firefox,
# and zipped to build/keypoints-chrome.zip and build/keypoints-firefox.zip. Readability comes from npm
# (extension/package.json) and is copied into the extension, which loads nothing from elsewhere.
.PHONY: extension test-extension

extension: wasm
	cd extension && { test -d node_modules || npm ci --no-audit --no-fund; }
	node extension/build.mjs $(BUILD)

# The tests load the Chrome build into Chromium and the Firefox build into Firefox (internal/browsers/browsers.mk), and lint
# the Firefox build with web-ext.
test-extension: extension $(BROWSER_DEPS)
	KEYPOINTS_BUILD=$(BUILD) node --test extension/test/*.test.mjs
