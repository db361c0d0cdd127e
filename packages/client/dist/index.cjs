"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/generated/error-texts.ts
var error_texts_exports = {};
__export(error_texts_exports, {
  errorTexts: () => errorTexts
});
var errorTexts;
var init_error_texts = __esm({
  "src/generated/error-texts.ts"() {
    "use strict";
    errorTexts = [
      [
        "NxCloud failed to process the request.",
        "Contact NxCloud technical support to troubleshoot the issue."
      ],
      [
        "A required common header (accessKey, ts, bizType, action or sign) is missing.",
        "Send every common header with every request."
      ],
      [
        "The bizType or action header does not match the operation, or the body is not what the operation takes.",
        "Check the bizType and action headers against the operation, and the body against its schema."
      ],
      [
        "The sign header does not match: wrong Content-Type, a signed body that differs from the body sent (line breaks and spaces included), a wrong accessSecret, or a wrong algorithm.",
        "Serialise the body once and sign exactly that text; send the Content-Type the operation documents; check the secret and the algorithm header."
      ],
      [
        "The ts header is not in milliseconds, or differs from the server's clock by more than 60000 ms.",
        "Send the current time in milliseconds; correct the local clock (or a clock offset) and sign again."
      ],
      [
        "The accessKey is wrong, or the account does not have the business (bizType) it calls.",
        "Check the accessKey, and ask the vendor to enable the WhatsApp business for the account."
      ],
      [
        "A required parameter is missing or invalid.",
        "Check the required parameters."
      ],
      [
        "NxCloud failed with a business error of its own.",
        "Contact NxCloud technical support to troubleshoot the issue."
      ],
      [
        "The business (merchant) phone number is not a WhatsApp number of the account.",
        "Confirm that the merchant number belongs to a WhatsApp number."
      ],
      [
        "The application (appkey) does not exist or is disabled.",
        "Contact NxCloud business personnel to create or enable the cloud platform application."
      ],
      [
        "The application has no price for the recipient's country.",
        "Contact NxCloud business personnel to set up the application's pricing."
      ],
      [
        "Meta's WhatsApp API refused the request; data.error carries Meta's error object.",
        "Read data.error (Meta's code, message and details) and act on Meta's error."
      ],
      [
        "The WhatsApp number is not linked to the application.",
        "Contact NxCloud business personnel to bind the application and the phone number."
      ],
      [
        "The template does not exist or has been suspended for low quality.",
        "Check the template name and language, and the template's status and quality."
      ],
      [
        "The application has no OTP template group.",
        "Ask NxCloud to set up the application's OTP template group."
      ],
      [
        "The category is neither AUTHENTICATION nor UTILITY, or has no template.",
        "Send category AUTHENTICATION or UTILITY (or leave it out)."
      ],
      [
        "No run of 4 to 8 consecutive digits was found in content.",
        "Put the one-time code, 4 to 8 digits, in content."
      ],
      [
        "The business phone number is not bound to the application.",
        "Contact NxCloud business personnel to bind the application and the phone number."
      ],
      [
        "The SaaS platform failed to process the request.",
        "Contact NxCloud support."
      ],
      [
        "tenant_id is required.",
        "Send tenant_id."
      ],
      [
        "appkey is required (the document calls it app_key).",
        "Send appkey."
      ],
      [
        "business_phone is required.",
        "Send business_phone."
      ],
      [
        "to (the recipient's number) is required.",
        "Send to (or, on hosts that take it, recipient)."
      ],
      [
        "type is required; allowed values [template].",
        'Send type "template".'
      ],
      [
        "template is required.",
        "Send the template object."
      ],
      [
        "The customer does not exist.",
        "Check tenant_id and the account."
      ],
      [
        "The cloud platform failed to send.",
        "Retry later; contact support if it persists."
      ],
      [
        "Sending the WhatsApp message failed.",
        "Retry later; contact support if it persists."
      ],
      [
        'No merchant has this business_phone ("business_phone={0} not found").',
        "Check business_phone."
      ],
      [
        "The number is unavailable (No Core App).",
        "Contact NxCloud business personnel to set up the number's application."
      ],
      [
        "The number is invalid.",
        "Check the recipient's number (country code first, digits only)."
      ],
      [
        "The recipient is not a WhatsApp user.",
        "Reach the recipient through another channel."
      ],
      [
        'The template has no language pack for the language given ("Language pack not found {0}").',
        "Send a language the template has been translated into."
      ],
      [
        "The template does not exist.",
        "Check the template name."
      ],
      [
        "The application has no price for the recipient's country.",
        "Contact NxCloud business personnel to set up the application's pricing."
      ],
      [
        `Phone number error. The newer (English, Indonesia) page says "Recipient phone error"; the older Chinese page says the merchant's phone number is wrong (\u5546\u6237\u624B\u673A\u53F7\u9519\u8BEF). The newer wording wins.`,
        "Check the recipient's number, then business_phone."
      ],
      [
        "The application does not exist or is unavailable.",
        "Check appkey; contact NxCloud business personnel."
      ],
      [
        "The account balance is insufficient.",
        "Top up the account."
      ],
      [
        "The WhatsApp number is not bound to an application.",
        "Contact NxCloud business personnel to bind the number and the application."
      ],
      [
        "WhatsApp failed to send; the message field says why.",
        "Read the message field and act on it."
      ],
      [
        "The template does not exist or is of low quality.",
        "Check the template name, status and quality."
      ],
      [
        "The merchant has not configured a WhatsApp app. The document labels it a parameter error; it is a matter of the account's configuration, which no change to the request fixes.",
        "Configure the merchant's WhatsApp app in the NxCloud console."
      ],
      [
        "The parameters are invalid.",
        "Check the parameters against the operation's schema."
      ]
    ];
  }
});

// src/index.ts
var index_exports = {};
__export(index_exports, {
  NxcloudError: () => NxcloudError,
  classifyCode: () => classifyCode,
  createApi2Client: () => createApi2Client,
  createHkClient: () => createHkClient,
  createIdnClient: () => createIdnClient,
  createNxcloudClient: () => createNxcloudClient,
  createSaasClient: () => createSaasClient,
  describeCode: () => describeCode,
  documentedCodes: () => documentedCodes
});
module.exports = __toCommonJS(index_exports);

// src/client.ts
var import_openapi_fetch = __toESM(require("openapi-fetch"), 1);

// src/generated/operations.ts
var errorEntries = [[-1, "transient", true], [1001, "auth", false], [1002, "auth", false], [1003, "auth", false], [1004, "auth", true], [1005, "auth", false], [9e3, "parameter", false], [9001, "transient", true], [9002, "business", false], [9003, "business", false], [9004, "business", false], [9099, "business", false], [10003, "business", false], [10005, "business", false], [9013, "business", false], [9014, "parameter", false], [9015, "parameter", false], [9006, "business", false], [-1, "transient", true], [21058, "parameter", false], [21059, "parameter", false], [21060, "parameter", false], [21061, "parameter", false], [21062, "parameter", false], [21063, "parameter", false], [22020, "business", false], [22041, "transient", true], [22042, "transient", true], [22049, "business", false], [22089, "business", false], [22090, "business", false], [22091, "business", false], [22092, "business", false], [22093, "business", false], [22122, "business", false], [22123, "business", false], [22124, "business", false], [22125, "business", false], [22126, "business", false], [22141, "business", false], [23025, "business", false], [22016, "business", false], [22072, "parameter", false]];
var SENDS = 1;
var MULTIPART = 2;
var operationTable = { "api2.nxcloud.com": { "post /api/wa/mt": ["mt", "2", 1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]], "post /api/wa/otp": ["mt", "2", 1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 11, 12, 13]], "post /api/wa/uploadMedia": ["uploadMedia", "2", 2, [0, 1, 2, 3, 4, 5, 6, 7, 8, 17]], "post /api/wa/getMedia": ["getMedia", "2", 0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 17]], "post /api/wa/deleteMedia": ["deleteMedia", "2", 0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 17]] }, "api.nxcloud.com": { "post /saas/wa/send": ["mt", "2", 1, [18, 1, 2, 3, 4, 5, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]] }, "api-idn.nxlink.ai": { "post /saas/wa/send": ["mt", "2", 1, [18, 1, 2, 3, 4, 5, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]] }, "api-hk.nxlink.ai": { "get /saas/wa/template/{phone}": ["mt", "2", 0, [18, 1, 2, 3, 4, 5, 41, 42]], "put /saas/wa/template/{phone}": ["mt", "2", 0, [18, 1, 2, 3, 4, 5, 41, 42]], "post /saas/wa/template/{phone}": ["mt", "2", 0, [18, 1, 2, 3, 4, 5, 41, 42]], "get /saas/wa/template/{phone}/{id}": ["mt", "2", 0, [18, 1, 2, 3, 4, 5, 41, 42]], "delete /saas/wa/template/{phone}/{id}": ["mt", "2", 0, [18, 1, 2, 3, 4, 5, 41, 42]], "get /saas/wa/flow/{phone}": ["mt", "2", 0, [18, 1, 2, 3, 4, 5, 41, 42]], "post /saas/wa/media/{phone}": ["mt", "2", 2, [18, 1, 2, 3, 4, 5, 41, 42]] } };

// src/errors.ts
var NxcloudError = class extends Error {
  name = "NxcloudError";
  constructor({ message, cause, ...fields }) {
    super(message, cause === void 0 ? void 0 : { cause });
    Object.assign(this, { category: "transient", retryable: false }, fields);
  }
};
var codesOf = (host, key) => (operationTable[host]?.[key]?.[3] ?? []).map((index) => {
  const [code, category, retryable] = errorEntries[index];
  return { code, category, retryable, index };
});
function classifyCode(host, key, code) {
  const own = codesOf(host, key).find((c) => c.code === code);
  if (own) return own;
  for (const other of Object.keys(operationTable[host] ?? {})) {
    const found = codesOf(host, other).find((c) => c.code === code);
    if (found) return found;
  }
  return void 0;
}
var loadTexts = () => Promise.resolve().then(() => (init_error_texts(), error_texts_exports)).then((m) => m.errorTexts);
async function documentedCodes(host, key) {
  const texts = await loadTexts();
  return codesOf(host, key).map(({ code, category, retryable, index }) => ({ code, meaning: texts[index][0], remedy: texts[index][1], category, retryable }));
}
async function describeCode(host, key, code) {
  const found = classifyCode(host, key, code);
  if (!found) return void 0;
  const [meaning, remedy] = (await loadTexts())[found.index];
  return { code, meaning, remedy, category: found.category, retryable: found.retryable };
}

// src/transport.ts
var import_nxwa_signing = require("@org/nxwa-signing");
var abortableSleep = (ms, signal) => new Promise((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason);
  const timer = setTimeout(() => {
    signal?.removeEventListener("abort", onAbort);
    resolve();
  }, ms);
  const onAbort = () => {
    clearTimeout(timer);
    reject(signal?.reason);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
});
function createTransport(options) {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 3e4;
  const retry = options.retry ?? {};
  const maxAttempts = Math.max(1, retry.attempts ?? 3);
  const table = operationTable[options.host] ?? {};
  const state = { clockOffsetMs: options.clockOffsetMs ?? 0 };
  (0, import_nxwa_signing.signatureHeaders)({ accessKey: options.accessKey, accessSecret: options.accessSecret, algorithm: options.algorithm, action: "check", bizType: "0", ts: 1e12 });
  const failure = (kind, operation, message, extra = {}) => new NxcloudError({ kind, message: `${operation} ${message}`, operation, host: options.host, category: "transient", retryable: kind !== "aborted", ...extra });
  async function attempt(call, operation) {
    const controller = new AbortController();
    const { signal } = call;
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error("timeout"));
    }, timeoutMs);
    try {
      const { headers } = call;
      const signed = (0, import_nxwa_signing.signatureHeaders)({
        accessKey: options.accessKey,
        accessSecret: options.accessSecret,
        algorithm: options.algorithm,
        action: call.action,
        bizType: call.bizType,
        ts: Math.round(now() + state.clockOffsetMs),
        body: call.multipart ? void 0 : call.body
      });
      for (const name in signed) headers.set(name, signed[name]);
      const init = { method: call.method, headers, body: call.body, signal: controller.signal };
      const response = await (options.fetch ? options.fetch(new Request(call.url, init)) : globalThis.fetch(call.url, init));
      if (response.status === 429 || response.status >= 500) {
        const error2 = failure("http", operation, `answered HTTP ${response.status}.`, { status: response.status });
        return { response, error: error2, safeForSends: response.status === 429 };
      }
      if (response.status !== 200) return { response };
      const text = await response.text();
      let body;
      try {
        body = JSON.parse(text);
        parsed.set(response, { json: body });
      } catch (error2) {
        parsed.set(response, { error: error2 });
        return { response };
      }
      const code = typeof body?.code === "number" ? body.code : void 0;
      if (code === void 0 || code === 0) return { response };
      const error = await apiError(options.host, operation, body, response.status);
      if (code === 1004) {
        const date = Date.parse(response.headers.get("date") ?? "");
        return { response, error, serverTime: Number.isNaN(date) ? void 0 : date, safeForSends: true };
      }
      return classifyCode(options.host, opKey(operation), code)?.retryable ? { response, error } : { response };
    } catch (cause) {
      if (signal?.aborted) throw failure("aborted", operation, "was aborted.", { cause: signal.reason });
      if (timedOut) return { error: failure("timeout", operation, `got no answer within ${timeoutMs} ms.`) };
      if (cause instanceof NxcloudError) throw cause;
      const refused = /ECONNREFUSED/.test(String(cause?.cause?.code ?? ""));
      return { error: failure("network", operation, `failed: ${cause?.message ?? String(cause)}.`, { cause }), safeForSends: refused };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }
  return {
    state,
    fetchFor(operation, serialized) {
      const key = opKey(operation);
      const entry = table[key];
      const isSend = ((entry?.[2] ?? 0) & SENDS) !== 0;
      return async (request) => {
        if (!entry) throw new NxcloudError({ kind: "invalid-response", message: `${operation} is not an operation of ${options.host}.`, operation, host: options.host });
        let call;
        if (request instanceof PlannedRequest) {
          const { method, headers, body, signal } = request.init;
          const own = headers instanceof Headers ? headers : new Headers(headers);
          call = { url: request.url, method: method ?? "GET", headers: own, body, multipart: body instanceof FormData, signal, action: entry[0], bizType: entry[1] };
        } else {
          const contentType = request.headers.get("content-type") ?? "";
          const body = serialized?.() ?? (request.body === null ? void 0 : new Uint8Array(await request.arrayBuffer()));
          call = { url: request.url, method: request.method, headers: new Headers(request.headers), body, multipart: /^\s*multipart\/form-data/i.test(contentType), signal: request.signal, action: entry[0], bizType: entry[1] };
        }
        const started = now();
        let clockCorrected = false;
        for (let n = 1; ; n++) {
          const outcome = await attempt(call, operation);
          if (!outcome.error) return outcome.response;
          const error = outcome.error;
          let delayMs;
          if (outcome.serverTime !== void 0) {
            if (options.correctClockSkew === false || clockCorrected) return outcome.response;
            clockCorrected = true;
            state.clockOffsetMs = outcome.serverTime - now();
            delayMs = 0;
          } else {
            const allowed = !isSend || retry.sends === true || outcome.safeForSends === true;
            if (!allowed || n >= maxAttempts) return finish(outcome);
            const retryAfter = Number(outcome.response?.headers.get("retry-after"));
            const backoff = Math.min(retry.maxDelayMs ?? 8e3, (retry.baseDelayMs ?? 250) * 2 ** (n - 1));
            delayMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1e3 : Math.round(backoff * (0.5 + random() / 2));
            if (now() + delayMs - started > (retry.deadlineMs ?? 6e4)) return finish(outcome);
          }
          retry.onRetry?.({ attempt: n + 1, delayMs, error, operation });
          if (delayMs > 0) {
            try {
              await sleep(delayMs, call.signal ?? null);
            } catch (cause) {
              throw failure("aborted", operation, "was aborted.", { cause });
            }
          }
        }
      };
    }
  };
}
var PlannedRequest = class {
  url;
  init;
  constructor(url, init) {
    this.url = url;
    this.init = init;
  }
};
var parsed = /* @__PURE__ */ new WeakMap();
function finish(outcome) {
  if (outcome.response) return outcome.response;
  throw outcome.error;
}
var opKey = (operation) => {
  const space = operation.indexOf(" ");
  return `${operation.slice(0, space).toLowerCase()} ${operation.slice(space + 1)}`;
};
async function apiError(host, operation, body, status) {
  const known = await describeCode(host, opKey(operation), body.code);
  const meta = body.code === 9099 && body.data && typeof body.data.error === "object" ? body.data.error : void 0;
  const serverMessage = typeof body.message === "string" && body.message ? body.message : known?.meaning ?? "no message";
  return new NxcloudError({
    kind: "api",
    code: body.code,
    message: `${operation} failed with code ${body.code}: ${serverMessage}${meta?.message ? ` (Meta: ${meta.message})` : ""}`,
    traceId: typeof body.traceId === "string" ? body.traceId : void 0,
    meta,
    status,
    operation,
    host,
    category: known?.category ?? "business",
    retryable: known?.retryable ?? false,
    meaning: known?.meaning ?? "This code is not documented for the operation.",
    remedy: known?.remedy
  });
}

// src/client.ts
function toFormData(body) {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value === void 0 || value === null) continue;
    if (value instanceof Blob) form.set(key, value, value.name || key);
    else form.set(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  return form;
}
var isEnvelope = (v) => typeof v === "object" && v !== null && typeof v.code === "number";
function createNxcloudClient(host, options) {
  const transport = createTransport({ ...options, host });
  const table = operationTable[host] ?? {};
  const client = (0, import_openapi_fetch.default)({ baseUrl: options.baseUrl ?? `https://${host}`, querySerializer: (0, import_openapi_fetch.createQuerySerializer)() });
  let middlewareCount = options.middleware?.length ?? 0;
  if (middlewareCount) client.use(...options.middleware);
  const method = (name) => async (path, init = {}) => {
    const operation = `${name} ${path}`;
    const multipart = ((table[opKey(operation)]?.[2] ?? 0) & MULTIPART) !== 0;
    const body = multipart && init.body && !(init.body instanceof FormData) ? toFormData(init.body) : init.body;
    let result;
    try {
      let text;
      const bodySerializer = (value) => value instanceof FormData ? value : text = JSON.stringify(value);
      const planned = middlewareCount === 0 ? { Request: PlannedRequest } : {};
      result = await client[name](path, { ...init, ...planned, body, bodySerializer, parseAs: "stream", fetch: transport.fetchFor(operation, () => text) });
    } catch (error) {
      if (error instanceof NxcloudError) return { error };
      if (error instanceof SyntaxError) {
        return { error: new NxcloudError({ kind: "invalid-response", message: `${operation} answered with a body that is not JSON.`, operation, host, cause: error }) };
      }
      throw error;
    }
    const { response } = result;
    let read = parsed.get(response) ?? (response.ok ? void 0 : { json: result.error });
    if (!read) {
      const text = await response.text();
      try {
        read = { json: JSON.parse(text) };
      } catch (error) {
        read = { error };
      }
    }
    if ("error" in read && response.ok) {
      return { error: new NxcloudError({ kind: "invalid-response", status: response.status, message: `${operation} answered with a body that is not JSON.`, operation, host, cause: read.error }), response };
    }
    const envelope = "json" in read ? read.json : void 0;
    if (!response.ok && !isEnvelope(envelope)) {
      return { error: new NxcloudError({ kind: "http", status: response.status, message: `${operation} answered HTTP ${response.status}.`, operation, host, category: "transient", retryable: response.status === 429 || response.status >= 500 }), response };
    }
    if (!isEnvelope(envelope)) {
      return { error: new NxcloudError({ kind: "invalid-response", status: response.status, message: `${operation} answered without the {code, message, data} envelope.`, operation, host }), response };
    }
    const traceId = typeof envelope.traceId === "string" ? envelope.traceId : void 0;
    if (envelope.code === 0 && response.ok) return { data: envelope.data, traceId, response };
    return { error: await apiError(host, operation, envelope, response.status), traceId, response };
  };
  return {
    GET: method("GET"),
    POST: method("POST"),
    PUT: method("PUT"),
    DELETE: method("DELETE"),
    use: (...middleware) => {
      middlewareCount += middleware.length;
      client.use(...middleware);
    },
    get clockOffsetMs() {
      return transport.state.clockOffsetMs;
    }
  };
}
var createApi2Client = (options) => createNxcloudClient("api2.nxcloud.com", options);
var createSaasClient = (options) => createNxcloudClient("api.nxcloud.com", options);
var createIdnClient = (options) => createNxcloudClient("api-idn.nxlink.ai", options);
var createHkClient = (options) => createNxcloudClient("api-hk.nxlink.ai", options);
//# sourceMappingURL=index.cjs.map