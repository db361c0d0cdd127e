import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/callbacks.ts', 'src/testing.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // Dependencies stay dependencies: bundlers of our users dedupe them.
  external: ['@org/nxwa-signing', 'openapi-fetch', 'openapi-typescript-helpers'],
});
