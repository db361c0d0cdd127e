/** What went wrong, as a stable code callers can branch on. */
export type SigningErrorCode =
  | 'missing-access-key'
  | 'missing-access-secret'
  | 'invalid-access-key'
  | 'invalid-ts'
  | 'unknown-algorithm'
  | 'missing-operation'
  | 'invalid-operation'
  | 'redirected';

/**
 * Thrown for input that cannot be signed. Its message names the field and what was expected; it never contains
 * the access secret (nor any value derived from it).
 */
export class SigningError extends Error {
  override readonly name = 'SigningError';
  readonly code: SigningErrorCode;

  constructor(code: SigningErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
