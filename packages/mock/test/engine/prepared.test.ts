// Answers prepared once per operation: a routed request asks Prism once per method, path, Accept and Prefer; the
// engine still answers each documented choice as Prism does.
import { describe, expect, it } from 'vitest';
import { PREPARED_ANSWERS, preparedAnswers } from '../../src/engine/prepared.js';
import { createEngine, type EngineAnswer, type EngineRequest } from '../../src/engine/prism.js';
import { loadOperations, loadSpec } from '../../src/http/hosts.js';

const send = (more: Partial<EngineRequest> = {}): EngineRequest => ({
  method: 'post',
  path: '/api/wa/mt',
  operationPath: '/api/wa/mt',
  query: {},
  headers: {},
  body: { to: '8613600009759' },
  ...more,
});

/** An answer function that counts how often it is asked, and answers which request it was. */
function counted() {
  const asked: EngineRequest[] = [];
  const answer = async (r: EngineRequest): Promise<EngineAnswer> => {
    asked.push(r);
    return { status: 200, contentType: 'application/json', body: { n: asked.length, prefer: r.headers.prefer } };
  };
  return { asked, answer };
}

describe('preparedAnswers', () => {
  it('asks once per method, path, Accept and Prefer, whatever the body', async () => {
    const { asked, answer } = counted();
    const prepared = preparedAnswers(answer);
    const first = await prepared(send());
    expect(await prepared(send({ body: { to: 'another' } }))).toBe(first);
    expect(asked).toHaveLength(1);
    await prepared(send({ headers: { prefer: 'example=code-10005' } }));
    await prepared(send({ headers: { accept: 'application/xml' } }));
    await prepared(send({ path: '/api//wa/mt' }));
    await prepared(send({ method: 'get' }));
    expect(asked).toHaveLength(5);
    expect((await prepared(send({ headers: { prefer: 'example=code-10005' } }))).body).toEqual({
      n: 2,
      prefer: 'example=code-10005',
    });
    expect(asked).toHaveLength(5);
  });

  it('asks every time for a request the checks did not route, or one the engine must see', async () => {
    const { asked, answer } = counted();
    const prepared = preparedAnswers(answer, { keeps: (r) => r.path !== '/with-callbacks' });
    await prepared(send({ operationPath: undefined }));
    await prepared(send({ operationPath: undefined }));
    await prepared(send({ path: '/with-callbacks' }));
    await prepared(send({ path: '/with-callbacks' }));
    expect(asked).toHaveLength(4);
  });

  it('does not keep a failure, and keeps no more than its limit', async () => {
    let fail = true;
    const { asked, answer } = counted();
    const prepared = preparedAnswers((r: EngineRequest) => (fail ? Promise.reject(new Error('down')) : answer(r)), {
      limit: 2,
    });
    await expect(prepared(send())).rejects.toThrow('down');
    fail = false;
    await prepared(send());
    await prepared(send());
    expect(asked).toHaveLength(1);
    for (const id of ['a', 'b', 'b']) await prepared(send({ path: `/media/${id}` }));
    // The limit (2) is reached with /media/a: /media/b is asked each time.
    expect(asked).toHaveLength(4);
    expect(PREPARED_ANSWERS).toBeGreaterThan(0);
  });
});

describe('the engine with prepared answers', () => {
  it('answers each documented choice as Prism does, however they alternate', async () => {
    const engine = await createEngine(loadSpec('api2.nxcloud.com'), loadOperations('api2.nxcloud.com'));
    const codeOf = async (prefer?: string) => {
      const a = await engine.answer(send({ headers: prefer ? { prefer } : {} }));
      return [a.status, (a.body as { code?: number }).code];
    };
    for (let round = 0; round < 2; round++) {
      expect(await codeOf()).toEqual([200, 0]);
      expect(await codeOf('example=code-10005')).toEqual([200, 10005]);
      expect(await codeOf('example=metaFailure')).toEqual([200, 9099]);
      expect((await codeOf('example=no-such-example'))[0]).toBe(404);
      expect((await codeOf('code=abc'))[0]).toBe(422);
    }
    engine.stop();
    await expect(engine.answer(send())).rejects.toThrow('stopped');
  });
});
