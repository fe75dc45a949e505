// Writes the npm package and packs it: node wasm/npm/pack.mjs WASM_OUT PACKAGE_OUT (`make package` runs it).
//
// The package is package.json's "files", taken from the wasm build (WASM_OUT, which `make wasm` fills), with
// package.json, README.md and the repository's LICENSE beside them; `npm pack` then writes keypoints-VERSION.tgz
// next to PACKAGE_OUT. "files" is the one list of what ships: a file it names that the build lacks fails here.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [wasmOut, packageOut] = process.argv.slice(2).map((p) => resolve(p));
if (!wasmOut || !packageOut) {
  fail('usage: node wasm/npm/pack.mjs WASM_OUT PACKAGE_OUT');
}

const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
rmSync(packageOut, { recursive: true, force: true });
mkdirSync(packageOut, { recursive: true });
for (const name of manifest.files) {
  const from = join(wasmOut, name);
  if (!existsSync(from)) {
    fail(`${from} is missing: run make wasm`);
  }
  copyFileSync(from, join(packageOut, name));
}
copyFileSync(join(here, 'package.json'), join(packageOut, 'package.json'));
copyFileSync(join(here, 'README.md'), join(packageOut, 'README.md'));
copyFileSync(join(here, '..', '..', 'LICENSE'), join(packageOut, 'LICENSE'));

const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dirname(packageOut), packageOut], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [packed] = JSON.parse(out);
const shipped = packed.files.map((f) => f.path).sort();
const want = [...manifest.files, 'package.json', 'README.md', 'LICENSE'].sort();
if (JSON.stringify(shipped) !== JSON.stringify(want)) {
  fail(`npm packed ${shipped.join(', ')}; package.json lists ${want.join(', ')}`);
}
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log(`package: ${join(dirname(packageOut), packed.filename)}: ${packed.entryCount} files, ` +
  `${mb(packed.size)} packed, ${mb(packed.unpackedSize)} unpacked`);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
