/** Worker operations for exports: PKCS#12, bundles, zips (owned by the Export feature's author). */
export const EXPORT_OPS = {};
