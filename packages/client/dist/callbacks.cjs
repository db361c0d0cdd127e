"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/callbacks.ts
var callbacks_exports = {};
__export(callbacks_exports, {
  CallbackError: () => CallbackError,
  parseCallback: () => parseCallback
});
module.exports = __toCommonJS(callbacks_exports);
var import_nxwa_signing = require("@org/nxwa-signing");
var CallbackError = class extends Error {
  name = "CallbackError";
  reason;
  /** For `signature`: why the signature was refused. */
  signature;
  constructor(reason, message, signature) {
    super(message);
    this.reason = reason;
    this.signature = signature;
  }
};
var TEMPLATE_EVENTS = ["message_template_status_update", "message_template_quality_update", "template_category_update"];
var ACCOUNT_EVENTS = ["account_update", "account_review_update", "phone_number_name_update", "phone_number_quality_update", "user_preferences"];
var STATUSES = ["sent", "delivered", "read", "failed", "deleted"];
var INBOUND_TYPES = ["text", "image", "video", "voice", "audio", "document", "location", "sticker"];
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var list = (values) => values.join(", ");
function arrayOfObjects(payload, key) {
  const value = payload[key];
  if (!Array.isArray(value)) throw new CallbackError("invalid-field", `${key} is ${value === null ? "null" : typeof value}: expected an array.`);
  value.forEach((item, i) => {
    if (!isObject(item)) throw new CallbackError("invalid-field", `${key}[${i}] is not an object.`);
  });
  return value;
}
function parseCallback(body, options = {}) {
  const bytes = typeof body === "string" ? void 0 : body instanceof ArrayBuffer ? new Uint8Array(body) : body;
  if (options.accessSecret !== void 0) {
    const result = (0, import_nxwa_signing.verifySignature)({
      headers: options.headers ?? {},
      body: bytes ?? body,
      accessSecret: options.accessSecret,
      action: options.action,
      maxDriftMs: options.maxDriftMs,
      now: options.now
    });
    if (!result.valid) throw new CallbackError("signature", `The callback's signature is not valid: ${result.message}`, result.reason);
  }
  let payload;
  try {
    payload = JSON.parse(bytes ? new TextDecoder("utf-8", { fatal: true }).decode(bytes) : body);
  } catch (error) {
    throw new CallbackError("not-json", `The callback body is not JSON: ${error.message}`);
  }
  if (!isObject(payload)) throw new CallbackError("unknown-shape", `The callback body is ${Array.isArray(payload) ? "an array" : typeof payload}: expected a JSON object.`);
  if ("field" in payload) {
    const field = payload.field;
    if (payload.value !== void 0 && !isObject(payload.value)) throw new CallbackError("invalid-field", "value is not an object.");
    if (typeof field === "string" && TEMPLATE_EVENTS.includes(field)) {
      return { kind: "template-event", payload, event: field };
    }
    if (typeof field === "string" && ACCOUNT_EVENTS.includes(field)) {
      return { kind: "account-event", payload, event: field };
    }
    throw new CallbackError("invalid-field", `field is ${JSON.stringify(field)}: expected one of ${list([...TEMPLATE_EVENTS, ...ACCOUNT_EVENTS])}.`);
  }
  if ("statuses" in payload) {
    const statuses = arrayOfObjects(payload, "statuses");
    statuses.forEach((s, i) => {
      if (s.status !== void 0 && !STATUSES.includes(s.status)) {
        throw new CallbackError("invalid-field", `statuses[${i}].status is ${JSON.stringify(s.status)}: expected one of ${list(STATUSES)}.`);
      }
    });
    return { kind: "status", payload, statuses };
  }
  if ("messages" in payload) {
    const messages = arrayOfObjects(payload, "messages");
    if (messages.length > 0 && messages.every((m) => m.type === "button")) {
      const clicks = messages.map((m, i) => {
        if (m.wa_ext === void 0 || m.wa_ext === null || m.wa_ext === "") return m;
        if (typeof m.wa_ext !== "string") throw new CallbackError("invalid-field", `messages[${i}].wa_ext is ${typeof m.wa_ext}: expected a JSON string.`);
        try {
          return { ...m, waExt: JSON.parse(m.wa_ext) };
        } catch (error) {
          throw new CallbackError("invalid-field", `messages[${i}].wa_ext is not valid JSON: ${error.message}`);
        }
      });
      return { kind: "button-click", payload, clicks };
    }
    messages.forEach((m, i) => {
      if (!INBOUND_TYPES.includes(m.type)) {
        throw new CallbackError("invalid-field", `messages[${i}].type is ${JSON.stringify(m.type)}: expected one of ${list([...INBOUND_TYPES, "button"])}.`);
      }
    });
    return { kind: "inbound-message", payload, messages };
  }
  throw new CallbackError("unknown-shape", "The callback has none of statuses, messages or field: it is not a documented callback.");
}
//# sourceMappingURL=callbacks.cjs.map