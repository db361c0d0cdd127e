// Values kept as JSON bytes: every read decodes a fresh copy, an assignment is kept as it is, and a spread copy (as
// a state file's restore makes) can be packed again, each through the same shared accessor.
import { describe, expect, it } from 'vitest';
import { keepAsJsonBytes } from '../../../src/sandbox/records/packed.js';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('keepAsJsonBytes', () => {
  it('reads a fresh copy each time, enumerable in spreads and JSON, with no hidden slot in either', () => {
    const m: { id: string; body?: unknown } = { id: 'a' };
    keepAsJsonBytes(m, 'body', bytes({ text: 'hi' }));
    expect(m.body).toEqual({ text: 'hi' });
    expect(m.body).not.toBe(m.body);
    expect(Object.keys(m)).toEqual(['id', 'body']);
    expect(JSON.stringify(m)).toBe('{"id":"a","body":{"text":"hi"}}');
    const copy = { ...m };
    expect(Object.getOwnPropertyDescriptor(copy, 'body')).toMatchObject({ value: { text: 'hi' }, writable: true });
  });

  it('keeps an assigned value as it is, until bytes are kept again', () => {
    const m: { body?: unknown } = {};
    keepAsJsonBytes(m, 'body', bytes({ n: 1 }));
    const note = { omitted: 'gone' };
    m.body = note;
    expect(m.body).toBe(note);
    keepAsJsonBytes(m, 'body', bytes({ n: 2 }));
    expect(m.body).toEqual({ n: 2 });
  });

  it('packs a spread copy that holds the key as plain data, leaving the original alone', () => {
    const original: { body?: unknown } = {};
    keepAsJsonBytes(original, 'body', bytes({ n: 1 }));
    const copy = { ...original };
    keepAsJsonBytes(copy, 'body', bytes({ n: 2 }));
    expect(copy.body).toEqual({ n: 2 });
    expect(copy.body).not.toBe(copy.body);
    expect(original.body).toEqual({ n: 1 });
  });

  it('gives every object the same accessor for a key, and objects of two keys each their own', () => {
    const [a, b] = [{}, {}] as { body?: unknown; definition?: unknown }[];
    keepAsJsonBytes(a, 'body', bytes(1));
    keepAsJsonBytes(b, 'body', bytes(2));
    keepAsJsonBytes(b, 'definition', bytes(3));
    const getter = (o: object, key: string) => Object.getOwnPropertyDescriptor(o, key)?.get;
    expect(getter(a, 'body')).toBe(getter(b, 'body'));
    expect(getter(b, 'definition')).not.toBe(getter(b, 'body'));
    expect([a.body, b.body, b.definition]).toEqual([1, 2, 3]);
  });
});
