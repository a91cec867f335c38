/**
 * Python's `ssl` as a judge, with VERIFY_X509_STRICT on both sides (what Python 3.13's default
 * context and haystack-style servers do): a Python server requiring a client certificate and a
 * Python client verifying the server, handshaking over loopback in one process (python-batch.ts).
 * A side given a CRL checks its peer's leaf against it (VERIFY_CRL_CHECK_LEAF).
 */
import { pythonHandshakes } from './python-batch.ts';
import type { HandshakeResult, TlsParty } from './node-tls.ts';

/** Handshake a Python client against a Python server, both strict. */
export async function pythonSslHandshake(opts: {
  server: TlsParty;
  client: TlsParty;
  serverName: string;
}): Promise<HandshakeResult> {
  const [result] = await pythonHandshakes([opts], { strict: ['VERIFY_X509_STRICT'] });
  if (!result) throw new Error('python3 handshake judge returned no result');
  return result.strict;
}
