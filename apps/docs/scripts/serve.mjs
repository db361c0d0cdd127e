#!/usr/bin/env node
// Serves the built site (dist/) on 127.0.0.1; PORT (default 4080) or --port. Used by `pnpm start` and the tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.yaml': 'application/yaml; charset=utf-8', '.png': 'image/png' };

/** A static server of `dir` on 127.0.0.1; resolves with its URL and a stop function. */
export function serveSite(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(`http://site${req.url}`).pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => server.close(r)) }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 4080));
  const dist = join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error('The site is not built: run `pnpm --filter @org/nxwa-docs build` first.');
    process.exit(1);
  }
  const { url } = await serveSite(dist, port);
  console.log(`docs               ${url}/`);
}
