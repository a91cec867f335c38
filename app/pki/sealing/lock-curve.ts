/** The key lock's key agreement: ECDH on P-256, native in every WebCrypto (no polyfill on the page). */
export const LOCK_CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
