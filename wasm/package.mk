# The npm package: `make package` writes it to build/package and packs it into build/keypoints-VERSION.tgz, ready for
# `npm install`. It holds the module and the modules it is made of, its worker, Go's wasm_exec.js, the wasm, the
# polyfill and their types, as wasm/npm/package.json's "files" lists them; package.json and README.md come from
# wasm/npm, LICENSE from the repository's root.
PACKAGE_OUT := $(BUILD)/package

.PHONY: package test-package

package: wasm
	node wasm/npm/pack.mjs $(WASM_OUT) $(PACKAGE_OUT)

# The package as a user gets it: installed from the packed file into an empty project, built into a page by Vite with
# the configuration its README gives and by webpack with none, each page run in headless Chromium, and a TypeScript
# consumer type-checked.
test-package: package
	@test -x /usr/bin/chromium || { echo "test-package: /usr/bin/chromium is missing (apt-get install chromium)"; exit 1; }
	@# npm ci again when the lock file is newer than the install, as after a pull that changed it.
	cd wasm/test/package && { test node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund; }
	KEYPOINTS_BUILD=$(BUILD) node --test wasm/test/package/*.test.mjs
