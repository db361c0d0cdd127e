// What the checks (in every runtime) and the test's server (in Node) agree on. Test credentials only.
export const credentials = { accessKey: 'matrix-key', accessSecret: 'matrix-secret-7Qx2' };

/** What the runtime under test is told: where the server is, and the prefix that keeps its requests apart. */
export interface MatrixConfig {
  origin: string;
  runId: string;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  /** Why the check failed (never contains the secret: the checks only report what they compared). */
  error?: string;
}

export interface MatrixReport {
  /** The runtime as it describes itself, e.g. `Deno 2.9.6`. */
  runtime: string;
  /** Whether @org/nxwa-signing found a native hash (node:crypto) in this runtime. */
  nativeHash: boolean;
  checks: CheckResult[];
}

/**
 * The scenarios the server plays, as the second segment of every path: `/<runId>/<scenario>/<host>/<path>`.
 * `refused` answers like `send` (the check signs it with a wrong secret); `hang` and `timeout` are never answered;
 * `seen` tells how many requests a scenario of the run has received, `closed` how many of its unanswered requests
 * the client has closed.
 */
export type Scenario =
  | 'send'
  | 'signed-fetch'
  | 'refused'
  | 'retry'
  | 'hang'
  | 'timeout'
  | 'callback'
  | 'seen'
  | 'closed';

/** The inbound-message callback the server signs and serves: non-ASCII text, so its bytes matter. */
export const inboundCallback = {
  messages: [
    {
      from: '8613600009759',
      id: 'wamid.matrix.in.1',
      timestamp: '1700000000',
      type: 'text',
      text: { body: '牛小信 👋 runtime matrix' },
    },
  ],
} as const;

/** A message to send: non-ASCII text, so that the signature covers multi-byte UTF-8. */
export const textMessage = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: '牛小信: your order has shipped 📦' },
} as const;

/** Marks the report line a command-line runtime prints among anything else on its stdout. */
export const REPORT_MARKER = 'nxwa-runtime-matrix-report ';
