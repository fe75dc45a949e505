// freshModule, for the module's tests: a new instance of the built module, with an engine of its own to load. Its
// parts are modules that Node.js loads once per URL, so the instance is a copy of the built folder, removed after
// the test file.

import { after } from 'node:test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);

const copies = [];
after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function freshModule() {
  const dir = mkdtempSync(join(tmpdir(), 'keypoints-module-'));
  copies.push(dir);
  cpSync(fileURLToPath(new URL('wasm/', build)), dir, { recursive: true });
  return import(pathToFileURL(join(dir, 'keypoints.js')).href);
}
