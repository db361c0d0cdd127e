// The texts of x-nxcloud-errors are the vendor's words: each `meaning` and `message` is quoted from a page in
// reference/, each `remedy` too unless it is marked as ours ("nxwa suggests: "). The client's generated error texts
// carry the same words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Doc, hosts, loadBundle, specDir } from './support/spec.js';

const OURS = 'nxwa suggests: ';

/** Page text as a reader sees it: markdown links, line breaks, table bars and code marks dropped, spaces folded. */
const normalise = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[|`*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const referenceDir = join(specDir, 'reference');
const pages = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
})(referenceDir).map((path) => ({ path, text: normalise(readFileSync(path, 'utf8')) }));

const quoted = (words: string) => pages.some((p) => p.text.includes(normalise(words)));

/** Every x-nxcloud-errors entry of every operation, with where it is. */
const entries = hosts.flatMap((host) => {
  const doc = loadBundle(host);
  return Object.entries(doc.paths as Doc).flatMap(([path, item]) =>
    Object.entries(item as Doc)
      .filter(([method]) => method !== 'parameters')
      .flatMap(([method, op]) =>
        ((op as Doc)['x-nxcloud-errors'] as Doc[]).map((e) => ({ where: `${host} ${method} ${path}`, e })),
      ),
  );
});

describe('error texts are the pages words', () => {
  it('there are entries to check', () => expect(entries.length).toBeGreaterThan(100));

  it.each(entries.map(({ where, e }) => [`${where} ${e.code}`, e] as const))('%s', (_label, e) => {
    expect(quoted(e.message), `message "${e.message}" is on no page`).toBe(true);
    expect(quoted(e.meaning), `meaning "${e.meaning}" is on no page`).toBe(true);
    if (e.remedy.startsWith(OURS)) expect(e.remedy.length).toBeGreaterThan(OURS.length);
    else expect(quoted(e.remedy), `remedy "${e.remedy}" is on no page and not marked as ours`).toBe(true);
  });

  it('invented causes are gone', () => {
    const all = entries.map(({ e }) => `${e.meaning} ${e.remedy}`).join('\n');
    for (const invented of [
      'or has no template',
      'OTP template group',
      'country code first, digits only',
      "recipient's country",
      'quoting the traceId',
      "set up the number's application",
    ])
      expect(all).not.toContain(invented);
  });

  it("each host's -1 reads as that host's page words it", () => {
    const minusOne = (host: string) => entries.filter(({ where, e }) => where.startsWith(`${host} `) && e.code === -1);
    for (const { e } of minusOne('api.nxcloud.com')) expect([e.message, e.meaning]).toEqual(['请求失败', '请求失败']);
    for (const { e } of minusOne('api-idn.nxlink.ai')) expect(e.meaning).toBe('Failure');
    for (const { e } of minusOne('api2.nxcloud.com')) expect(e.meaning).toBe('Request failed');
  });
});

describe("the client's generated error texts", () => {
  const source = readFileSync(join(specDir, '..', 'packages', 'client', 'src', 'generated', 'error-texts.ts'), 'utf8');
  const literal = source.match(/export const errorTexts[^=]*=\s*(\[[\s\S]*\]);/)?.[1];
  // The generated file is a plain array literal of strings: reading it as JavaScript gives the texts the client ships.
  const texts = new Set((new Function(`return ${literal}`)() as string[][]).map(([m, r]) => `${m}\u0000${r}`));
  it.each(entries.map(({ where, e }) => [`${where} ${e.code}`, e] as const))('carry the words of %s', (_label, e) => {
    expect(texts.has(`${e.meaning}\u0000${e.remedy}`)).toBe(true);
  });
});
