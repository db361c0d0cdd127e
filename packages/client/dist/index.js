// src/client.ts
import createClient from "openapi-fetch";

// src/generated/errors.ts
var errorEntries = [
  [
    -1,
    "Request failed",
    "NxCloud failed to process the request.",
    "Contact NxCloud technical support to troubleshoot the issue.",
    "transient",
    true
  ],
  [
    1001,
    "Missing parameters",
    "A required common header (accessKey, ts, bizType, action or sign) is missing.",
    "Send every common header with every request.",
    "auth",
    false
  ],
  [
    1002,
    "Parameter error",
    "The bizType or action header does not match the operation, or the body is not what the operation takes.",
    "Check the bizType and action headers against the operation, and the body against its schema.",
    "auth",
    false
  ],
  [
    1003,
    "Invalid signature",
    "The sign header does not match: wrong Content-Type, a signed body that differs from the body sent (line breaks and spaces included), a wrong accessSecret, or a wrong algorithm.",
    "Serialise the body once and sign exactly that text; send the Content-Type the operation documents; check the secret and the algorithm header.",
    "auth",
    false
  ],
  [
    1004,
    "Timestamp expired",
    "The ts header is not in milliseconds, or differs from the server's clock by more than 60000 ms.",
    "Send the current time in milliseconds; correct the local clock (or a clock offset) and sign again.",
    "auth",
    true
  ],
  [
    1005,
    "Insufficient permissions",
    "The accessKey is wrong, or the account does not have the business (bizType) it calls.",
    "Check the accessKey, and ask the vendor to enable the WhatsApp business for the account.",
    "auth",
    false
  ],
  [
    9e3,
    "Parameter exception",
    "A required parameter is missing or invalid.",
    "Check the required parameters.",
    "parameter",
    false
  ],
  [
    9001,
    "System business error",
    "NxCloud failed with a business error of its own.",
    "Contact NxCloud technical support to troubleshoot the issue.",
    "transient",
    true
  ],
  [
    9002,
    "Merchant phone number error",
    "The business (merchant) phone number is not a WhatsApp number of the account.",
    "Confirm that the merchant number belongs to a WhatsApp number.",
    "business",
    false
  ],
  [
    9003,
    "Application does not exist/unavailable",
    "The application (appkey) does not exist or is disabled.",
    "Contact NxCloud business personnel to create or enable the cloud platform application.",
    "business",
    false
  ],
  [
    9004,
    "No corresponding country pricing for the application",
    "The application has no price for the recipient's country.",
    "Contact NxCloud business personnel to set up the application's pricing.",
    "business",
    false
  ],
  [
    9099,
    "WhatsApp error",
    "Meta's WhatsApp API refused the request; data.error carries Meta's error object.",
    "Read data.error (Meta's code, message and details) and act on Meta's error.",
    "business",
    false
  ],
  [
    10003,
    "WhatsApp business phone is not bind app",
    "The WhatsApp number is not linked to the application.",
    "Contact NxCloud business personnel to bind the application and the phone number.",
    "business",
    false
  ],
  [
    10005,
    "WhatsApp Template does not exist or low quality",
    "The template does not exist or has been suspended for low quality.",
    "Check the template name and language, and the template's status and quality.",
    "business",
    false
  ],
  [
    9013,
    "Customer APP does not have group",
    "The application has no OTP template group.",
    "Ask NxCloud to set up the application's OTP template group.",
    "business",
    false
  ],
  [
    9014,
    "Category does not exist",
    "The category is neither AUTHENTICATION nor UTILITY, or has no template.",
    "Send category AUTHENTICATION or UTILITY (or leave it out).",
    "parameter",
    false
  ],
  [
    9015,
    "Content does not extract otp code",
    "No run of 4 to 8 consecutive digits was found in content.",
    "Put the one-time code, 4 to 8 digits, in content.",
    "parameter",
    false
  ],
  [
    9006,
    "The WhatsApp number is not bound to the application",
    "The business phone number is not bound to the application.",
    "Contact NxCloud business personnel to bind the application and the phone number.",
    "business",
    false
  ],
  [
    -1,
    "Failure",
    "The SaaS platform failed to process the request.",
    "Contact NxCloud support.",
    "transient",
    true
  ],
  [
    21058,
    "Parameter error",
    "tenant_id is required.",
    "Send tenant_id.",
    "parameter",
    false
  ],
  [
    21059,
    "Parameter error",
    "appkey is required (the document calls it app_key).",
    "Send appkey.",
    "parameter",
    false
  ],
  [
    21060,
    "Parameter error",
    "business_phone is required.",
    "Send business_phone.",
    "parameter",
    false
  ],
  [
    21061,
    "Parameter error",
    "to (the recipient's number) is required.",
    "Send to (or, on hosts that take it, recipient).",
    "parameter",
    false
  ],
  [
    21062,
    "Parameter error",
    "type is required; allowed values [template].",
    'Send type "template".',
    "parameter",
    false
  ],
  [
    21063,
    "Parameter error",
    "template is required.",
    "Send the template object.",
    "parameter",
    false
  ],
  [
    22020,
    "Business error",
    "The customer does not exist.",
    "Check tenant_id and the account.",
    "business",
    false
  ],
  [
    22041,
    "Business error",
    "The cloud platform failed to send.",
    "Retry later; contact support if it persists.",
    "transient",
    true
  ],
  [
    22042,
    "Business error",
    "Sending the WhatsApp message failed.",
    "Retry later; contact support if it persists.",
    "transient",
    true
  ],
  [
    22049,
    "Business error",
    'No merchant has this business_phone ("business_phone={0} not found").',
    "Check business_phone.",
    "business",
    false
  ],
  [
    22089,
    "Business error",
    "The number is unavailable (No Core App).",
    "Contact NxCloud business personnel to set up the number's application.",
    "business",
    false
  ],
  [
    22090,
    "Business error",
    "The number is invalid.",
    "Check the recipient's number (country code first, digits only).",
    "business",
    false
  ],
  [
    22091,
    "Business error",
    "The recipient is not a WhatsApp user.",
    "Reach the recipient through another channel.",
    "business",
    false
  ],
  [
    22092,
    "Business error",
    'The template has no language pack for the language given ("Language pack not found {0}").',
    "Send a language the template has been translated into.",
    "business",
    false
  ],
  [
    22093,
    "Business error",
    "The template does not exist.",
    "Check the template name.",
    "business",
    false
  ],
  [
    22122,
    "Business error",
    "The application has no price for the recipient's country.",
    "Contact NxCloud business personnel to set up the application's pricing.",
    "business",
    false
  ],
  [
    22123,
    "Business error",
    `Phone number error. The newer (English, Indonesia) page says "Recipient phone error"; the older Chinese page says the merchant's phone number is wrong (\u5546\u6237\u624B\u673A\u53F7\u9519\u8BEF). The newer wording wins.`,
    "Check the recipient's number, then business_phone.",
    "business",
    false
  ],
  [
    22124,
    "Business error",
    "The application does not exist or is unavailable.",
    "Check appkey; contact NxCloud business personnel.",
    "business",
    false
  ],
  [
    22125,
    "Business error",
    "The account balance is insufficient.",
    "Top up the account.",
    "business",
    false
  ],
  [
    22126,
    "Business error",
    "The WhatsApp number is not bound to an application.",
    "Contact NxCloud business personnel to bind the number and the application.",
    "business",
    false
  ],
  [
    22141,
    "Business error",
    "WhatsApp failed to send; the message field says why.",
    "Read the message field and act on it.",
    "business",
    false
  ],
  [
    23025,
    "Business error",
    "The template does not exist or is of low quality.",
    "Check the template name, status and quality.",
    "business",
    false
  ],
  [
    22016,
    "Parameter error",
    "The merchant has not configured a WhatsApp app.",
    "Configure the merchant's WhatsApp app in the NxCloud console.",
    "parameter",
    false
  ],
  [
    22072,
    "Parameter error",
    "The parameters are invalid.",
    "Check the parameters against the operation's schema.",
    "parameter",
    false
  ]
];
var operationErrors = { "api2.nxcloud.com": { "post /api/wa/mt": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], "post /api/wa/otp": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 11, 12, 13], "post /api/wa/uploadMedia": [0, 1, 2, 3, 4, 5, 6, 7, 8, 17], "post /api/wa/getMedia": [0, 1, 2, 3, 4, 5, 6, 7, 8, 17], "post /api/wa/deleteMedia": [0, 1, 2, 3, 4, 5, 6, 7, 8, 17] }, "api.nxcloud.com": { "post /saas/wa/send": [18, 1, 2, 3, 4, 5, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39] }, "api-idn.nxlink.ai": { "post /saas/wa/send": [18, 1, 2, 3, 4, 5, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40] }, "api-hk.nxlink.ai": { "get /saas/wa/template/{phone}": [18, 1, 2, 3, 4, 5, 41, 42], "put /saas/wa/template/{phone}": [18, 1, 2, 3, 4, 5, 41, 42], "post /saas/wa/template/{phone}": [18, 1, 2, 3, 4, 5, 41, 42], "get /saas/wa/template/{phone}/{id}": [18, 1, 2, 3, 4, 5, 41, 42], "delete /saas/wa/template/{phone}/{id}": [18, 1, 2, 3, 4, 5, 41, 42], "get /saas/wa/flow/{phone}": [18, 1, 2, 3, 4, 5, 41, 42], "post /saas/wa/media/{phone}": [18, 1, 2, 3, 4, 5, 41, 42] } };

// src/errors.ts
var NxcloudError = class extends Error {
  name = "NxcloudError";
  kind;
  /** NxCloud's result code (kind `api`). */
  code;
  traceId;
  /** Meta's error, when `code` is 9099. */
  meta;
  /** The HTTP status, when there was an answer. */
  status;
  /** `"<METHOD> <path>"` of the operation. */
  operation;
  host;
  category;
  retryable;
  /** What the code means, from the specs. */
  meaning;
  /** What to do about it, from the specs. */
  remedy;
  constructor(init) {
    super(init.message, init.cause === void 0 ? void 0 : { cause: init.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.traceId = init.traceId;
    this.meta = init.meta;
    this.status = init.status;
    this.operation = init.operation;
    this.host = init.host;
    this.category = init.category ?? "transient";
    this.retryable = init.retryable ?? false;
    this.meaning = init.meaning;
    this.remedy = init.remedy;
  }
};
function documentedCodes(host, key) {
  return (operationErrors[host]?.[key] ?? []).map((i) => {
    const [code, message, meaning, remedy, category, retryable] = errorEntries[i];
    return { code, message, meaning, remedy, category, retryable };
  });
}
function describeCode(host, key, code) {
  const own = documentedCodes(host, key).find((c) => c.code === code);
  if (own) return own;
  for (const other of Object.keys(operationErrors[host] ?? {})) {
    const found = documentedCodes(host, other).find((c) => c.code === code);
    if (found) return found;
  }
  return void 0;
}

// src/generated/traits.ts
var operationTraits = {
  "api2.nxcloud.com": {
    "post /api/wa/mt": {
      "sends": true
    },
    "post /api/wa/otp": {
      "sends": true
    },
    "post /api/wa/uploadMedia": {
      "multipart": true
    }
  },
  "api.nxcloud.com": {
    "post /saas/wa/send": {
      "sends": true
    }
  },
  "api-idn.nxlink.ai": {
    "post /saas/wa/send": {
      "sends": true
    }
  },
  "api-hk.nxlink.ai": {
    "post /saas/wa/media/{phone}": {
      "multipart": true
    }
  }
};

// src/transport.ts
import { createSignedFetch, operations } from "@org/nxwa-signing";
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
  const table = operations[options.host];
  const traits = operationTraits[options.host] ?? {};
  const state = { clockOffsetMs: options.clockOffsetMs ?? 0 };
  const signedFetch = createSignedFetch({
    accessKey: options.accessKey,
    accessSecret: options.accessSecret,
    algorithm: options.algorithm,
    fetch: options.fetch ?? ((r) => globalThis.fetch(r)),
    now,
    clockOffsetMs: () => state.clockOffsetMs
  });
  async function attempt(request, operation) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error("timeout")), timeoutMs);
    const signal = AbortSignal.any([request.signal, timeout.signal]);
    try {
      const response = await signedFetch(new Request(request.clone(), { signal }));
      if (response.status === 429 || response.status >= 500) {
        const error2 = new NxcloudError({ kind: "http", status: response.status, message: `HTTP ${response.status} from ${operation}.`, operation, host: options.host, category: "transient", retryable: true });
        return { response, error: error2, safeForSends: response.status === 429 };
      }
      if (response.status !== 200) return { response };
      const body = await response.clone().json().catch(() => void 0);
      const code = typeof body?.code === "number" ? body.code : void 0;
      if (code === void 0 || code === 0) return { response };
      const known = describeCode(options.host, opKey(operation), code);
      const error = apiError(options.host, operation, body, response.status);
      if (code === 1004) {
        const date = Date.parse(response.headers.get("date") ?? "");
        return { response, error, serverTime: Number.isNaN(date) ? void 0 : date, safeForSends: true };
      }
      return known?.retryable ? { response, error } : { response };
    } catch (cause) {
      if (request.signal.aborted) {
        throw new NxcloudError({ kind: "aborted", message: `${operation} was aborted.`, operation, host: options.host, category: "transient", retryable: false, cause: request.signal.reason });
      }
      if (timeout.signal.aborted) {
        return { error: new NxcloudError({ kind: "timeout", message: `${operation} got no answer within ${timeoutMs} ms.`, operation, host: options.host, category: "transient", retryable: true }) };
      }
      if (cause instanceof NxcloudError || cause?.name === "SigningError") throw cause;
      const refused = /ECONNREFUSED/.test(String(cause?.cause?.code ?? ""));
      return {
        error: new NxcloudError({ kind: "network", message: `${operation} failed: ${cause?.message ?? String(cause)}.`, operation, host: options.host, category: "transient", retryable: true, cause }),
        safeForSends: refused
      };
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    state,
    fetchFor(operation) {
      const key = opKey(operation);
      const signing = table[key];
      const isSend = traits[key]?.sends === true;
      return async (request) => {
        if (!signing) throw new NxcloudError({ kind: "invalid-response", message: `${operation} is not an operation of ${options.host}.`, operation, host: options.host });
        request.headers.set("action", signing.action);
        request.headers.set("bizType", signing.bizType);
        const started = now();
        let clockCorrected = false;
        for (let n = 1; ; n++) {
          const outcome = await attempt(request, operation);
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
              await sleep(delayMs, request.signal);
            } catch (cause) {
              throw new NxcloudError({ kind: "aborted", message: `${operation} was aborted.`, operation, host: options.host, retryable: false, cause });
            }
          }
        }
      };
    }
  };
}
function finish(outcome) {
  if (outcome.response) return outcome.response;
  throw outcome.error;
}
var opKey = (operation) => {
  const space = operation.indexOf(" ");
  return `${operation.slice(0, space).toLowerCase()} ${operation.slice(space + 1)}`;
};
function apiError(host, operation, body, status) {
  const known = describeCode(host, opKey(operation), body.code);
  const meta = body.code === 9099 && body.data && typeof body.data.error === "object" ? body.data.error : void 0;
  const serverMessage = typeof body.message === "string" && body.message ? body.message : known?.message ?? "no message";
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
  const traits = operationTraits[host] ?? {};
  const client = createClient({ baseUrl: options.baseUrl ?? `https://${host}` });
  if (options.middleware?.length) client.use(...options.middleware);
  const method = (name) => async (path, init = {}) => {
    const operation = `${name} ${path}`;
    const multipart = traits[opKey(operation)]?.multipart === true;
    const body = multipart && init.body && !(init.body instanceof FormData) ? toFormData(init.body) : init.body;
    let result;
    try {
      result = await client[name](path, { ...init, body, fetch: transport.fetchFor(operation) });
    } catch (error) {
      if (error instanceof NxcloudError) return { error };
      if (error instanceof SyntaxError) {
        return { error: new NxcloudError({ kind: "invalid-response", message: `${operation} answered with a body that is not JSON.`, operation, host, cause: error }) };
      }
      throw error;
    }
    const { response } = result;
    const envelope = response.ok ? result.data : result.error;
    if (!response.ok && !isEnvelope(envelope)) {
      return { error: new NxcloudError({ kind: "http", status: response.status, message: `${operation} answered HTTP ${response.status}.`, operation, host, category: "transient", retryable: response.status === 429 || response.status >= 500 }), response };
    }
    if (!isEnvelope(envelope)) {
      return { error: new NxcloudError({ kind: "invalid-response", status: response.status, message: `${operation} answered without the {code, message, data} envelope.`, operation, host }), response };
    }
    const traceId = typeof envelope.traceId === "string" ? envelope.traceId : void 0;
    if (envelope.code === 0 && response.ok) return { data: envelope.data, traceId, response };
    return { error: apiError(host, operation, envelope, response.status), traceId, response };
  };
  return {
    GET: method("GET"),
    POST: method("POST"),
    PUT: method("PUT"),
    DELETE: method("DELETE"),
    use: (...middleware) => client.use(...middleware),
    get clockOffsetMs() {
      return transport.state.clockOffsetMs;
    }
  };
}
var createApi2Client = (options) => createNxcloudClient("api2.nxcloud.com", options);
var createSaasClient = (options) => createNxcloudClient("api.nxcloud.com", options);
var createIdnClient = (options) => createNxcloudClient("api-idn.nxlink.ai", options);
var createHkClient = (options) => createNxcloudClient("api-hk.nxlink.ai", options);
export {
  NxcloudError,
  createApi2Client,
  createHkClient,
  createIdnClient,
  createNxcloudClient,
  createSaasClient,
  describeCode,
  documentedCodes
};
//# sourceMappingURL=index.js.map