// The message record: the newest `limit` kept, and a dropped message lets go of its body, which callbacks still
// under way (holding the message to record their attempts) would otherwise keep alive past the bound.
import { describe, expect, it } from 'vitest';
import { createMessageStore } from '../../../src/sandbox/messages/store.js';

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
});
