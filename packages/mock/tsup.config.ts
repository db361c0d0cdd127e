import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
  // The files Node itself would load: a package's "main" before its "module" build (some packages' "module" builds
  // differ from what they were tested as, and fp-ts would be bundled twice, once for each way Prism names it).
  esbuildOptions(options) {
    options.mainFields = ['main', 'module'];
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
      // Modules of Prism's that are costly to load and that it runs only inside functions the mock never or rarely
      // calls: its own Ajv instances and schema merging (request validation; the mock validates itself), OpenAPI
      // callbacks (no spec has one) and the data generator (examples come first). Each is loaded by its first use
      // instead of at start; what runs is the same code.
      name: 'on-first-use',
      setup(build) {
        const later =
          /@stoplight\/(prism-http\/dist\/(validator\/validators\/utils|mocker\/callback\/callbacks|mocker\/generator\/JSONSchema)\.js|json-schema-merge-allof\/src\/index\.js)$/;
        build.onResolve(
          {
            filter:
              /^(\.\/utils|\.\/callback\/callbacks|\.\/(generator\/)?JSONSchema|@stoplight\/json-schema-merge-allof)$/,
          },
          async (args) => {
            if (args.pluginData === 'now' || !args.importer.includes('/@stoplight/')) return undefined;
            const found = await build.resolve(args.path, {
              importer: args.importer,
              resolveDir: args.resolveDir,
              kind: args.kind,
              pluginData: 'now',
            });
            // Anything else resolves as it would without this plugin.
            return found.errors.length === 0 && later.test(found.path)
              ? { path: found.path, namespace: 'on-first-use' }
              : undefined;
          },
        );
        // A stand-in that loads the module on its first use and forwards everything to it (calls included: a module
        // may export a function).
        build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
          contents: `let loaded;
const real = () => (loaded ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy(() => {}, {
  apply: (_, self, args) => Reflect.apply(real(), self, args),
  get: (_, key) => real()[key],
  has: (_, key) => key in real(),
  ownKeys: () => Reflect.ownKeys(real()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Reflect.getOwnPropertyDescriptor(real(), key);
    return d && { ...d, configurable: true };
  },
});`,
          resolveDir: dirname(args.path),
          loader: 'js',
        }));
      },
    },
    {
      // Its "main" build is UMD, whose requires go through a parameter that a bundler cannot follow: take its ES
      // module build.
      name: 'jsonc-parser-esm',
      setup(build) {
        build.onResolve({ filter: /^jsonc-parser$/ }, (args) => {
          const manifest = createRequire(join(args.resolveDir, 'x.js')).resolve('jsonc-parser/package.json');
          return { path: join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).module) };
        });
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
