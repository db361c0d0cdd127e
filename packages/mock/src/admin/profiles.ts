// GET and PUT /__nxwa/profiles/{phone}: a business number's profile in the sandbox, which api2's getBusinessProfile
// answers. The page's update operation was not retrieved, so this is how a test changes what get answers.
import type { Answer } from '../http/answer.js';

export interface SandboxProfiles {
  /** The account's profile of the number (the mock's first account when none is named); undefined when none. */
  get(
    accessKey: string | undefined,
    phone: string,
  ): { business_phone: string; accessKey: string; profile: object } | undefined;
  set(
    accessKey: string | undefined,
    phone: string,
    profile: object,
  ): { business_phone: string; accessKey: string; profile: object };
}

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

/** Answers GET or PUT; the body was checked against the mock's API (`{ profile: {…} }`). */
export function answerProfile(
  method: string,
  url: URL,
  phone: string,
  body: unknown,
  profiles: SandboxProfiles,
): Answer {
  let number: string;
  try {
    number = decodeURIComponent(phone);
  } catch {
    return json(400, { error: 'phone: must be a business number such as 8615800001795.' });
  }
  if (!/\d/.test(number))
    return json(400, {
      error: `phone: must be a business number such as 8615800001795; got ${JSON.stringify(number.slice(0, 40))}.`,
    });
  const accessKey = url.searchParams.get('accessKey') ?? undefined;
  try {
    if (method === 'PUT') return json(200, profiles.set(accessKey, number, (body as { profile: object }).profile));
    const found = profiles.get(accessKey, number);
    return found ? json(200, found) : json(404, { error: `No profile was set for ${number} (PUT one first).` });
  } catch (error) {
    return json(400, { error: (error as Error).message });
  }
}
