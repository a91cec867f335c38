/**
 * A chain judged by a real handshake: who presents what. A server chain is presented by the
 * server to a client that trusts only the chain's anchor and dials the chain's host; a client
 * chain is presented by the client to a server that requires a client certificate and trusts
 * only the chain's anchor. The other side uses the fixed HandshakePeer, so only the chain under
 * test can fail the handshake. Handshakes run now, not at the chain's `at`.
 */
import { nodeTlsHandshake, type HandshakeResult, type TlsParty } from './node-tls.ts';
import { derToPem, oneLine, presentedPem, type HandshakePeer, type JudgedChain, type StackVerdict } from './chain.ts';

export interface HandshakeSetup {
  server: TlsParty;
  client: TlsParty;
  serverName: string;
}

export function handshakeSetup(c: JudgedChain, peer: HandshakePeer): HandshakeSetup {
  const chainParty: TlsParty = { certPem: presentedPem(c), keyPem: c.leafKeyPem, caPem: peer.caPem };
  const anchorPem = derToPem(c.anchorDer);
  if (c.purpose === 'server') {
    return { server: chainParty, client: { ...peer.client, caPem: anchorPem }, serverName: c.host };
  }
  return { server: { ...peer.server, caPem: anchorPem }, client: chainParty, serverName: 'localhost' };
}

/** The handshake's outcome as a verdict: the refusing side's words first. */
export function handshakeVerdict(r: HandshakeResult): StackVerdict {
  if (r.ok) return { ok: true, reason: 'ok' };
  return {
    ok: false,
    reason: oneLine(
      [r.serverError && `server: ${r.serverError}`, r.clientError && `client: ${r.clientError}`]
        .filter(Boolean)
        .join('; '),
    ),
  };
}

/** Every chain through a Node `tls` handshake (OpenSSL's default verification, as Node.js ships it). */
export async function nodeTlsVerdicts(chains: JudgedChain[], peer: HandshakePeer): Promise<StackVerdict[]> {
  const out: StackVerdict[] = [];
  for (const c of chains) {
    try {
      out.push(handshakeVerdict(await nodeTlsHandshake(handshakeSetup(c, peer))));
    } catch (e) {
      // createServer/connect throw when a certificate or key cannot be loaded at all.
      out.push({ ok: false, reason: `load: ${oneLine((e as Error).message)}` });
    }
  }
  return out;
}
