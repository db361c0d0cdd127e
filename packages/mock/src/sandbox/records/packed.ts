// Large values the sandbox keeps — a message's body, a template's definition — are held as their JSON bytes, outside
// V8's heap, and decoded on each read. Kept as objects they sit in the collected heap, which V8 lets grow to a few
// times what is live before a full collection: a thousand 60 KB bodies then cost hundreds of megabytes.

/**
 * Makes `target[key]` read as the JSON value of `bytes` (a fresh copy on each read); assigning to it afterwards
 * keeps the assigned value as it is. The property stays enumerable, so spreads and JSON.stringify see the value.
 */
export function keepAsJsonBytes<T extends object>(target: T, key: keyof T & string, bytes: Buffer): void {
  let packed: Buffer | undefined = bytes;
  let plain: unknown;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (packed === undefined ? plain : JSON.parse(packed.toString('utf8'))),
    set: (value: unknown) => {
      packed = undefined;
      plain = value;
    },
  });
}

/** The JSON bytes of `value`; `text` when the caller already has them (a request's own body). */
export const jsonBytes = (value: unknown, text?: Buffer): Buffer =>
  text ?? Buffer.from(JSON.stringify(value) ?? 'null');
