import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

// Prism's engine and the parsers are bundled in: the versions that run on Node 20 ship with the mock, whatever a
// consumer's package manager would resolve for their ranges (their newer releases need Node >= 24.18).
// @org/nxwa-signing stays a dependency. Prism's fake-data library serves only dynamic answers, which the mock never
// asks for (examples only): a stub stands in for it, which keeps the bundle small and the start fast.
const shared: Options = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  noExternal: [/^(?!@org\/nxwa-signing)/],
  // The files Node itself would load (some packages' "module" builds differ from what they were tested as).
  esbuildOptions(options) {
    options.mainFields = ['module', 'main'];
    // Half the size; names are kept so that a stack trace in the mock's log still reads.
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
  esbuildPlugins: [
    {
      // `import text from './page.html?raw'`: the file's text, as vitest gives it to the tests of the source.
      name: 'raw',
      setup(build) {
        build.onResolve({ filter: /\?raw$/ }, (args) => ({
          // The suffix stays on the path, so that no other loader (tsup's for .css) takes the file.
          path: join(args.resolveDir, args.path),
          namespace: 'raw',
        }));
        build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
          contents: readFileSync(args.path.slice(0, -'?raw'.length), 'utf8'),
          loader: 'text',
        }));
      },
    },
    {
      name: 'no-faker',
      setup(build) {
        build.onResolve({ filter: /^@faker-js\/faker(\/.*)?$/ }, () => ({
          path: fileURLToPath(new URL('./src/engine/no-faker.cjs', import.meta.url)),
        }));
      },
    },
    {
      name: 'left-out',
      setup(build) {
        build.onResolve(
          { filter: /^(node-fetch|https?-proxy-agent|postman-collection|@stoplight\/http-spec\/postman\/.*)$/ },
          () => ({
            path: fileURLToPath(new URL('./src/engine/left-out.cjs', import.meta.url)),
          }),
        );
      },
    },
    {
      // Its "module" build patches `module.exports`, which only works unbundled: take its CommonJS build.
      name: 'ono-commonjs',
      setup(build) {
        build.onResolve({ filter: /^@jsdevtools\/ono$/ }, (args) => ({
          path: createRequire(join(args.resolveDir, 'x.js')).resolve('@jsdevtools/ono'),
        }));
      },
    },
  ],
};

export default defineConfig([
  {
    ...shared,
    entry: ['src/index.ts', 'src/cli.ts'],
    format: ['esm'],
    dts: { entry: 'src/index.ts' },
    clean: true,
    // The bundled CommonJS code requires Node's built-ins.
    banner: {
      js: "import { createRequire as __nxwaCreateRequire } from 'node:module'; const require = __nxwaCreateRequire(import.meta.url);",
    },
  },
  { ...shared, entry: ['src/index.ts'], format: ['cjs'], dts: { entry: 'src/index.ts' }, clean: false, shims: true },
]);
