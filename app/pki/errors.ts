/**
 * Typed errors of the core. `code` is stable (tests and the UI key on it), `field` names the
 * input at fault so the UI can show the message beside it, and `message` is a sentence a
 * user understands. No bare library stack ever reaches the user.
 */
export type PkiErrorCode =
  | 'no-webcrypto'
  | 'invalid-argument'
  | 'invalid-san'
  | 'invalid-name'
  | 'invalid-validity'
  | 'outlives-issuer'
  | 'issuer-not-ca'
  | 'path-length'
  | 'unsupported-algorithm'
  | 'invalid-csr'
  | 'bad-signature'
  | 'invalid-pem'
  | 'invalid-der'
  | 'invalid-key'
  | 'key-mismatch'
  | 'wrong-password'
  | 'unsupported-encryption'
  | 'input-too-large'
  | 'not-found'
  | 'exists'
  | 'internal';

export class PkiError extends Error {
  override readonly name = 'PkiError';
  constructor(
    readonly code: PkiErrorCode,
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Plain form for worker messages and JSON output. */
  toJSON(): { code: PkiErrorCode; field: string; message: string } {
    return { code: this.code, field: this.field, message: this.message };
  }
}

export function isPkiError(e: unknown): e is PkiError {
  return e instanceof PkiError;
}

/**
 * Run `fn`; turn anything that is not already a PkiError into one with the given code and
 * field, keeping the original as `cause` for debugging but never in the message.
 */
export async function wrapErrors<T>(
  code: PkiErrorCode,
  field: string,
  message: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError(code, field, message, { cause: e });
  }
}
