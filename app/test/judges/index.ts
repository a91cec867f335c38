/** The independent judges, for tests anywhere in app/: see each module for what it checks. */
export { requireTool, run, withFiles, type RunResult } from './tools.ts';
export {
  opensslVerify,
  opensslCheckHost,
  opensslCheckIp,
  opensslCheckEmail,
  opensslText,
  opensslDecryptKey,
  opensslReqVerify,
  opensslMakeCsr,
  OPENSSL_NEWKEY,
  type Verdict,
  type Purpose,
} from './openssl.ts';
export { nodeTlsHandshake, type TlsParty, type HandshakeResult } from './node-tls.ts';
export { pythonSslHandshake } from './python-ssl.ts';
