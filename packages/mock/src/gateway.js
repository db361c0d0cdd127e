// The gateway in front of one host's Prism: it checks what the real servers check and answers as they document
// it — the common headers (1001), the signature over the raw body (1003), the ts window (1004), the accessKey
// (1005), the operation's bizType and action (1002), the request against the spec (the host's documented
// parameter codes) — then lets Prism answer, and calls webhooks back after an accepted send.
import { Agent, createServer, request as httpRequest } from 'node:http';
import busboy from 'busboy';
import { verifySignature } from '@org/nxwa-signing';
import { callbackAllowed, scheduleStatusCallbacks } from './callbacks.js';
import { createValidator } from './validation.js';

const METHODS = ['get', 'put', 'post', 'delete'];
const STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

/** Sends the request on to Prism over kept-alive connections; resolves with its status, headers and body text. */
function forward(agent, port, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, contentType: res.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('Prism did not answer within 30 s')));
    req.on('error', reject);
    req.end(body.length > 0 ? body : undefined);
  });
}

class HttpFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function compileRoutes(spec) {
  const routes = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const names = [];
    const regex = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
    for (const method of METHODS.filter((m) => item[m])) {
      const op = item[method];
      const errors = op['x-nxcloud-errors'] ?? [];
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p, i) => {
        const ref = p.$ref;
        const param = ref ? spec.components.parameters[ref.split('/').pop()] : p;
        const pointer = ref
          ? `/components/parameters/${ref.split('/').pop()}/schema`
          : `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${i < (item.parameters ?? []).length ? '' : `${method}/`}parameters/${i < (item.parameters ?? []).length ? i : i - (item.parameters ?? []).length}/schema`;
        return { ...param, pointer };
      });
      routes.push({
        path,
        method,
        regex,
        names,
        op,
        parameters,
        mediaTypes: Object.keys(op.requestBody?.content ?? {}),
        // The documented parameter code for a field (21058 for tenant_id, …), and the one for everything else.
        fieldCodes: new Map(errors.filter((e) => e.field).map((e) => [e.field, e])),
        genericParameterCode: errors.find((e) => e.category === 'parameter' && !e.field) ?? { code: 1002, message: 'Parameter error' },
        sends: op['x-nxcloud-sends-message'] === true,
      });
    }
  }
  return routes;
}

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpFailure(413, undefined, `The body is larger than the mock's limit of ${limit} bytes.`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => !failed && resolve(Buffer.concat(chunks)));
    req.on('error', (error) => !failed && reject(error));
  });
}

/** Parses a multipart/form-data body into its fields (a file stands as a placeholder string). */
function parseMultipart(headers, raw, limit) {
  return new Promise((resolve, reject) => {
    let parser;
    try {
      parser = busboy({ headers, limits: { fileSize: limit, files: 5, fields: 50, parts: 60 } });
    } catch (error) {
      return reject(new Error(error.message));
    }
    const fields = {};
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      let size = 0;
      stream.on('data', (d) => (size += d.length));
      stream.on('end', () => (fields[name] = `<file ${info.filename ?? ''} ${size} bytes>`));
    });
    parser.on('error', (error) => reject(new Error(error.message)));
    parser.on('close', () => resolve(fields));
    parser.end(raw);
  });
}

const coerce = (schema, value) => {
  const types = [].concat(schema?.type ?? []);
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
};

export function createGateway({ host, spec, prismPort, accounts, listen = '127.0.0.1', port = 0, maxBodyBytes = 20 * 1024 * 1024, webhookUrl, allowAnyCallbackTarget = false, callbackDelayMs = 200, log = () => {} }) {
  const routes = compileRoutes(spec);
  const validator = createValidator(host, spec);
  const family = host === 'api2.nxcloud.com' ? 'classic' : 'saas';
  const cancels = new Set();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  const envelope = (code, message, extra = {}) => JSON.stringify({ code, message, data: null, ...(family === 'saas' ? { traceId: `mock-${Date.now().toString(16)}` } : {}), ...extra });

  async function handle(req, res) {
    // Concatenated, not resolved: a path starting with // is a path here, not a protocol-relative URL.
    let url;
    try {
      url = new URL(`http://mock.invalid${req.url.startsWith('/') ? '' : '/'}${req.url}`);
    } catch {
      throw new HttpFailure(400, -1, `The request target ${JSON.stringify(req.url.slice(0, 100))} is not a valid URL path.`);
    }
    if (req.method === 'GET' && url.pathname === '/__health') {
      return { status: 200, body: JSON.stringify({ status: 'ok', host }) };
    }
    const raw = await readBody(req, maxBodyBytes);
    const method = req.method.toLowerCase();
    const route = routes.find((r) => r.method === method && r.regex.test(url.pathname));
    if (!route) {
      const other = routes.find((r) => r.regex.test(url.pathname));
      return other
        ? { status: 405, body: envelope(-1, `${req.method} is not allowed on ${url.pathname}; use ${other.method.toUpperCase()}.`) }
        : { status: 404, body: envelope(-1, `No operation ${req.method} ${url.pathname} on ${host}.`) };
    }

    // What the real servers check, in this order.
    const headers = req.headers;
    for (const name of ['accessKey', 'ts', 'bizType', 'action', 'sign']) {
      if (!headers[name.toLowerCase()]) return { status: 200, code: 1001, body: envelope(1001, `Missing parameters: the ${name} header is missing.`) };
    }
    const secret = accounts.get(headers.accesskey);
    const contentType = headers['content-type'] ?? '';
    const verdict = verifySignature({ headers, body: raw, accessSecret: secret ?? '\u0000', maxDriftMs: 60_000 });
    if (!verdict.valid && (verdict.reason === 'malformed-ts' || verdict.reason === 'stale-ts')) {
      return { status: 200, code: 1004, body: envelope(1004, `Timestamp expired: ${verdict.message}`) };
    }
    if (secret === undefined) return { status: 200, code: 1005, body: envelope(1005, 'Insufficient permissions: the accessKey is not known to this mock.') };
    if (!verdict.valid) return { status: 200, code: 1003, body: envelope(1003, `Invalid signature: ${verdict.message}`) };
    if (headers.biztype !== route.op['x-nxcloud-biz-type'] || headers.action !== route.op['x-nxcloud-action']) {
      return { status: 200, code: 1002, body: envelope(1002, `Parameter error: ${route.method.toUpperCase()} ${route.path} takes bizType "${route.op['x-nxcloud-biz-type']}" and action "${route.op['x-nxcloud-action']}"; got bizType "${headers.biztype}" and action "${headers.action}".`) };
    }

    // The request against the spec.
    const problems = [];
    const match = route.regex.exec(url.pathname);
    const decode = (v) => {
      try {
        return decodeURIComponent(v);
      } catch {
        return v;
      }
    };
    const pathValues = Object.fromEntries(route.names.map((n, i) => [n, decode(match[i + 1])]));
    for (const p of route.parameters) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      const value = p.in === 'path' ? pathValues[p.name] : url.searchParams.get(p.name);
      if (value === null || value === undefined) {
        if (p.required) problems.push({ field: p.name, top: p.name, text: `${p.in} parameter ${p.name}: is required` });
        continue;
      }
      problems.push(...validator.parameter(p.pointer, coerce(validator.resolve(p.schema), value), p.name, p.in));
    }
    let body;
    if (route.mediaTypes.length > 0) {
      const wantsJson = route.mediaTypes.includes('application/json');
      const isJson = /^application\/json\b/i.test(contentType);
      const isMultipart = /^multipart\/form-data\b/i.test(contentType);
      if ((wantsJson && !isJson) || (!wantsJson && !isMultipart)) {
        return { status: 200, code: 1003, body: envelope(1003, `Invalid signature: the Content-Type must be ${route.mediaTypes.join(' or ')} for this operation.`) };
      }
      if (raw.length === 0) {
        problems.push({ field: '', top: '', text: '(body): is required' });
      } else if (isJson) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch (error) {
          problems.push({ field: '', top: '', text: `(body): is not valid JSON (${error.message})` });
        }
      } else {
        try {
          body = await parseMultipart(headers, raw, maxBodyBytes);
        } catch (error) {
          problems.push({ field: '', top: '', text: `(body): is not a valid multipart/form-data body (${error.message})` });
        }
      }
      if (body !== undefined) problems.push(...validator.body(route.path, route.method, isJson ? 'application/json' : 'multipart/form-data', body));
    }
    if (problems.length > 0) {
      const named = problems.map((p) => route.fieldCodes.get(p.top)).find(Boolean);
      const code = named ?? route.genericParameterCode;
      return { status: 200, code: code.code, body: envelope(code.code, `${code.message}: ${problems.map((p) => p.text).join('; ')}`) };
    }

    // Prism answers. The mock's own headers are not passed on.
    const forwarded = { ...headers };
    for (const name of ['x-nxwa-callbacks', 'host', 'connection', 'transfer-encoding', 'keep-alive']) delete forwarded[name];
    forwarded['content-length'] = String(raw.length);
    const answer = await forward(agent, prismPort, req.method, `${url.pathname}${url.search}`, forwarded, raw);
    let { text } = answer;
    let code;
    if (answer.status === 422) {
      const detail = (() => {
        try {
          return JSON.parse(text).validation?.[0]?.message;
        } catch {
          return undefined;
        }
      })();
      const c = route.genericParameterCode;
      return { status: 200, code: c.code, body: envelope(c.code, `${c.message}: ${detail ?? 'the request does not match the spec'}`) };
    }
    // Prism's answer is read only when the mock has something to do with it: a send to call back or whose
    // cus_message_id becomes the message ID.
    const target = route.sends && body ? (body.dr_webhook ?? webhookUrl) : undefined;
    if (!target && !body?.cus_message_id) {
      const peeked = /"code"\s*:\s*(-?\d+)/.exec(text.slice(0, 64));
      return { status: answer.status, code: peeked ? Number(peeked[1]) : undefined, body: text, contentType: answer.contentType ?? 'application/json' };
    }
    try {
      const parsed = JSON.parse(text);
      code = parsed.code;
      if (route.sends && code === 0 && body) {
        // As the real server: a cus_message_id is the message's ID in the answer and in its callbacks.
        if (body.cus_message_id && parsed.data?.messages?.[0]) parsed.data.messages[0].id = body.cus_message_id;
        text = JSON.stringify(parsed);
        const messageId = parsed.data?.messages?.[0]?.id ?? parsed.data?.message_id;
        if (target && messageId) {
          const wanted = String(headers['x-nxwa-callbacks'] ?? 'sent,delivered,read').split(',').map((s) => s.trim()).filter((s) => STATUSES.has(s));
          if (!callbackAllowed(target, allowAnyCallbackTarget)) {
            log(`callback to ${target} refused: not a loopback address (start the mock with --allow-any-callback-target to allow it)`);
          } else {
            const cancel = scheduleStatusCallbacks({ url: target, messageId, to: body.to ?? body.recipient, statuses: wanted, credentials: { accessKey: headers.accesskey, accessSecret: secret }, delayMs: callbackDelayMs, log, family });
            cancels.add(cancel);
          }
        }
      }
    } catch {
      // Not JSON: passed on as it is.
    }
    return { status: answer.status, code, body: text, contentType: answer.contentType ?? 'application/json' };
  }

  const server = createServer(async (req, res) => {
    const started = Date.now();
    let result;
    try {
      result = await handle(req, res);
    } catch (error) {
      if (!(error instanceof HttpFailure)) log(`${host} ${req.method} internal error: ${error.stack ?? error.message}`);
      const status = error instanceof HttpFailure ? error.status : 500;
      const code = error instanceof HttpFailure ? (error.code ?? routes[0]?.genericParameterCode.code ?? -1) : -1;
      result = { status, code, body: envelope(code, error instanceof HttpFailure ? error.message : `The mock failed: ${error.message}`) };
    }
    if (!res.headersSent) {
      res.writeHead(result.status, { 'content-type': result.contentType ?? 'application/json', connection: result.status === 413 ? 'close' : 'keep-alive' });
      res.end(result.body);
    }
    log(`${host} ${req.method} ${req.url.split('?')[0]} → ${result.status}${result.code !== undefined ? ` code ${result.code}` : ''} ${Date.now() - started}ms`);
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.on('clientError', (error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });

  return {
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, listen, () => resolve(`http://${listen.includes(':') ? `[${listen}]` : listen}:${server.address().port}`));
      }),
    stop: () =>
      new Promise((resolve) => {
        for (const cancel of cancels) cancel();
        agent.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
