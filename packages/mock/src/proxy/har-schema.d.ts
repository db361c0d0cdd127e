// har-schema ships its JSON Schemas of HAR 1.2 without typings: an object of schemas, one per HAR object.
declare module 'har-schema' {
  const schemas: Record<string, object>;
  export default schemas;
}
