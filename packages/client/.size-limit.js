// Size budgets, measured minified and gzipped with every dependency bundled (the signing package and its
// hashes included).
export default [
  {
    name: 'runtime entry, as loaded at start (without the chunks loaded on the first failure, or in Node only)',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    limit: '10 kB',
    // The meaning and remedy texts of the documented codes, the code that builds the error of a failed call and
    // the wait before a retry are loaded by a dynamic import on the first failed call only, the middleware runner on the first call with
    // middleware, and the timeout's dispatcher on the first call in Node (no other runtime loads it); they are
    // measured on their own below.
    modifyEsbuildConfig: (config) => ({
      ...config,
      external: [
        ...(config.external ?? []),
        './error-texts-*.js',
        './failures-*.js',
        './middleware-*.js',
        './dispatched-*.js',
      ],
    }),
  },
  {
    name: 'error building chunk (loaded on the first failure; what it shares with the entry is counted there)',
    path: 'dist/failures-*.js',
    gzip: true,
    // It also reads every answer that is not a plain success, labels HTTP failures, describes and lists the
    // documented codes (describeCode, documentedCodes) and computes the wait before a retry (backoff.ts): all moved
    // out of the entry, whose every byte is loaded, into this chunk, loaded on a failure only.
    limit: '1.9 kB',
    modifyEsbuildConfig: (config) => ({
      ...config,
      external: [...(config.external ?? []), './chunk-*.js', './error-texts-*.js'],
    }),
  },
  {
    name: 'error texts chunk (loaded on the first failure)',
    path: 'dist/error-texts-*.js',
    gzip: true,
    limit: '3 kB',
  },
  {
    name: 'middleware chunk (loaded on the first call with middleware)',
    path: 'dist/middleware-*.js',
    gzip: true,
    limit: '1 kB',
  },
  {
    name: "Node's timeout dispatcher chunk (loaded on the first call in Node)",
    path: 'dist/dispatched-*.js',
    gzip: true,
    limit: '1 kB',
    modifyEsbuildConfig: (config) => ({ ...config, external: [...(config.external ?? []), './chunk-*.js'] }),
  },
  {
    name: 'callbacks entry',
    path: 'dist/callbacks.js',
    import: '*',
    gzip: true,
    limit: '6 kB',
  },
  {
    // For tests only: every documented callback payload and the signer; never loaded by the runtime entry.
    name: 'testing entry (fixtures and signCallback)',
    path: 'dist/testing.js',
    import: '*',
    gzip: true,
    limit: '8 kB',
  },
];
