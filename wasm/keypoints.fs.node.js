// What the engine gets for #fs in Node.js (package.json's imports, condition "node"): Node.js's own file system, to
// read the wasm from disk. Elsewhere #fs is keypoints.fs.js.

export { readFile } from 'node:fs/promises';
