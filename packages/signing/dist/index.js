// src/errors.ts
var SigningError = class extends Error {
  name = "SigningError";
  code;
  constructor(code, message) {
    super(message);
    this.code = code;
  }
};

// src/hash.ts
import { md5 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
var SIGNATURE_ALGORITHMS = ["md5", "sha256"];
var nativeCrypto = (() => {
  try {
    const proc = globalThis.process;
    const mod = proc?.getBuiltinModule?.("node:crypto");
    return typeof mod?.createHash === "function" ? mod : void 0;
  } catch {
    return void 0;
  }
})();
var hasNativeHash = nativeCrypto !== void 0;
var utf8 = new TextEncoder();
function hexDigest(algorithm, parts2, implementation = "auto") {
  if (implementation !== "portable" && nativeCrypto) {
    const hash2 = nativeCrypto.createHash(algorithm);
    for (const part of parts2) hash2.update(part);
    return hash2.digest("hex");
  }
  if (implementation === "native") throw new Error("This runtime has no native hash.");
  const hash = algorithm === "md5" ? md5.create() : sha256.create();
  for (const part of parts2) hash.update(typeof part === "string" ? utf8.encode(part) : part);
  return bytesToHex(hash.digest());
}

// src/sign.ts
var TS = /^[0-9]{13}$/;
var HEADER_VALUE = /^[\x21-\x7e]+$/;
function checked(input) {
  if (typeof input.accessKey !== "string" || input.accessKey.length === 0) {
    throw new SigningError("missing-access-key", "accessKey is missing: expected the account's access key, a non-empty string.");
  }
  if (!HEADER_VALUE.test(input.accessKey)) {
    throw new SigningError("invalid-access-key", "accessKey is not a valid header value: expected visible ASCII characters without spaces.");
  }
  if (typeof input.accessSecret !== "string" || input.accessSecret.length === 0) {
    throw new SigningError("missing-access-secret", "accessSecret is missing: expected the account's access secret, a non-empty string.");
  }
  for (const field of ["action", "bizType"]) {
    const value = input[field];
    if (typeof value !== "string" || !HEADER_VALUE.test(value)) {
      throw new SigningError("invalid-operation", `${field} is ${value === void 0 ? "missing" : "invalid"}: expected the operation's ${field} header value, e.g. ${field === "action" ? '"mt"' : '"2"'}.`);
    }
  }
  const ts = typeof input.ts === "number" ? Number.isInteger(input.ts) ? String(input.ts) : "" : input.ts;
  if (typeof ts !== "string" || !TS.test(ts)) {
    throw new SigningError("invalid-ts", `ts is invalid: expected milliseconds since the epoch, 13 digits (e.g. 1655710885431), got ${describe(input.ts, input.accessSecret)}.`);
  }
  const algorithm = input.algorithm ?? "md5";
  if (!SIGNATURE_ALGORITHMS.includes(algorithm)) {
    throw new SigningError("unknown-algorithm", `algorithm is unknown: expected "md5" or "sha256", got ${describe(algorithm, input.accessSecret)}.`);
  }
  return { ts, algorithm };
}
function describe(value, secret) {
  if (typeof value === "string") {
    const risky = value.length > 24 || typeof secret === "string" && secret.length > 0 && (value.includes(secret) || secret.includes(value));
    return risky ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (typeof value === "number") return String(value);
  return value === null ? "null" : typeof value;
}
function parts(input, ts) {
  const body = input.body === null || input.body === void 0 || input.body.length === 0 ? void 0 : input.body;
  const head = `accessKey=${input.accessKey}&action=${input.action}&bizType=${input.bizType}&ts=${ts}`;
  const secret = `&accessSecret=${input.accessSecret}`;
  if (body === void 0) return [head + secret];
  return typeof body === "string" ? [`${head}&body=${body}${secret}`] : [`${head}&body=`, body, secret];
}
function stringToSign(input) {
  const { ts } = checked(input);
  const decoder = new TextDecoder();
  return parts(input, ts).map((p) => typeof p === "string" ? p : decoder.decode(p)).join("");
}
function computeSignature(input) {
  const { ts, algorithm } = checked(input);
  return hexDigest(algorithm, parts(input, ts), input.hashImplementation);
}
function signatureHeaders(input) {
  const { ts, algorithm } = checked(input);
  const headers = {
    accessKey: input.accessKey,
    ts,
    bizType: input.bizType,
    action: input.action,
    sign: hexDigest(algorithm, parts(input, ts), input.hashImplementation)
  };
  if (algorithm !== "md5") headers.algorithm = algorithm;
  return headers;
}

// src/verify.ts
function header(headers, name) {
  if (typeof headers.get === "function") return headers.get(name) ?? void 0;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === void 0) continue;
    return typeof value === "string" ? value : value.join(", ");
  }
  return void 0;
}
function timingSafeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
var fail = (reason, message) => ({ valid: false, reason, message });
function verifySignature(options) {
  const names = ["accessKey", "ts", "bizType", "action", "sign"];
  const values = {};
  for (const name of names) {
    const value = header(options.headers, name)?.trim();
    if (!value) return fail("missing-header", `The ${name} header is missing.`);
    values[name] = value;
  }
  const { accessKey, ts, bizType, action, sign } = values;
  const algorithm = header(options.headers, "algorithm")?.trim().toLowerCase() || "md5";
  if (!SIGNATURE_ALGORITHMS.includes(algorithm)) return fail("unknown-algorithm", "The algorithm header is neither md5 nor sha256.");
  if (!/^[0-9]{13}$/.test(ts)) return fail("malformed-ts", "The ts header is not milliseconds since the epoch (13 digits).");
  const drift = Math.abs((options.now ?? Date.now()) - Number(ts));
  const maxDrift = options.maxDriftMs ?? 6e4;
  if (drift > maxDrift) return fail("stale-ts", `The ts header is ${drift} ms away from now; at most ${maxDrift} ms is allowed.`);
  if (options.accessKey !== void 0 && accessKey !== options.accessKey) return fail("wrong-access-key", "The accessKey header is not the expected one.");
  if (options.action !== void 0 && action !== options.action) return fail("wrong-action", `The action header is not "${options.action}".`);
  if (options.bizType !== void 0 && bizType !== options.bizType) return fail("wrong-biz-type", `The bizType header is not "${options.bizType}".`);
  const contentType = header(options.headers, "content-type") ?? "";
  const raw = options.body instanceof ArrayBuffer ? new Uint8Array(options.body) : options.body;
  const body = /^\s*multipart\/form-data/i.test(contentType) ? void 0 : raw;
  let expected;
  try {
    expected = computeSignature({ accessKey, accessSecret: options.accessSecret, action, bizType, ts, body, algorithm, hashImplementation: options.hashImplementation });
  } catch {
    return fail("bad-signature", "The signature cannot be checked: the headers are not valid values.");
  }
  if (!timingSafeEqual(sign.toLowerCase(), expected)) return fail("bad-signature", "The sign header does not match the request.");
  return { valid: true, accessKey, action, bizType, ts: Number(ts), algorithm };
}

// src/fetch.ts
var isMultipart = (request) => /^\s*multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
function createSignedFetch(options) {
  const send = options.fetch ?? ((request) => globalThis.fetch(request));
  const now = options.now ?? Date.now;
  const offset = options.clockOffsetMs ?? 0;
  signatureHeaders({ ...options, action: "check", bizType: "0", ts: 1e12 });
  return async (input, init) => {
    const original = input instanceof Request && init === void 0 ? input : new Request(input, init);
    const operation = options.operation?.(original) ?? fromHeaders(original);
    if (!operation) {
      throw new SigningError(
        "missing-operation",
        `No action and bizType for ${original.method} ${new URL(original.url).pathname}: expected the action and bizType headers (set by operationHeaders) or an operation() option that knows the request.`
      );
    }
    const ts = Math.round(now() + (typeof offset === "function" ? offset() : offset));
    const request = original.clone();
    const multipart = isMultipart(request);
    const body = multipart || request.body === null ? void 0 : new Uint8Array(await request.arrayBuffer());
    const headers = new Headers(request.headers);
    const signed = signatureHeaders({
      accessKey: options.accessKey,
      accessSecret: options.accessSecret,
      action: operation.action,
      bizType: operation.bizType,
      ts,
      body,
      algorithm: options.algorithm,
      hashImplementation: options.hashImplementation
    });
    for (const [name, value] of Object.entries(signed)) headers.set(name, value);
    if (multipart || request.body === null) return send(new Request(request, { headers }));
    return send(new Request(request, { headers, body }));
  };
}
function fromHeaders(request) {
  const action = request.headers.get("action");
  const bizType = request.headers.get("bizType");
  return action && bizType ? { action, bizType } : void 0;
}

// src/middleware.ts
function operationHeaders(table) {
  return {
    onRequest({ request, schemaPath }) {
      const key = `${request.method.toLowerCase()} ${schemaPath}`;
      const operation = table[key];
      if (!operation) {
        throw new SigningError("missing-operation", `No operation ${request.method} ${schemaPath} in the signing table: expected one of the spec's operations.`);
      }
      request.headers.set("action", operation.action);
      request.headers.set("bizType", operation.bizType);
      return request;
    }
  };
}

// src/generated/operations.ts
var operations = {
  "api2.nxcloud.com": {
    "post /api/wa/mt": { operationId: "sendMessage", action: "mt", bizType: "2" },
    "post /api/wa/otp": { operationId: "sendOtp", action: "mt", bizType: "2" },
    "post /api/wa/uploadMedia": { operationId: "uploadMedia", action: "uploadMedia", bizType: "2" },
    "post /api/wa/getMedia": { operationId: "getMedia", action: "getMedia", bizType: "2" },
    "post /api/wa/deleteMedia": { operationId: "deleteMedia", action: "deleteMedia", bizType: "2" }
  },
  "api.nxcloud.com": {
    "post /saas/wa/send": { operationId: "sendTemplate", action: "mt", bizType: "2" }
  },
  "api-idn.nxlink.ai": {
    "post /saas/wa/send": { operationId: "sendTemplate", action: "mt", bizType: "2" }
  },
  "api-hk.nxlink.ai": {
    "get /saas/wa/template/{phone}": { operationId: "listTemplates", action: "mt", bizType: "2" },
    "put /saas/wa/template/{phone}": { operationId: "updateTemplate", action: "mt", bizType: "2" },
    "post /saas/wa/template/{phone}": { operationId: "createTemplate", action: "mt", bizType: "2" },
    "get /saas/wa/template/{phone}/{id}": { operationId: "getTemplate", action: "mt", bizType: "2" },
    "delete /saas/wa/template/{phone}/{id}": { operationId: "deleteTemplate", action: "mt", bizType: "2" },
    "get /saas/wa/flow/{phone}": { operationId: "listFlows", action: "mt", bizType: "2" },
    "post /saas/wa/media/{phone}": { operationId: "uploadTemplateMedia", action: "mt", bizType: "2" }
  }
};
export {
  SIGNATURE_ALGORITHMS,
  SigningError,
  computeSignature,
  createSignedFetch,
  hasNativeHash,
  hexDigest,
  operationHeaders,
  operations,
  signatureHeaders,
  stringToSign,
  timingSafeEqual,
  verifySignature
};
//# sourceMappingURL=index.js.map