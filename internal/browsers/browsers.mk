# The browsers the tests and benchmarks drive (internal/browsers/launch.mjs): Debian's chromium, firefox-esr and
# webkit2gtk-driver with xvfb, which .ci/run installs, and the npm packages that drive them, which `npm ci` installs
# here whenever internal/browsers/package-lock.json is newer than what node_modules holds.
BROWSER_DEPS := internal/browsers/node_modules/.package-lock.json

.PHONY: browser-deps

browser-deps: $(BROWSER_DEPS)

$(BROWSER_DEPS): internal/browsers/package.json internal/browsers/package-lock.json
	cd internal/browsers && npm ci --no-audit --no-fund
