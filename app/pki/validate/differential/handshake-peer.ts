/**
 * The fixed other side of every handshake (see app/test/judges/tls-chain.ts): a CA, a server
 * certificate for localhost and a client certificate, as certbench's rules want them, valid now.
 */
import * as x509 from '@peculiar/x509';
import type { HandshakePeer } from '../../../test/judges/index.ts';
import { makeCa, makeCert, newKey } from '../test-kit.ts';
import { CLIENT_AUTH, CORPUS_NOT_AFTER, CORPUS_NOT_BEFORE, SERVER_AUTH } from './chain-builder.ts';
import { pkcs8Pem } from './stacks.ts';

export async function handshakePeer(): Promise<HandshakePeer> {
  const validity = { notBefore: CORPUS_NOT_BEFORE, notAfter: CORPUS_NOT_AFTER };
  const ca = await makeCa('CN=Handshake Peer CA,O=certbench', undefined, validity);
  const party = async (cn: string, eku: string, san: x509.JsonGeneralName[]) => {
    const keys = await newKey();
    const cert = await makeCert({
      subject: `CN=${cn}`,
      keys,
      issuer: ca,
      ca: false,
      keyUsage: x509.KeyUsageFlags.digitalSignature,
      eku: [eku],
      san,
      ...validity,
    });
    return { certPem: cert.toString('pem'), keyPem: await pkcs8Pem(keys.privateKey) };
  };
  return {
    caPem: ca.cert.toString('pem'),
    server: await party('localhost', SERVER_AUTH, [
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
    ]),
    client: await party('handshake-peer-client', CLIENT_AUTH, [{ type: 'dns', value: 'handshake-peer-client' }]),
  };
}
