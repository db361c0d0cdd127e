// har-validator ships no typings: its promise API resolves with the data when valid and rejects with the errors.
declare module 'har-validator' {
  const validator: { har(data: unknown): Promise<unknown> };
  export default validator;
}
