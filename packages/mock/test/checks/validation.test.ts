// The request validator on its own: a discriminated body is judged by the branch it names, and the keywords whose
// bookkeeping the validator leaves out for a spec without them still work in a spec that has them.
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/checks/validation.js';
import type { Spec } from '../../src/http/hosts.js';
import { loadSpec } from '../../src/http/hosts.js';

const send = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
};

describe('a discriminated oneOf (api2 sends)', () => {
  const v = createValidator('api2.nxcloud.com', loadSpec('api2.nxcloud.com'));
  const problems = (body: object) => v.body('/api/wa/mt', 'post', 'application/json', body).map((p) => p.text);

  it('takes a body of the type it names', () => {
    expect(problems({ ...send, type: 'text', text: { body: 'hi' } })).toEqual([]);
    expect(problems({ ...send, type: 'image', image: { link: 'https://example.com/a.png' } })).toEqual([]);
  });

  it("names only the faults of the named type's schema", () => {
    expect(problems({ ...send, type: 'text', text: { body: 5 } })).toEqual(['text.body: must be string; got number']);
  });

  it('names a missing or unknown type once, as the field at fault', () => {
    expect(problems({ ...send, text: { body: 'hi' } })).toEqual(['type: is required']);
    expect(problems({ ...send, type: 'fax' })).toEqual([
      'type: must be one of "text", "image", "video", "audio", "document", "location", "sticker", "template"; got "fax"',
    ]);
  });
});

describe('unevaluatedProperties, in a spec that has it', () => {
  const spec = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/x': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  allOf: [{ properties: { a: { type: 'string' } } }],
                  unevaluatedProperties: false,
                },
              },
            },
          },
        },
      },
    },
  } as unknown as Spec;
  const v = createValidator('example.test', spec);

  it('takes the properties a subschema evaluated, and refuses any other', () => {
    expect(v.body('/x', 'post', 'application/json', { a: 'x' })).toEqual([]);
    expect(v.body('/x', 'post', 'application/json', { a: 'x', b: 1 })).toHaveLength(1);
  });
});
