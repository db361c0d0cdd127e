// A local webhook for the lifecycle tests: records every callback (raw body, headers, parsed JSON) and answers what
// the test tells it to; and a check of a callback body against the spec's webhook schema.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { HOSTS, spec } from './support.js';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json: any;
}

/** A webhook on a free loopback port; `answer` picks each callback's HTTP status (200 by default). */
export async function webhook(answer: (r: Received, nth: number) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const r: Received = { path: req.url ?? '', headers: req.headers, raw, json: JSON.parse(raw.toString('utf8')) };
    received.push(r);
    res.statusCode = answer(r, received.filter((x) => x.path === r.path).length);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** What came to one path. */
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addFormat('int64', true);
ajv.addFormat('binary', true);
for (const host of HOSTS) ajv.addSchema(spec(host), `https://nxwa.invalid/webhooks/${host}`);

/** Problems of a callback body against the request body schema of the host's webhook `name` (undefined: valid). */
export function webhookProblems(host: string, name: string, body: unknown): string | undefined {
  const ref = `https://nxwa.invalid/webhooks/${host}#/webhooks/${name}/post/requestBody/content/application~1json/schema`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  return validate(body) ? undefined : ajv.errorsText(validate.errors);
}
