// What the engine gets for #fs where there is no Node.js: package.json's imports map #fs to this module under every
// condition but "node" (keypoints.fs.node.js, Node.js's file system), so that a bundle made for browsers holds no
// Node.js module. Only a file: URL is read from disk, and outside Node.js nothing can read one.

export async function readFile(url) {
  throw new TypeError(`keypoints: ${url} is a file: URL, which only Node.js can read; give the wasm as an http(s) URL or as bytes`);
}
