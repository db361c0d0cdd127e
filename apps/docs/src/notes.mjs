// The "partly documented" note of every operation that carries x-nxwa-partly-documented: its page was cut off, and
// the note, first in the operation's description, says what the page does not give (words from the spec package).
import { GAPS, missingOf } from '@org/nxwa-spec/partly-documented';

const METHODS = ['get', 'put', 'post', 'delete'];

/** The note (Markdown) of an operation, or undefined when its page is complete. */
export function partlyDocumentedNote(op) {
  const missing = missingOf(op);
  if (missing.length === 0) return undefined;
  const gaps = missing.map((gap) => GAPS[gap] ?? gap);
  const list = gaps.length > 1 ? `${gaps.slice(0, -1).join(', ')} and ${gaps.at(-1)}` : gaps[0];
  return `> **Partly documented.** The vendor's page for this operation could be read only in part: it does not give ${list}. Nothing here fills the gaps.`;
}

/** A copy of a bundled spec with the note first in the description of every partly documented operation. */
export function withPartlyDocumentedNotes(doc) {
  const copy = structuredClone(doc);
  for (const item of Object.values(copy.paths ?? {})) {
    for (const method of METHODS.filter((m) => item[m])) {
      const note = partlyDocumentedNote(item[method]);
      if (note) item[method].description = `${note}\n\n${item[method].description ?? ''}`.trimEnd();
    }
  }
  return copy;
}
