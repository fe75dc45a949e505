// What keypoints.wasm links. Every byte of the module is fetched before the first summary, and packages that a
// summary never needs were once a third of it: fmt with the reflection it brings, encoding/json, regexp. Go keeps
// the name of every linked function in the module (its runtime needs them for stack traces), so a name that is
// missing is a package that is gone. Needs `make wasm` (make test-wasm).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const wasm = readFileSync(new URL('wasm/keypoints.wasm', build)).toString('latin1');

// A function each package cannot be linked without.
const unused = {
  fmt: 'fmt.(*pp).doPrintf',
  'encoding/json': 'encoding/json.',
  regexp: 'regexp.(*Regexp).',
  // The tokenizer and the entity table of summarize/internal/htmltoken stand in for these two.
  'golang.org/x/net/html': 'golang.org/x/net/html.',
  html: 'html.UnescapeString',
  os: 'os.NewFile',
  // The tagger's model and the entity table are string constants, not //go:embed files: embed brings io/fs, time
  // and the runtime's GODEBUG settings.
  'embed (io/fs)': 'io/fs.init',
  'internal/godebug': 'internal/godebug.',
  // encoding/binary brings reflect's initialization; the tagger reads and writes its numbers itself.
  reflect: 'reflect.init',
};

test('the module holds function names, so their absence means something', () => {
  assert.ok(wasm.includes('keypoints/summarize.Text'));
  assert.ok(wasm.includes('runtime.mallocgc'));
});

for (const [pkg, name] of Object.entries(unused)) {
  test(`the module does not link ${pkg}`, () => {
    assert.ok(!wasm.includes(name), `${name} is linked; what calls into ${pkg}?`);
  });
}
