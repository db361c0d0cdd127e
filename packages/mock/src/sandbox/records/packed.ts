// Large values the sandbox keeps — a message's body, a template's definition — are held as their JSON bytes, outside
// V8's heap, and decoded on each read. Kept as objects they sit in the collected heap, which V8 lets grow to a few
// times what is live before a full collection: a thousand 60 KB bodies then cost hundreds of megabytes.

// One getter and setter per key, shared by every object, with the value in a slot of the object: a closure per object
// would cost allocations each, and V8 keeps objects that share an accessor on one fast shape. The slot holds the
// JSON bytes, or the value assigned since in a box.
interface Accessor {
  slot: symbol;
  descriptor: PropertyDescriptor;
}
const accessors = new Map<string, Accessor>();

function accessorOf(key: string): Accessor {
  let found = accessors.get(key);
  if (found) return found;
  const slot = Symbol(`${key} as JSON bytes`);
  found = {
    slot,
    descriptor: {
      enumerable: true,
      configurable: true,
      get(this: any) {
        const held: Buffer | { value: unknown } = this[slot];
        return Buffer.isBuffer(held) ? JSON.parse(held.toString('utf8')) : held.value;
      },
      set(this: any, value: unknown) {
        this[slot] = { value };
      },
    },
  };
  accessors.set(key, found);
  return found;
}

/**
 * Makes `target[key]` read as the JSON value of `bytes` (a fresh copy on each read); assigning to it afterwards
 * keeps the assigned value as it is. The property stays enumerable, so spreads and JSON.stringify see the value.
 * Objects given the key before they have it keep V8's fast properties; an existing key is replaced all the same.
 */
export function keepAsJsonBytes<T extends object>(target: T, key: keyof T & string, bytes: Buffer): void {
  const { slot, descriptor } = accessorOf(key);
  (target as any)[slot] = bytes;
  // A spread copy carries the slot but holds the key as plain data: it gets the accessor too.
  if (!Object.hasOwn(target, key) || Object.getOwnPropertyDescriptor(target, key)?.get !== descriptor.get)
    Object.defineProperty(target, key, descriptor);
}

/** The JSON bytes of `value`. */
export const jsonBytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? 'null');
