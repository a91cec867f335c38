/**
 * X.520 PrintableString's alphabet: which names take PrintableString and which UTF8String. On its
 * own so the batch's leaf writer (leaf-tbs.ts), which runs in the leaf helper workers too, does not
 * bring names.ts and @peculiar/x509 with it.
 */

/** X.520 PrintableString characters. */
export function isPrintableString(text: string): boolean {
  return /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text);
}
