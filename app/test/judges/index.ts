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
export {
  derToPem,
  presentedPem,
  type JudgedChain,
  type StackVerdict,
  type HandshakePeer,
  type ChainPurpose,
} from './chain.ts';
export { opensslVerifyChain, opensslVerdicts, type OpensslFlags } from './openssl-chain.ts';
export { nodeTlsVerdicts, handshakeSetup } from './tls-chain.ts';
export { pythonSslVerdicts, type PythonVerdicts } from './python-batch.ts';
export { javaPkixVerdicts, type JavaVerdict } from './java-pkix.ts';
export { goX509Verdicts } from './go-x509.ts';
