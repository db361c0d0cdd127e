import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { inject } from 'vitest';
import { createNxcloudClient, type NxcloudClientOptions, type NxcloudHost } from '@org/nxwa-client';

export const HOSTS: NxcloudHost[] = ['api2.nxcloud.com', 'api.nxcloud.com', 'api-idn.nxlink.ai', 'api-hk.nxlink.ai'];
export const demo = { accessKey: 'nxwa-demo-key', accessSecret: 'nxwa-demo-secret' };

export const spec = (host: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'spec', 'dist', `${host}.json`), 'utf8'));

export const client = <H extends NxcloudHost>(host: H, options: Partial<NxcloudClientOptions> = {}) =>
  createNxcloudClient(host, { ...demo, baseUrl: inject('urls')[host], retry: { attempts: 1 }, ...options });

const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addFormat('int64', true);
ajv.addFormat('binary', true);
for (const host of HOSTS) ajv.addSchema(spec(host), `https://nxwa.invalid/${host}`);
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Validates an answer's envelope against the schema the client's types are generated from. */
export function answerProblems(host: string, path: string, method: string, envelope: unknown): string | undefined {
  const validate = ajv.getSchema(`https://nxwa.invalid/${host}#/paths/${esc(path)}/${method}/responses/200/content/application~1json/schema`) ?? ajv.compile({ $ref: `https://nxwa.invalid/${host}#/paths/${esc(path)}/${method}/responses/200/content/application~1json/schema` });
  return validate(envelope) ? undefined : ajv.errorsText(validate.errors);
}

export interface ExampleCase {
  host: NxcloudHost;
  method: string;
  path: string;
  name: string;
  mediaType?: string;
  body?: any;
  params: { path: Record<string, unknown>; query: Record<string, unknown> };
}

/** Every named request example of every spec (and, for bodiless operations, their parameter examples). */
export function exampleCases(): ExampleCase[] {
  return HOSTS.flatMap((host) => {
    const doc = spec(host);
    return Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      ['get', 'post', 'put', 'delete'].filter((m) => item[m]).flatMap((method) => {
        const op = item[method];
        const params = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown> };
        for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
          const param = p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p;
          if (param.in === 'path' || param.in === 'query') params[param.in as 'path' | 'query'][param.name] = param.example;
        }
        if (!op.requestBody) return [{ host, method, path, name: '(parameter examples)', params }];
        return Object.entries<any>(op.requestBody.content).flatMap(([mediaType, media]) =>
          Object.entries<any>(media.examples).map(([name, e]) => ({ host, method, path, name, mediaType, body: e.value, params })),
        );
      }),
    );
  });
}

/** A multipart example shows its file as a placeholder string; a real file part is sent instead. */
export const withRealFile = (c: ExampleCase) =>
  c.mediaType === 'multipart/form-data' && 'file' in c.body ? { ...c.body, file: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: c.body.type }) } : c.body;
