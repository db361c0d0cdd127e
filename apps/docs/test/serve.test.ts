// The docs server over real HTTP on 127.0.0.1: it serves the files inside its folder and nothing else (no sibling
// folder whose name starts the same, no symlink leading out, real paths compared), answers 400 to a malformed
// path, and survives whatever it is sent. Raw requests (node:http) so that no client normalises the path first.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../scripts/serve.mjs';

const app = join(import.meta.dirname, '..');
// Inside the repository (apps/*/build is ignored by git), never the system's temp folder.
const fixture = join(app, 'build', 'serve-fixture');
const site = join(fixture, 'dist');

/** One raw GET: the path is sent exactly as given. */
function get(base: string, path: string, method = 'GET'): Promise<{ status: number; body: string; type?: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body, type: res.headers['content-type'] }));
    });
    req.on('error', fail);
    req.end();
  });
}

let server: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  rmSync(fixture, { recursive: true, force: true });
  mkdirSync(join(site, 'specs'), { recursive: true });
  mkdirSync(join(fixture, 'dist-secret'), { recursive: true });
  mkdirSync(join(fixture, 'outside'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>index</title>');
  writeFileSync(join(site, 'page.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(site, 'specs', 'a.json'), '{"a":1}');
  writeFileSync(join(site, 'specs', 'a.yaml'), 'a: 1\n');
  writeFileSync(join(fixture, 'dist-secret', 's.txt'), 'sibling secret');
  writeFileSync(join(fixture, 'outside', 'o.txt'), 'outside secret');
  symlinkSync(join(fixture, 'outside', 'o.txt'), join(site, 'link.txt'));
  symlinkSync(join(fixture, 'outside'), join(site, 'linked-dir'));
  symlinkSync(join(site, 'page.html'), join(site, 'alias.html')); // a link that stays inside is fine
  server = await serveSite(site);
});
afterAll(async () => {
  await server?.stop();
  rmSync(fixture, { recursive: true, force: true });
});

describe('serveSite', () => {
  it('serves the files of its folder, with their types', async () => {
    expect(await get(server.url, '/')).toMatchObject({
      status: 200,
      body: '<!doctype html><title>index</title>',
      type: expect.stringMatching(/^text\/html/),
    });
    expect(await get(server.url, '/page.html')).toMatchObject({
      status: 200,
      type: expect.stringMatching(/^text\/html/),
    });
    expect(await get(server.url, '/specs/a.json')).toMatchObject({
      status: 200,
      body: '{"a":1}',
      type: expect.stringMatching(/^application\/json/),
    });
    expect(await get(server.url, '/specs/a.yaml')).toMatchObject({
      status: 200,
      body: 'a: 1\n',
      type: expect.stringMatching(/^application\/yaml/),
    });
    expect(await get(server.url, '/alias.html')).toMatchObject({
      status: 200,
      body: '<!doctype html><title>page</title>',
    });
    expect(await get(server.url, '/page.html?x=1#y')).toMatchObject({ status: 200 });
    expect(await get(server.url, '/nope.html')).toMatchObject({ status: 404 });
  });

  it('answers 400 to a malformed path, and goes on serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/page.html%', '/%00', '/specs/%00a.json']) {
      expect((await get(server.url, path)).status, path).toBe(400);
    }
    expect((await get(server.url, '/page.html')).status).toBe(200);
  });

  it('serves nothing from a sibling folder whose name starts like its own', async () => {
    for (const path of [
      '/..%2fdist-secret%2fs.txt',
      '/..%2Fdist-secret/s.txt',
      '/%2e%2e/dist-secret/s.txt',
      '/specs/..%2f..%2fdist-secret%2fs.txt',
      '/..%5cdist-secret%5cs.txt',
    ]) {
      const res = await get(server.url, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain('secret');
    }
  });

  it('follows no symlink out of its folder', async () => {
    for (const path of ['/link.txt', '/linked-dir/o.txt']) {
      const res = await get(server.url, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('secret');
    }
  });

  it('serves only GET and HEAD', async () => {
    expect(await get(server.url, '/page.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get(server.url, '/page.html', 'POST')).status).toBe(405);
  });
});

describe('the serve command', () => {
  let child: ChildProcess;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
  });

  it('survives a malformed path: 400, then it still answers', async () => {
    child = spawn(process.execPath, [join(app, 'scripts', 'serve.mjs'), '--port', '0', '--dir', site], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr!.on('data', (c) => (out += c));
    const url = await new Promise<string>((ok, fail) => {
      child.stdout!.on('data', (c) => {
        out += c;
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (m) ok(m[0]);
      });
      child.once('exit', (code) => fail(new Error(`serve exited (${code}): ${out}`)));
    });
    expect((await get(url, '/%')).status).toBe(400);
    expect((await get(url, '/..%2fdist-secret%2fs.txt')).body).not.toContain('secret');
    expect((await get(url, '/page.html')).status).toBe(200);
    expect(child.exitCode).toBe(null);
  });
});
