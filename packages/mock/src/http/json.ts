// JSON the mock keeps: a value nested deeper than MAX_JSON_DEPTH parses, but later breaks whatever walks it
// recursively (JSON.stringify, structuredClone, the validator), so it is refused where it arrives.

/** How deep a JSON value the mock takes (objects and arrays); NxCloud's documents nest fewer than 10 levels. */
export const MAX_JSON_DEPTH = 64;

/** How deeply a value nests (a scalar is 0), counted without recursion; stops counting past `limit`. */
export function depthOf(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const inner = depth + 1;
    if (inner > deepest) deepest = inner;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, inner]);
  }
  return deepest;
}

/** Valid JSON the mock does not keep: it nests too deep. */
export class TooDeep extends Error {
  constructor() {
    super(`nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep, which the mock does not keep`);
  }
}

// Texts up to this length are scanned for brackets before their value is walked.
const SCANNED_CHARS = 4_096;

/** How many `{` and `[` a text holds (in strings too): a value nests no deeper than that. */
function openingBrackets(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) count++;
  }
  return count;
}

/** JSON.parse, throwing {@link TooDeep} for a value nested deeper than MAX_JSON_DEPTH. */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // A send's short body is scanned, not walked: a scan is cheaper than a walk there, and dearer on a long text.
  if (text.length <= SCANNED_CHARS && openingBrackets(text) <= MAX_JSON_DEPTH) return value;
  if (depthOf(value) > MAX_JSON_DEPTH) throw new TooDeep();
  return value;
}
