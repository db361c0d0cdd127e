// An injectable fetch that records each attempt and answers from a script, so the client's behaviour can be
// checked attempt by attempt (the loopback tests use a real server instead).
import { createHash } from 'node:crypto';

export const credentials = { accessKey: 'unit-key', accessSecret: 'unit-secret-q8w7' };

export interface Attempt {
  request: Request;
  body: string;
  headers: Record<string, string>;
}

export type Answer = Response | Error | ((attempt: Attempt) => Response | Error | Promise<Response | Error>);

export function scriptedFetch(answers: Answer[]) {
  const attempts: Attempt[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const body = await request.clone().text();
    const attempt = { request, body, headers: Object.fromEntries(request.headers) };
    attempts.push(attempt);
    let answer = answers[Math.min(attempts.length - 1, answers.length - 1)];
    if (typeof answer === 'function') answer = await answer(attempt);
    if (answer instanceof Error) throw answer;
    return answer.clone();
  };
  return { fetch, attempts };
}

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });

export const ok = (data: unknown = { messaging_product: 'whatsapp', messages: [{ id: 'wamid.1' }] }) =>
  json({ code: 0, message: 'Request successful', data });
export const failure = (code: number, message = 'failed', extra: object = {}) =>
  json({ code, message, data: null, ...extra });

/** The signature of an attempt, computed independently with node:crypto. */
export function independentSign(a: Attempt, secret = credentials.accessSecret): string {
  const multipart = /^multipart\/form-data/i.test(a.headers['content-type'] ?? '');
  const body = !multipart && a.body.length > 0 ? `&body=${a.body}` : '';
  return createHash(a.headers.algorithm ?? 'md5')
    .update(
      `accessKey=${a.headers.accesskey}&action=${a.headers.action}&bizType=${a.headers.biztype}&ts=${a.headers.ts}${body}&accessSecret=${secret}`,
      'utf8',
    )
    .digest('hex');
}

export const textMessage = {
  appkey: 'f543ertg',
  business_phone: '18500008399',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'hello' },
} as const;

export const noSleep = async () => {};
