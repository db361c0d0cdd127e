// The code samples on every operation's page (x-codeSamples, made at build time from the bundled specs): every
// operation has a TypeScript and a curl sample; the TypeScript ones type-check under strict TypeScript against
// the workspace's @org/nxwa-client; and every sample runs, as a user would run it (node, bash + openssl + curl),
// against the local mock, which checks each signature.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMock } from '@org/nxwa-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { literal, samplesOf, shellQuote, withCodeSamples } from '../src/samples.mjs';

const app = join(import.meta.dirname, '..');
const specDir = join(app, '..', '..', 'spec');
// The NxCloud hosts: the apis whose root is under hosts/ (redocly.yaml also declares the mock's own API).
const hosts: string[] = Object.entries(parse(readFileSync(join(specDir, 'redocly.yaml'), 'utf8')).apis)
  .filter(([, api]: [string, any]) => api.root.startsWith('hosts/'))
  .map(([name]) => name);
const spec = (host: string) => JSON.parse(readFileSync(join(specDir, 'dist', `${host}.json`), 'utf8'));
// Inside the package (apps/*/build is ignored by git), so that '@org/nxwa-client' resolves as it does for users.
const dir = join(app, 'build', 'samples');
const credentials = { accessKey: 'docs-sample-key', accessSecret: 'docs-sample-secret' };

// Asynchronous: the mock's gateway runs in this process and must go on answering while a sample runs.
function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(file, args, { cwd: dir, env, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) =>
      ok({ status: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const METHODS = ['get', 'put', 'post', 'delete'];
const operations = (host: string) =>
  Object.entries<any>(spec(host).paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => `${m} ${path}`),
  );
const samples = hosts.flatMap((host) =>
  [...samplesOf(host, spec(host))].map(([key, s]) => ({ host, key, name: `${host}-${s.operationId}`, ...s })),
);

type Mock = { urls: Record<string, string>; stop: () => Promise<void> };
const mocks: Mock[] = [];
const urls: Record<string, string> = {};
let tsc: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const s of samples) {
    writeFileSync(join(dir, `${s.name}.ts`), s.typescript);
    writeFileSync(join(dir, `${s.name}.sh`), s.shell);
    // A small JPEG-looking file for the samples that upload one.
    for (const file of s.files)
      writeFileSync(join(dir, file), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../../tsconfig.base.json',
      compilerOptions: { strict: true, types: ['node'], outDir: 'out', declaration: false },
      include: ['*.ts'],
    }),
  );
  // Type-checks and compiles them (to out/), as a user's build would.
  tsc = spawnSync(join(app, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  for (const host of hosts) {
    const mock: Mock = await startMock({ hosts: [host], portBase: 0, ...credentials });
    mocks.push(mock);
    Object.assign(urls, mock.urls);
  }
}, 300_000);
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const env = (host: string, secret = credentials.accessSecret) => ({
  PATH: process.env.PATH,
  NXCLOUD_ACCESS_KEY: credentials.accessKey,
  NXCLOUD_ACCESS_SECRET: secret,
  NXCLOUD_BASE_URL: urls[host],
});

describe('quoting', () => {
  const awkward = {
    "it's": 'a "quoted" \\ back\\slash, $HOME, `cmd`, 牛小信 and a\nline',
    'Media-ID': 'x',
    n: 1,
    ok: true,
    list: [{ a: null }],
  };

  it('a TypeScript literal evaluates to the example', () => {
    expect(new Function(`return ${literal(awkward)};`)()).toEqual(awkward);
  });

  it('a shell-quoted body is the exact text, byte for byte', async () => {
    const text = JSON.stringify(awkward);
    const result = await new Promise<string>((ok, fail) =>
      execFile(
        'bash',
        ['-c', `BODY=${shellQuote(text)}; printf '%s' "$BODY"`],
        { encoding: 'utf8' },
        (error, stdout) => (error ? fail(error) : ok(stdout)),
      ),
    );
    expect(result).toBe(text);
  });
});

describe('code samples', () => {
  it.each(hosts)('%s: every operation has a TypeScript and a curl sample', (host) => {
    // What the build hands Redoc (the browser test checks the pages show it).
    const built = withCodeSamples(host, spec(host));
    for (const key of operations(host)) {
      const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      const codeSamples = built.paths[path][method]['x-codeSamples'];
      expect(
        codeSamples?.map((s: any) => s.lang),
        key,
      ).toEqual(['TypeScript', 'curl']);
      expect(codeSamples[0].source, key).toContain(`.${method.toUpperCase()}('${path}'`);
      expect(codeSamples[1].source, key).toContain('openssl dgst -md5');
    }
  });

  it('the TypeScript samples type-check (strict) against the workspace client', () => {
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });

  it.each(samples.map((s) => [`${s.host} ${s.key} (${s.example})`, s] as const))(
    'TypeScript %s runs against the mock',
    async (_, s) => {
      const result = await run(process.execPath, [join(dir, 'out', `${s.name}.js`)], env(s.host));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
    },
  );

  it.each(samples.map((s) => [`${s.host} ${s.key} (${s.example})`, s] as const))(
    'curl %s runs against the mock, its signature accepted',
    async (_, s) => {
      const result = await run('bash', [join(dir, `${s.name}.sh`)], env(s.host));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const answer = JSON.parse(result.stdout);
      expect(answer.code ?? 0, result.stdout).toBe(0);
    },
  );

  it('the mock does check the curl samples: a wrong secret is refused (1003)', async () => {
    for (const s of [
      samples[0],
      samples.find((x) => x.files.length > 0)!,
      samples.find((x) => x.key.startsWith('get '))!,
    ]) {
      const result = await run('bash', [join(dir, `${s.name}.sh`)], env(s.host, 'not-the-secret'));
      expect(JSON.parse(result.stdout).code, `${s.host} ${s.key}`).toBe(1003);
    }
  });
});
