// api2's getBusinessProfile from a store of profiles, one per account and business number. A number the sandbox
// has seen (a send from it, a message to it, a profile set for it) and that has no profile of its own answers the
// spec's example profile; a number it has never seen answers the parameter code naming business_phone. The page's
// update operation was not retrieved (it is not in the spec), so a profile is set through the mock
// (`PUT /__nxwa/profiles/{business_phone}`, `mock.setBusinessProfile()`), which changes what getBusinessProfile answers.
import type { Answer } from '../../http/answer.js';
import type { Route } from '../../http/routes.js';
import type { MessageStore } from '../messages/store.js';
import { createRecordStore, type RecordChange, recordKey } from '../records/store.js';
import { digitsOf, type SandboxRequest, success, unknownParameter, usedNumber } from '../request.js';

export type BusinessProfile = Record<string, unknown>;

/** The spec's example profile of the operation (its success example's `data.data[0]`). */
function exampleProfile(route: Route): BusinessProfile {
  const examples = (route.op.responses as any)?.['200']?.content?.['application/json']?.examples ?? {};
  for (const e of Object.values<any>(examples)) {
    const profile = e?.value?.data?.data?.[0];
    if (profile && typeof profile === 'object') return structuredClone(profile);
  }
  return {};
}

/** How many profiles one run keeps (all accounts); the oldest goes first. */
export const PROFILE_LIMIT = 1_000;

export function createProfiles(messages: MessageStore, onChange?: (change: RecordChange) => void) {
  const store = createRecordStore<{ business_phone: string; profile: BusinessProfile }>(
    'profile',
    onChange,
    PROFILE_LIMIT,
  );
  const keyOf = (accessKey: string, phone: unknown) => recordKey(accessKey, digitsOf(phone));
  return {
    store,
    /** Sets a number's profile (replacing it whole); what getBusinessProfile answers from then on. */
    set(accessKey: string, businessPhone: string, profile: BusinessProfile): BusinessProfile {
      const value = { business_phone: digitsOf(businessPhone), profile: structuredClone(profile) };
      store.set(keyOf(accessKey, businessPhone), value);
      return structuredClone(value.profile);
    },
    get: (accessKey: string, businessPhone: string) =>
      structuredClone(store.get(keyOf(accessKey, businessPhone))?.profile),
    getBusinessProfile(req: SandboxRequest): Answer {
      const phone = digitsOf(req.body?.business_phone);
      const stored = store.get(keyOf(req.accessKey, phone));
      if (stored) return success(req.family, { data: [stored.profile] });
      if (!usedNumber(messages, req.accessKey, phone))
        return unknownParameter(
          req,
          `business_phone: the sandbox knows no number ${JSON.stringify(String(req.body?.business_phone))} of this accessKey (no send from it, no message to it, no profile set for it)`,
        );
      return success(req.family, { data: [exampleProfile(req.route)] });
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
