// api2's createBlockUsers and what a block does, from the vendor's page: a blocked user cannot reach the business
// (the sandbox refuses their simulated inbound messages) and the business cannot message them (a send to them
// fails). Only users who wrote to the business in the last 24 hours can be blocked; the blocklist holds at most
// 64,000 numbers; the answer reports each number. The page was cut off before the field that carries the numbers
// and before the answer: the sandbox takes Meta's block_users body (`block_users: [{ user }]`), which NxCloud's
// other operations copy, and answers Meta's shape (`added_users`, `failed_users`); the README says so.
import type { Answer } from '../../http/answer.js';
import type { MessageStore } from '../messages/store.js';
import { createRecordStore, type RecordChange, recordKey } from '../records/store.js';
import { digitsOf, documentedFailure, type SandboxRequest, success, unknownParameter, usedNumber } from '../request.js';

/** The page's limits; the sandbox holds at most this many blocks in all (every account and number together). */
export const BLOCKLIST_LIMIT = 64_000;
export const BLOCK_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface Block {
  business_phone: string;
  user: string;
  at: string;
}

export interface BlocksOptions {
  messages: MessageStore;
  onChange?: (change: RecordChange) => void;
  /** The sandbox's clock, in ms since the epoch (injectable for tests). */
  now?: () => number;
}

export function createBlocks({ messages, onChange, now = Date.now }: BlocksOptions) {
  const store = createRecordStore<Block>('block', onChange);
  const prefixOf = (accessKey: string, business: string) => `${recordKey(accessKey, business)}\u0000`;
  const keyOf = (accessKey: string, business: string, user: string) => recordKey(accessKey, business, user);
  const blocked = (accessKey: string, business: unknown, user: unknown) =>
    store.has(keyOf(accessKey, digitsOf(business), digitsOf(user)));
  /** The newest message the user sent the business number, as an account's record has it. */
  const lastFrom = (accessKey: string, business: string, user: string) =>
    messages
      .list({ accessKey })
      .find((m) => m.direction === 'inbound' && digitsOf(m.to) === business && digitsOf(m.from) === user);

  return {
    store,
    blocked,
    /** The blocked users of a business number, oldest block first. */
    list: (accessKey: string, business: string) => store.list(prefixOf(accessKey, digitsOf(business))),
    createBlockUsers(req: SandboxRequest): Answer {
      const business = digitsOf(req.body?.business_phone);
      if (!usedNumber(messages, req.accessKey, business))
        return unknownParameter(
          req,
          `business_phone: the sandbox knows no number ${JSON.stringify(String(req.body?.business_phone))} of this accessKey (no send from it, no message to it)`,
        );
      const list = req.body?.block_users;
      if (
        !Array.isArray(list) ||
        list.length === 0 ||
        !list.every((u) => typeof u?.user === 'string' && digitsOf(u.user))
      )
        return documentedFailure(
          req,
          req.route.genericParameterCode.code,
          'block_users: the sandbox expects a non-empty array of { "user": "<phone number>" } (the page does not give this field; the sandbox takes the shape of Meta\'s API)',
        );
      const at = now();
      const added: { input: string; wa_id: string }[] = [];
      const failed: { input: string; wa_id: string; errors: { message: string }[] }[] = [];
      for (const { user: input } of list as { user: string }[]) {
        const user = digitsOf(input);
        const key = keyOf(req.accessKey, business, user);
        const last = lastFrom(req.accessKey, business, user);
        let why: string | undefined;
        if (store.has(key)) why = undefined;
        else if (!last || at - Date.parse(last.timeline[0].at) > BLOCK_WINDOW_MS)
          why = `${input} sent ${business} no message in the last 24 hours: only such users can be blocked`;
        else if (store.size >= BLOCKLIST_LIMIT) why = `the sandbox's blocklists are full (${BLOCKLIST_LIMIT} numbers)`;
        if (why) {
          failed.push({ input, wa_id: user, errors: [{ message: why }] });
          continue;
        }
        if (!store.has(key)) store.set(key, { business_phone: business, user, at: new Date(at).toISOString() });
        added.push({ input, wa_id: user });
      }
      return success(req.family, {
        block_users: { added_users: added, ...(failed.length ? { failed_users: failed } : {}) },
      });
    },
    /** A send from a business number to a user it blocked: refused with Meta's failure code of the operation. */
    sendRefusal(req: SandboxRequest): Answer | undefined {
      if (!req.route.sends || req.host !== 'api2.nxcloud.com' || store.size === 0) return undefined;
      const to = req.body?.to;
      if (!blocked(req.accessKey, req.body?.business_phone, to)) return undefined;
      return documentedFailure(
        req,
        9099,
        `to: ${String(to)} is on the blocklist of ${String(req.body?.business_phone)}; a blocked user cannot be messaged`,
      );
    },
  };
}

export type Blocks = ReturnType<typeof createBlocks>;
