/**
 * The public surface of certbench's pure core. Everything here runs in Node and in the browser,
 * touches no DOM, React or store, and takes its WebCrypto implementation as an optional last
 * argument (see crypto.ts). Data in and out is plain: PEM strings, DER ArrayBuffers, ISO dates
 * and trees, so it crosses worker messages and IndexedDB unchanged.
 */

// Foundations: errors, WebCrypto choice, PEM, algorithms, findings.
export { PkiError, isPkiError, type PkiErrorCode } from './errors.ts';
export { defaultCrypto, bindX509Crypto } from './crypto.ts';
export { pemEncode, pemDecodeAll, looksLikePem, decodeBase64, type PemBlock } from './pem.ts';
export { KEY_ALGORITHMS, DEFAULT_KEY_ALGORITHM, type KeyAlgorithmId, type KeyAlgorithm } from './algorithms.ts';
export { keyDescription, type KeyShape } from './key-description.ts';
export type { Finding, Severity } from './findings.ts';

// Issuing: keys, names and SANs, profiles and defaults, CAs, leaves, CSRs, batches.
export {
  generateKeyPair,
  keyAlgorithm,
  supportedKeyAlgorithms,
  exportPkcs8Pem,
  importPrivateKey,
  publicKeyFromPrivate,
} from './keys.ts';
export { encryptPkcs8Pem, decryptPkcs8 } from './pkcs8.ts';
/** Bytes or JSON sealed under a passphrase (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC) for data kept at rest. */
export {
  encryptBytes,
  decryptBytes,
  encryptJson,
  decryptJson,
  PASSPHRASE_ITERATIONS,
  MAX_PASSPHRASE_ITERATIONS,
  type PassphraseSealed,
  type SealOptions,
  type UnsealOptions,
} from './passphrase-encryption.ts';
/** The key lock's private key under its passphrase (PBES2); the rest of the lock is ./sealing/index.ts, the page's. */
export { wrapLockKey, unwrapLockKey } from './sealing/lock-key-wrap.ts';
export {
  parseSans,
  parseSan,
  checkSans,
  sanProblemsText,
  formatSan,
  normalizeSans,
  type SanEntry,
  type SanKind,
  type SanCheck,
  type SanProblem,
} from './san.ts';
export { PROFILES, profileSpec, type LeafProfile } from './profiles.ts';
export type { SubjectFields } from './names.ts';
export { DEFAULTS, PRESETS, presetById, type Preset, type IssuingDefaults } from './presets.ts';
export { validityWindow, checkDays } from './validity.ts';
export { loadIssuer, type CaMaterial, type LoadedIssuer } from './issuer.ts';
export { createRootCa, createRootIssuer, createIntermediateCa, type CaParams, type CaResult } from './ca.ts';
export { checkLeafParams, issueLeaf, type LeafParams, type IssuedLeaf } from './issue.ts';
export { createCsr, readCsr, signCsr, type CsrParams, type CsrInfo, type SignCsrOptions } from './csr.ts';
export { issueBatch, issueBatchLines, BATCH_IN_FLIGHT, type BatchOptions, type BatchResult } from './batch.ts';
export { parseBatch, MAX_BATCH, type BatchLine } from './batch-lines.ts';
export { boundedMap, type BoundedMapOptions } from './bounded-map.ts';
export type { AsyncLeafEngine, LeafEngine, LeafKey, SyncLeafEngine } from './leaf-template.ts';
export type { LeafEngineFactory, LeafEngineRequest } from './leaf-engine.ts';
export { buffersOf } from './pem-ascii.ts';
export { pemAsciiOfItem } from './pem-text-item.ts';
export type { LeafHelper, LeafHelpers, LeafOrder, MadeLeaf } from './leaf-helpers.ts';

// A certificate's life after issuing: renewal, revocation and CRLs, CA rotation (listed once, in the surface).
export * from './lifecycle/index.ts';

// Reading anything a user drops, and explaining it.
export { readInput, MAX_INPUT_BYTES, MAX_ITEMS, TIME_BUDGET_MS } from './read/index.ts';
export type { Item } from './read/types.ts';
export {
  explain,
  summarize,
  treeToText,
  rfc4514,
  type TreeNode,
  type Summary,
  type SummaryName,
  type CertificateSummary,
} from './inspect/index.ts';

// Judging: path validation and host matching, relations, diagnosis, lint.
export {
  validatePath,
  matchHost,
  type ValidateOptions,
  type ValidationResult,
  type Purpose,
} from './validate/index.ts';
/** The TLS clients validation gives a verdict for (issue 8): ids in order, each one's name and rules. */
export {
  CLIENT_IDS,
  CLIENT_PROFILES,
  isClientId,
  type ClientId,
  type ClientVerdict,
  type ClientProfile,
  type Refusal,
} from './validate/index.ts';
export { refusalReason, refusalFix, verdictLine } from './diagnose/client-words.ts';
export { relate, type Relations, type RelationItem } from './relations/index.ts';
export { sharedChecks, type VerifyHelper } from './signatures/shared-verify.ts';
export { diagnosis, DIAGNOSIS_CODES, chainAdvice, diagnoseKeyMatch, type DiagnosisCode } from './diagnose/index.ts';
export { clientMatrix, type ClientLine } from './diagnose/client-words.ts';
export { missingCertificate, type MissingCertificate, type MissingRole } from './diagnose/missing-certificate.ts';
export { chainLinks, type ChainLink, type LinkCheck, type LinkCheckName } from './diagnose/chain-links.ts';
// Certificate facts as the validator reads them (one facts model is issue 10 item 3, pending).
export { certFacts } from './model/cert-facts.ts';
export { lintCertificate, lintCertificateDer, LINT_RULES } from './lint/index.ts';

// Export formats: PKCS#12 keystores and truststores, key encodings, PKCS#7, PEM bundles.
export { buildKeystore, type KeystoreInput } from './pkcs12/keystore.ts';
export { buildTruststore, type TruststoreInput } from './pkcs12/truststore.ts';
export { encodePrivateKey, keyPem, type PrivateKeyFormat } from './key-formats.ts';
export { pkcs7Der, pkcs7Pem, PKCS7_PEM_LABEL } from './pkcs7.ts';
export { fullChainPem, cassandraKeyAndChainPem } from './pem-bundles.ts';
