// The admin table of one port on a bare server over stores of its own (records can be made there directly).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInbound } from '../../src/admin/inbound.js';
import { createAdmin } from '../../src/admin/index.js';
import type { InspectorOptions } from '../../src/admin/inspector/events.js';
import { createDelivery } from '../../src/callbacks/deliver.js';
import { writeAnswer } from '../../src/http/answer.js';
import { createMediaStore } from '../../src/sandbox/media/store.js';
import { createMessageStore } from '../../src/sandbox/messages/store.js';

export async function bareAdmin(inspector: Pick<InspectorOptions, 'maxStreams' | 'batchMs' | 'maxBuffered'> = {}) {
  const store = createMessageStore();
  const delivery = createDelivery({ retryBaseMs: 0, log: () => {} });
  const admin = createAdmin({
    host: 'test',
    messages: store,
    media: createMediaStore(),
    inbound: createInbound({
      messages: store,
      delivery,
      accounts: new Map([['k', 's']]),
      allowAnyCallbackTarget: false,
    }),
    resetAll: () => store.reset(),
    maxBodyBytes: 1024 * 1024,
    log: () => {},
    inspector,
  });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bare.invalid');
    if (!admin.owns(url.pathname)) return void res.writeHead(404).end();
    const answer = await admin.answer(req, res, url);
    if (answer) writeAnswer(res, answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    store,
    admin,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      admin.close();
      delivery.cancelAll();
      server.close();
    },
  };
}
