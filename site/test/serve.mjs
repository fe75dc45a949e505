// startServer builds cmd/serve and starts it on a free port of 127.0.0.1, serving root (a folder path). It resolves to
// {url, stop}; the URL is the one the server prints. It uses Node's built-ins only, so the benchmark harness shares it
// without the page tests' packages.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startServer(root) {
  const dir = mkdtempSync(join(tmpdir(), 'keypoints-serve-'));
  const bin = join(dir, 'serve');
  execFileSync(process.env.GO ?? 'go', ['build', '-o', bin, './cmd/serve'], { cwd: repo, stdio: 'inherit' });
  const child = spawn(bin, ['-root', root, '-port', '0'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${out}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
