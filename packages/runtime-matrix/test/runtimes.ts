// How each runtime gets the check script and runs it: the bundles (esbuild, one per kind of entry), the binaries
// (from the registry packages' platform packages), and one runner per runtime, each bounded in time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '@org/nxwa-chromium';
import { build } from 'esbuild';
import { type MatrixConfig, type MatrixReport, REPORT_MARKER } from '../src/fixtures.js';

const packageDir = join(import.meta.dirname, '..');
export const buildDir = join(packageDir, 'build');
const require = createRequire(import.meta.url);
// Deno, Bun and workerd (miniflare) come from a project of their own outside the workspace (runtimes/), which
// pnpm test installs before the matrix runs: installing the workspace does not fetch their binaries.
const runtimesDir = join(packageDir, 'runtimes');
const fromRuntimes = createRequire(join(runtimesDir, 'package.json'));
const NOT_INSTALLED = `run pnpm test, which installs it (or pnpm install --dir packages/runtime-matrix/runtimes --ignore-workspace --frozen-lockfile)`;

/** A runtime process or browser that has not finished by then is killed: a bound, not a verdict on speed. */
const RUN_BOUND_MS = 150_000;

export interface Bundles {
  cli: string;
  worker: string;
  browser: string;
}

/** Bundles the one check script for each kind of entry, with the built dist of the packages inside. */
export async function bundleChecks(): Promise<Bundles> {
  for (const pkg of ['@org/nxwa-signing', '@org/nxwa-client']) {
    const dist = join(dirname(require.resolve(`${pkg}/package.json`)), 'dist', 'index.js');
    if (!existsSync(dist))
      throw new Error(`${pkg} is not built (${dist} is missing): run pnpm --filter ${pkg} build, or pnpm test.`);
  }
  mkdirSync(buildDir, { recursive: true });
  const bundles: Bundles = {
    cli: join(buildDir, 'cli.mjs'),
    worker: join(buildDir, 'worker.mjs'),
    browser: join(buildDir, 'browser.mjs'),
  };
  for (const [entry, outfile] of Object.entries(bundles)) {
    await build({
      entryPoints: [join(packageDir, 'src', 'entries', `${entry}.ts`)],
      outfile,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      // Node, Deno and Bun load the neutral bundle; workerd and Chromium the browser one.
      platform: entry === 'cli' ? 'neutral' : 'browser',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
  }
  return bundles;
}

const PLATFORM_PACKAGES: Record<'deno' | 'bun', { file: string; packages: Record<string, string> }> = {
  deno: {
    file: 'deno',
    packages: {
      'linux-x64': '@deno/linux-x64-glibc',
      'linux-arm64': '@deno/linux-arm64-glibc',
      'darwin-x64': '@deno/darwin-x64',
      'darwin-arm64': '@deno/darwin-arm64',
    },
  },
  bun: {
    file: 'bin/bun',
    packages: {
      'linux-x64': '@oven/bun-linux-x64',
      'linux-arm64': '@oven/bun-linux-aarch64',
      'darwin-x64': '@oven/bun-darwin-x64',
      'darwin-arm64': '@oven/bun-darwin-aarch64',
    },
  },
};

/**
 * The path of a runtime's binary, taken from the platform package its registry package installs as an optional
 * dependency (so no install script needs to have run). Throws a message saying what is missing.
 */
export function runtimeBinary(runtime: 'deno' | 'bun', platform = `${process.platform}-${process.arch}`): string {
  const { file, packages } = PLATFORM_PACKAGES[runtime];
  const platformPackage = packages[platform];
  if (!platformPackage)
    throw new Error(
      `The ${runtime} package has no binary for ${platform} that this matrix knows (it knows ${Object.keys(packages).join(', ')}).`,
    );
  let packageJson: string;
  try {
    packageJson = fromRuntimes.resolve(`${runtime}/package.json`);
  } catch {
    throw new Error(`The ${runtime} package is not installed in ${runtimesDir}: ${NOT_INSTALLED}.`);
  }
  let binary: string;
  try {
    binary = join(dirname(createRequire(packageJson).resolve(`${platformPackage}/package.json`)), file);
  } catch {
    throw new Error(
      `No ${runtime} binary: ${platformPackage}, the optional dependency of ${runtime} for ${platform}, is not installed (run pnpm install; optional dependencies must not be skipped).`,
    );
  }
  if (!existsSync(binary)) throw new Error(`No ${runtime} binary at ${binary}: reinstall ${platformPackage}.`);
  return binary;
}

const nodeVersionsDir = join(packageDir, 'node-versions');

/**
 * The binary of another Node version, from the registry package its own project (node-versions/, outside the
 * workspace) installs for this platform. Throws a message saying what is missing.
 */
export function nodeBinary(major: string, platform = `${process.platform}-${process.arch}`): string {
  const name = `node${major}-${platform}`;
  const declared = (
    JSON.parse(readFileSync(join(nodeVersionsDir, 'package.json'), 'utf8')) as {
      optionalDependencies: Record<string, string>;
    }
  ).optionalDependencies;
  if (!declared[name])
    throw new Error(
      `No Node ${major} for ${platform}: node-versions/package.json pins it for ${Object.keys(declared)
        .filter((d) => d.startsWith(`node${major}-`))
        .map((d) => d.slice(`node${major}-`.length))
        .join(', ')} only.`,
    );
  const binary = join(nodeVersionsDir, 'node_modules', name, 'bin', 'node');
  if (!existsSync(binary))
    throw new Error(
      `No Node ${major} binary at ${binary}: run pnpm test, which installs it (or pnpm install --dir packages/runtime-matrix/node-versions --ignore-workspace).`,
    );
  return binary;
}

/** Runs a command-line runtime on the check bundle and reads the report it prints. */
export async function runProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<MatrixReport> {
  const child = spawn(command, args, {
    cwd: buildDir,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: RUN_BOUND_MS,
    killSignal: 'SIGKILL',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`${name} did not start (${command}): ${error.message}`)));
    child.on('close', (c, s) => resolve([c, s]));
  });
  const line = stdout.split('\n').find((l) => l.startsWith(REPORT_MARKER));
  if (!line) {
    const how =
      signal === 'SIGKILL'
        ? `was stopped after ${RUN_BOUND_MS / 1000} s`
        : signal === 'SIGILL'
          ? "crashed on an instruction this CPU lacks (Bun's x64 binary needs AVX2)"
          : `exited with ${signal ?? code}`;
    throw new Error(
      `${name} printed no report: it ${how}.\n--- stderr (end) ---\n${stderr}\n--- stdout (end) ---\n${stdout.slice(-2_000)}`,
    );
  }
  return JSON.parse(line.slice(REPORT_MARKER.length)) as MatrixReport;
}

/** What the matrix uses of miniflare (its types are not in the workspace: it is installed in runtimes/). */
type MiniflareClass = new (
  options: Record<string, unknown>,
) => {
  dispatchFetch(url: string, init: { method: string; body: string }): Promise<Response>;
  dispose(): Promise<void>;
};
async function loadMiniflare(): Promise<MiniflareClass> {
  let entry: string;
  try {
    entry = fromRuntimes.resolve('miniflare');
  } catch {
    throw new Error(`miniflare is not installed in ${runtimesDir}: ${NOT_INSTALLED}.`);
  }
  return ((await import(pathToFileURL(entry).href)) as { Miniflare: MiniflareClass }).Miniflare;
}

/**
 * Runs the worker bundle in workerd through Miniflare and takes the report from its answer. The compatibility
 * date must be one the pinned workerd knows: a later one makes it refuse to start.
 */
async function runWorker(config: MatrixConfig, bundles: Bundles, compatibilityFlags: string[]): Promise<MatrixReport> {
  const mf = new (await loadMiniflare())({
    modules: true,
    modulesRoot: buildDir,
    scriptPath: bundles.worker,
    compatibilityDate: '2026-04-20',
    compatibilityFlags,
  });
  try {
    const response = await mf.dispatchFetch('http://matrix.local/', { method: 'POST', body: JSON.stringify(config) });
    const text = await response.text();
    if (!response.ok) throw new Error(`The worker answered HTTP ${response.status}: ${text.slice(0, 2_000)}`);
    return JSON.parse(text) as MatrixReport;
  } finally {
    await mf.dispose();
  }
}

export interface Runtime {
  name: string;
  /** The runtime's own description in the report must match this: proof that it ran where it should. */
  describes: RegExp;
  /** Whether @org/nxwa-signing finds node:crypto there (Node, Deno, Bun and workerd with nodejs_compat do; plain workerd and browsers do not). */
  nativeHash: boolean;
  run(config: MatrixConfig, bundles: Bundles): Promise<MatrixReport>;
}

export const runtimes: Runtime[] = [
  {
    name: 'Node (reference)',
    describes: /^Node \d+\./,
    nativeHash: true,
    run: (config, bundles) => runProcess('Node', process.execPath, [bundles.cli, JSON.stringify(config)]),
  },
  // Node's fetch is a different undici in each (6, 7, 8): the client's timeout goes through undici's dispatcher API,
  // whose handlers changed in undici 8.
  ...['22', '24', '26'].map(
    (major): Runtime => ({
      name: `Node ${major}`,
      describes: new RegExp(`^Node ${major}\\.`),
      nativeHash: true,
      run: (config, bundles) => runProcess(`Node ${major}`, nodeBinary(major), [bundles.cli, JSON.stringify(config)]),
    }),
  ),
  {
    name: 'Deno',
    describes: /^Deno 2\./,
    nativeHash: true,
    run: (config, bundles) =>
      runProcess(
        'Deno',
        runtimeBinary('deno'),
        ['run', '--no-config', '--no-lock', '--allow-net=127.0.0.1', bundles.cli, JSON.stringify(config)],
        {
          // Deno's cache stays in the package; no update check, no prompt, no package.json discovery.
          DENO_DIR: join(buildDir, 'deno-dir'),
          DENO_NO_UPDATE_CHECK: '1',
          DENO_NO_PROMPT: '1',
          DENO_NO_PACKAGE_JSON: '1',
        },
      ),
  },
  {
    name: 'Bun',
    describes: /^Bun 1\./,
    nativeHash: true,
    run: (config, bundles) =>
      runProcess('Bun', runtimeBinary('bun'), [bundles.cli, JSON.stringify(config)], {
        // No telemetry or crash reports leave the machine; no transpiler cache outside the package.
        DO_NOT_TRACK: '1',
        BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
      }),
  },
  {
    name: 'workerd (miniflare)',
    describes: /^workerd$/,
    nativeHash: false,
    // No compatibility flag: web-standard APIs only, the pure-JS hashes.
    run: (config, bundles) => runWorker(config, bundles, []),
  },
  {
    name: 'workerd with nodejs_compat (miniflare)',
    describes: /^workerd$/,
    nativeHash: true,
    // What most Workers projects enable: node:crypto becomes reachable, and the package uses it.
    run: (config, bundles) => runWorker(config, bundles, ['nodejs_compat']),
  },
  {
    name: 'Chromium',
    describes: /HeadlessChrome\//,
    nativeHash: false,
    async run(config) {
      const browser = await launchChromium({ timeout: RUN_BOUND_MS });
      try {
        const page = await browser.newPage();
        page.setDefaultTimeout(RUN_BOUND_MS);
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        await page.route('**/*', (route) => {
          const url = new URL(route.request().url());
          if (url.origin !== config.origin) {
            problems.push(`request outside the test server: ${url.href}`);
            return route.abort();
          }
          return route.continue();
        });
        await page.goto(`${config.origin}/matrix.html`);
        await page.waitForFunction(() => 'nxwaRuntimeMatrix' in globalThis);
        const report = await page.evaluate(
          (c) =>
            (globalThis as unknown as { nxwaRuntimeMatrix(c: MatrixConfig): Promise<MatrixReport> }).nxwaRuntimeMatrix(
              c,
            ),
          config,
        );
        // Failed loads (the 503 and 429 of the retry check) are console errors by design; uncaught errors are not.
        if (problems.length > 0)
          report.checks.push({
            name: 'page: no uncaught error, no outside request',
            ok: false,
            error: problems.join('\n'),
          });
        return report;
      } finally {
        await browser.close();
      }
    },
  },
];
