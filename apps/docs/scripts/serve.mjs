#!/usr/bin/env node
// Serves the built site (dist/, or --dir) on 127.0.0.1; PORT (default 4080) or --port. Used by `pnpm start` and
// the tests. serve-handler decodes the path (400 when malformed) and refuses paths that leave the folder; every
// file-system access it makes goes through `inside` below, which compares real paths, so no symlink (of a file
// or of a folder on the way) leads out of the site.
import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import handler from 'serve-handler';

const notFound = () => Object.assign(new Error('not in the site'), { code: 'ENOENT' });

/** A static server of `dir` on 127.0.0.1; resolves with its URL and a stop function. */
export function serveSite(dir, port = 0) {
  const root = realpathSync(resolve(dir));
  // The real path of a file inside the site, else ENOENT (what serve-handler answers 404 to).
  const inside = async (path) => {
    const real = await realpath(path).catch(() => {
      throw notFound();
    });
    if (real !== root && !real.startsWith(root + sep)) throw notFound();
    return real;
  };
  const config = {
    public: root,
    cleanUrls: false, // the site links `signing.html`, not `/signing`
    directoryListing: false,
    rewrites: [{ source: '/', destination: '/index.html' }],
    headers: [{ source: '**/*.yaml', headers: [{ key: 'Content-Type', value: 'application/yaml; charset=utf-8' }] }],
  };
  const methods = {
    // Stats of the real file: never a symlink, so nothing outside is reached through one.
    lstat: async (path) => stat(await inside(path)),
    realpath: inside,
    createReadStream: async (path, options) => createReadStream(await inside(path), options),
    readdir: async () => [],
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      return res.end('method not allowed');
    }
    // A NUL byte is never part of a file name; Node's fs would throw on it.
    if (/%00/.test(req.url ?? '')) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end('bad request');
    }
    handler(req, res, config, methods).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${server.address().port}`,
        stop: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
      }),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(option('--port') ?? process.env.PORT ?? 4080);
  const dist = resolve(option('--dir') ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist'));
  if (!existsSync(join(dist, 'index.html'))) {
    console.error('The site is not built: run `pnpm --filter @org/nxwa-docs build` first.');
    process.exit(1);
  }
  const { url } = await serveSite(dist, port);
  console.log(`docs               ${url}/`);
}
