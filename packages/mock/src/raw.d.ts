// A file imported with `?raw` is its text: inlined by the build (tsup.config.ts) and by vitest alike.
declare module '*?raw' {
  const text: string;
  export default text;
}
