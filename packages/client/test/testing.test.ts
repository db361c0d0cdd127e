// The testing entry: a fixture for every named example of every host's webhooks (walked from the spec, so a new one
// cannot be missed), each valid against the webhook's schema, and signCallback's headers verified by parseCallback.
import { loadSpec } from '@org/nxwa-spec/examples';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CallbackError, parseCallback } from '../src/callbacks.js';
import { callbackFixtures, signCallback } from '../src/testing.js';

// ajv-formats is CommonJS: under node16 resolution its default import is the module object, whose default it is.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
const hosts = Object.keys(callbackFixtures) as (keyof typeof callbackFixtures)[];

describe('callbackFixtures', () => {
  it("hold every webhook example of every host's spec, as the spec gives it, valid against its schema", () => {
    expect(hosts.length).toBe(4);
    for (const host of hosts) {
      const spec: any = loadSpec(host);
      const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
      addFormats(ajv);
      ajv.addSchema(spec, 'https://nxwa.invalid/spec');
      const fixtures: Record<string, { webhook: string; payload: unknown }> = callbackFixtures[host];
      const expected: string[] = [];
      for (const [webhook, item] of Object.entries<any>(spec.webhooks ?? {})) {
        const media = item.post.requestBody.content['application/json'];
        const validate = ajv.compile({
          $ref: `https://nxwa.invalid/spec#/webhooks/${webhook}/post/requestBody/content/application~1json/schema`,
        });
        for (const [name, example] of Object.entries<any>(media.examples)) {
          const kind = `${webhook}.${name}`;
          expected.push(kind);
          expect(fixtures[kind]?.payload, `${host} ${kind}`).toEqual(example.value);
          expect(validate(fixtures[kind].payload), `${host} ${kind}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      }
      expect(Object.keys(fixtures).sort()).toEqual(expected.sort());
    }
    expect(Object.keys(callbackFixtures['api2.nxcloud.com'])).toEqual(
      expect.arrayContaining(['messageStatus.deleted', 'inboundMessage.location', 'accountEvent.accountUpdate']),
    );
  });
});

describe('signCallback', () => {
  const accessSecret = 'handler-secret';
  it('signs a fixture so that parseCallback takes it, and a wrong secret, stale ts or altered body does not', () => {
    const body = JSON.stringify(callbackFixtures['api-hk.nxlink.ai']['buttonClick.buttonClick'].payload);
    const headers = signCallback(body, { accessSecret });
    expect(parseCallback(body, { headers, accessSecret }).kind).toBe('button-click');
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as CallbackError).reason;
      }
    };
    expect(
      reason(() => parseCallback(body, { headers: signCallback(body, { accessSecret: 'other' }), accessSecret })),
    ).toBe('signature');
    expect(
      reason(() =>
        parseCallback(body, { headers: signCallback(body, { accessSecret, ts: Date.now() - 600_000 }), accessSecret }),
      ),
    ).toBe('signature');
    expect(reason(() => parseCallback(`${body} `, { headers, accessSecret }))).toBe('signature');
  });
});
