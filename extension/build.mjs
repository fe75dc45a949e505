// Builds the extension from its sources, the engine (make wasm) and Readability (npm): the unpacked extension for
// Chrome in BUILD/extension/chrome and for Firefox in BUILD/extension/firefox, and a .zip of each in BUILD. Only
// Node's standard library: the zip writer is below.
//
//   node extension/build.mjs [BUILD]        BUILD defaults to the repository's build/; `make extension` runs it
//
// Both builds hold the same files; only the manifest differs. Chrome's (manifest.json, as written) has a service
// worker and a side panel; Firefox has neither, so its manifest runs the same background.js as an event page and
// shows panel.html as a sidebar. The zips are reproducible: entries in a fixed order, with a fixed date.

import { deflateRawSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const build = resolve(process.argv[2] ?? join(here, '..', 'build'));
const wasm = join(build, 'wasm');
const readability = join(here, 'node_modules', '@mozilla', 'readability');

// What goes in, as [path in the extension, path on disk].
const files = [
  ...['background.js', 'panel.html', 'panel.css', 'panel.js'].map((f) => [f, join(here, f)]),
  // The summary and source views, the summarizers and messages around the engine, and the style are the page's own,
  // so both look and behave alike; panel.css fits the style to the narrow panel.
  ['view.js', join(here, '..', 'site', 'view.js')],
  ['summarizing.js', join(here, '..', 'site', 'summarizing.js')],
  ['style.css', join(here, '..', 'site', 'style.css')],
  ...readdirSync(join(here, 'icons')).map((f) => [`icons/${f}`, join(here, 'icons', f)]),
  // The engine: the module and those it imports, its worker, the wasm and Go's loader (keypoints.d.ts and
  // package.json stay out).
  ...['keypoints.js', 'keypoints.options.js', 'keypoints.errors.js', 'keypoints.engine.js', 'keypoints.worker.js',
    'keypoints.wasm', 'wasm_exec.js'].map((f) => [f, join(wasm, f)]),
  ['vendor/Readability.js', join(readability, 'Readability.js')],
  ['vendor/Readability.LICENSE.md', join(readability, 'LICENSE.md')],
];

// The Firefox versions that have everything used: storage.session, scripting with func, module workers,
// 'wasm-unsafe-eval', MV3 sidebars, and the manifest's data_collection_permissions, the newest of them (140 on the
// desktop, an extended-support release; 142 on Android).
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';
const GECKO_ID = 'keypoints@keypoints';

function main() {
  for (const [name, from] of files) {
    if (!existsSync(from)) {
      const hint = from.startsWith(wasm) ? 'make wasm' : from.startsWith(readability) ? 'npm ci in extension/' : '';
      fail(`${from} is missing${hint ? `: run ${hint}` : ''} (for ${name})`);
    }
  }

  const chrome = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
  const targets = { chrome, firefox: firefoxManifest(chrome) };

  for (const [target, manifest] of Object.entries(targets)) {
    const out = join(build, 'extension', target);
    rmSync(out, { recursive: true, force: true });
    const entries = [['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n')]];
    for (const [name, from] of files) {
      entries.push([name, readFileSync(from)]);
    }
    for (const [name, data] of entries) {
      mkdirSync(dirname(join(out, name)), { recursive: true });
      writeFileSync(join(out, name), data);
    }
    const zipPath = join(build, `keypoints-${target}.zip`);
    writeFileSync(zipPath, zip(entries));
    const unpacked = entries.reduce((n, [, data]) => n + data.length, 0);
    console.log(`extension: ${out} (${kb(unpacked)}), ${zipPath} (${kb(statSync(zipPath).size)})`);
  }
}

// firefoxManifest is Chrome's manifest made into Firefox's: background.js as an event page (Firefox runs no
// extension service workers), the panel as a sidebar, no sidePanel permission, and the add-on id Firefox needs
// for storage and signing. The extension collects no data, which Firefox asks add-ons to declare.
function firefoxManifest(m) {
  const f = structuredClone(m);
  delete f.minimum_chrome_version;
  delete f.side_panel;
  f.background = { scripts: [m.background.service_worker] };
  f.permissions = m.permissions.filter((p) => p !== 'sidePanel');
  f.sidebar_action = {
    default_panel: m.side_panel.default_path,
    default_title: m.name,
    default_icon: m.action.default_icon,
    open_at_install: false,
  };
  f.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
  };
  return f;
}

// zip writes entries ([name, Buffer]) as a zip archive: each deflated unless that makes it bigger, every date
// 1980-01-01, names as given (UTF-8), no folder entries (browsers and stores need none).
function zip(entries) {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  const DOS_TIME = 0;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the attributes below are file modes)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(0o100644 * 0x10000, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data) {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function kb(n) {
  return `${(n / 1024).toFixed(0)} KiB`;
}

function fail(message) {
  console.error(`extension: ${message}`);
  process.exit(1);
}

main();
