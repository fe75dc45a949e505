// Written for run.mjs: WPT's resources/testdriver-vendor.js is empty unless a browser vendor fills it in.
