/**
 * A leaf helper's signature checks (classicVerifier: the algorithms every WebCrypto has, no ML-DSA
 * code), loaded on the helper's first share of checks (worker/leaf-helper-serve.ts): the helpers of
 * a cluster never check a signature, so their first script does not carry this code.
 */
export { classicVerifier } from '../signatures/webcrypto-verify.ts';
