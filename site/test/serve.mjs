// startServer builds cmd/serve and starts it on a free port of 127.0.0.1, serving root (a folder path). It resolves to
// {url, stop, served}; the URL is the one the server prints. With {count: true}, the URL is that of a front on
// another free port that passes every request to cmd/serve unchanged and lists its path in served, for the browsers
// whose automation reports no network events. It uses Node's built-ins only, so the benchmark harness shares it
// without the page tests' packages.
import { spawn, execFileSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startServer(root, { count = false } = {}) {
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
  const front = count ? await startFront(new URL(url)) : null;
  return {
    url: front?.url ?? url,
    served: front?.served ?? null,
    async stop() {
      await front?.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// startFront listens on a free port of 127.0.0.1 and passes each request on to target (a URL), noting its path.
async function startFront(target) {
  const served = [];
  const server = createServer((req, res) => {
    served.push(req.url);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
