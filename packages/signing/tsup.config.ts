import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // @noble/hashes stays a dependency: bundlers of our users dedupe it.
  external: ['@noble/hashes'],
});
