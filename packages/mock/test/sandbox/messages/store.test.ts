// The message record: the newest `limit` kept, and a dropped message lets go of its body, which callbacks still
// under way (holding the message to record their attempts) would otherwise keep alive past the bound. Bodies are kept
// as their JSON (a large one as bytes outside V8's heap), the newest `maxBodyBytes` of them.
import { describe, expect, it } from 'vitest';
import {
  createMessageStore,
  KEPT_BODIES_BYTES,
  type MockMessage,
  plainMessage,
} from '../../../src/sandbox/messages/store.js';

const send = (id: string) => ({
  id,
  host: 'api2.nxcloud.com',
  operation: 'POST /api/wa/mt',
  accessKey: 'k',
  to: '8613600000001',
  body: { text: { body: 'x'.repeat(1000) } },
});

describe('createMessageStore', () => {
  it('drops the oldest past its limit, and the dropped message no longer holds its body', () => {
    const store = createMessageStore(2);
    const first = store.record(send('a'));
    store.record(send('b'));
    expect(first.body).toEqual({ text: { body: 'x'.repeat(1000) } });
    const third = store.record(send('c'));
    expect(
      store
        .list()
        .map((m) => m.id)
        .sort(),
    ).toEqual(['b', 'c']);
    expect(first.body).toEqual({ omitted: 'the message was dropped from the record' });
    expect(third.body).toEqual({ text: { body: 'x'.repeat(1000) } });
  });

  it('records a send by its own way in as it records any message: the same fields, in the same order', () => {
    const sameTime = (m: MockMessage) => ({ ...plainMessage(m), timeline: [] });
    for (const [to, from] of [
      ['8613600000001', '8615800001795'],
      [undefined, undefined],
    ]) {
      const fields = { id: 'a', host: 'api2.nxcloud.com', operation: 'POST /api/wa/mt', accessKey: 'k', to, from };
      const recorded = createMessageStore().record({ ...fields, body: { x: 1 }, webhook: null });
      const sent = createMessageStore().recordSend({ ...fields, webhook: null }, { x: 1 }, '{ "x": 1 }');
      expect(Object.keys(sameTime(sent))).toEqual(Object.keys(sameTime(recorded)));
      expect(sameTime(sent)).toStrictEqual(sameTime(recorded));
      expect(sent.timeline.map((e) => e.status)).toEqual(['accepted']);
    }
  });

  it('hands out a message as plain data: every field, as JSON has it, and a copy that changes nothing kept', () => {
    const store = createMessageStore();
    const m = store.record({ ...send('a'), webhook: null });
    const plain = plainMessage(m);
    expect(plain).toEqual(JSON.parse(JSON.stringify(m)));
    expect(plain).toEqual({
      direction: 'outbound',
      id: 'a',
      host: 'api2.nxcloud.com',
      operation: 'POST /api/wa/mt',
      accessKey: 'k',
      to: '8613600000001',
      webhook: null,
      body: { text: { body: 'x'.repeat(1000) } },
      status: 'accepted',
      timeline: [{ status: 'accepted', at: expect.any(String) }],
      callbacks: [],
    });
    plain.timeline.push({ status: 'sent', at: plain.timeline[0].at });
    plain.callbacks.push({ status: 'sent', url: 'http://127.0.0.1:1/', attempt: 1, at: plain.timeline[0].at });
    expect([m.timeline.length, m.callbacks.length]).toEqual([1, 0]);
    expect(store.get('a', 'k')!.status).toBe('accepted');
  });

  it('keeps a body as its JSON, a large one outside the heap: each read is a fresh copy, a changed copy changes nothing', () => {
    const store = createMessageStore();
    const m = store.record(send('a'));
    const read = m.body as { text: { body: string } };
    read.text.body = 'changed';
    expect(m.body).toEqual({ text: { body: 'x'.repeat(1000) } });
    expect(m.body).not.toBe(m.body);
    expect(JSON.parse(JSON.stringify(store.list()))[0].body).toEqual({ text: { body: 'x'.repeat(1000) } });
    // A hundred bodies of 60 KB: six megabytes of bytes outside V8's heap, not in it.
    const before = process.memoryUsage().arrayBuffers;
    const large = Array.from({ length: 100 }, (_, i) =>
      store.record({ ...send(`large-${i}`), body: { text: { body: 'y'.repeat(60_000) } } }),
    );
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThan(4_000_000);
    expect((large[99].body as { text: { body: string } }).text.body).toHaveLength(60_000);
  });

  it("keeps a send's own JSON text when given, not a second encoding of its body, and counts its bytes", () => {
    // Two bodies of 1,300 bytes as sent (spaces and all) do not fit in 2,500; encoded again, they would.
    const store = createMessageStore(10, 2_500);
    const json = `{ "text": { "body": "as sent" } }${' '.repeat(1_268)}`;
    const [a, b] = ['a', 'b'].map((id) =>
      store.record({ ...send(id), body: { text: { body: 'parsed' } }, bodyJson: json }),
    );
    expect(a.body).toEqual({ omitted: 'the record keeps the newest 2500 bytes of bodies; this one was older' });
    expect(b.body).toEqual({ text: { body: 'as sent' } });
  });

  it('keeps the newest maxBodyBytes of bodies: an older message keeps its record and a note for its body', () => {
    const store = createMessageStore(10, 2_500);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => store.record(send(id)));
    expect(a.body).toEqual({ omitted: 'the record keeps the newest 2500 bytes of bodies; this one was older' });
    expect(b.body).toEqual({ text: { body: 'x'.repeat(1000) } });
    expect(c.body).toEqual({ text: { body: 'x'.repeat(1000) } });
    expect(store.list().map((m) => m.id)).toEqual(['c', 'b', 'a']);
    store.reset();
    const [d, e] = ['d', 'e'].map((id) => store.record(send(id)));
    expect([d.body, e.body]).toEqual([{ text: { body: 'x'.repeat(1000) } }, { text: { body: 'x'.repeat(1000) } }]);
    expect(KEPT_BODIES_BYTES).toBe(32 * 1024 * 1024);
  });

  it('restores a send from an older state file with its business number as `from`, and bodies within the bound', () => {
    const store = createMessageStore(10, 2_500);
    const old = (id: string) => ({
      ...send(id),
      direction: 'outbound' as const,
      body: { business_phone: '8615800001795', text: { body: 'x'.repeat(1000) } },
      status: 'sent' as const,
      timeline: [],
      callbacks: [],
    });
    store.restore([old('a'), old('b'), old('c')]);
    const [c, b, a] = store.list();
    expect(a.body).toMatchObject({ omitted: expect.stringContaining('newest 2500 bytes') });
    expect([b.from, c.from]).toEqual(['8615800001795', '8615800001795']);
    expect(c.body).toEqual(old('c').body);
  });
});
