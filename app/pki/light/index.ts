/**
 * The light surface of the core: what the page itself may load before any certificate work,
 * because none of it needs WebCrypto or the X.509 library. SAN text and checks, PEM framing,
 * input limits, key algorithm names and the error type. The views import these from here; the
 * full surface (../index.ts) pulls in @peculiar/x509 and would double the first page's script
 * (measured: 255 KB → 511 KB when the store took formatSan from it).
 */
export { PkiError, isPkiError, type PkiErrorCode } from '../errors.ts';
export { pemEncode, pemDecodeAll, looksLikePem, type PemBlock } from '../pem.ts';
export {
  checkSans,
  formatSan,
  parseSan,
  sanFromCommonName,
  sanProblemsText,
  type SanCheck,
  type SanEntry,
  type SanKind,
  type SanProblem,
} from '../san.ts';
export { formatBytes, MAX_INPUT_BYTES } from '../read/limits.ts';
export { KEY_ALGORITHMS, DEFAULT_KEY_ALGORITHM, type KeyAlgorithm, type KeyAlgorithmId } from '../algorithms.ts';
export { mlDsaMinimum } from '../ml-dsa/support.ts';
export {
  REVOCATION_REASONS,
  emptyRevocationList,
  isRevoked,
  parseRevocationList,
  type RevocationList,
  type RevocationReason,
} from '../revocation-list.ts';
export { roleWords, shortName, type MissingCertificate, type MissingRole } from '../diagnose/missing-words.ts';
export { keyDescription, type KeyShape } from '../key-description.ts';
