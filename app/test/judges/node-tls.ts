/**
 * Node's `tls` as a judge: a server with requestCert + rejectUnauthorized and a client that
 * checks the server's identity, over loopback. The handshake counts as done only when the
 * server has answered the authenticated client (TLS 1.3 reports client-certificate refusal
 * after the client's handshake has already "finished").
 */
import { createServer, connect, checkServerIdentity, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';

/** One side's credentials: its certificate (leaf first, then intermediates), key, and trusted CA(s). */
export interface TlsParty {
  certPem: string;
  keyPem: string;
  /** Passphrase of an encrypted key. */
  passphrase?: string;
  /** The CA certificate(s) this side trusts, PEM. */
  caPem: string;
  /** CRL(s), PEM: the peer's certificate is refused when it is on one (Node `crl`; Python VERIFY_CRL_CHECK_LEAF). */
  crlPem?: string;
}

export interface HandshakeResult {
  ok: boolean;
  /** Why the server refused, if it did. */
  serverError?: string;
  /** Why the client failed, if it did. */
  clientError?: string;
  /** The CN the server saw on the client's certificate. */
  peerCommonName?: string;
}

/**
 * Handshake a client against a server. The client checks the server certificate against
 * `serverName` (a DNS name or an IP address) the way https does.
 */
export function nodeTlsHandshake(opts: {
  server: TlsParty;
  client: TlsParty;
  serverName: string;
  timeoutMs?: number;
}): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    const result: HandshakeResult = { ok: false };
    let settled = false;
    const server = createServer(
      {
        cert: opts.server.certPem,
        key: opts.server.keyPem,
        passphrase: opts.server.passphrase,
        ca: opts.server.caPem,
        crl: opts.server.crlPem,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (socket: TLSSocket) => {
        const peer = socket.getPeerCertificate();
        result.peerCommonName = typeof peer.subject?.CN === 'string' ? peer.subject.CN : undefined;
        socket.end('hello');
      },
    );
    const finish = (patch: Partial<HandshakeResult>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      server.close();
      resolve({ ...result, ...patch });
    };
    server.on('tlsClientError', (e) => {
      result.serverError = e.message;
    });
    const timer = setTimeout(() => finish({ ok: false, clientError: 'timeout' }), opts.timeoutMs ?? 10_000);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const isIp = /^[\d.]+$|:/.test(opts.serverName);
      const client = connect({
        host: '127.0.0.1',
        port,
        servername: isIp ? undefined : opts.serverName,
        cert: opts.client.certPem,
        key: opts.client.keyPem,
        passphrase: opts.client.passphrase,
        ca: opts.client.caPem,
        crl: opts.client.crlPem,
        rejectUnauthorized: true,
        checkServerIdentity: (_host, cert) => checkServerIdentity(opts.serverName, cert),
      });
      let data = '';
      client.setEncoding('utf8');
      client.on('data', (d: string) => {
        data += d;
      });
      client.on('end', () =>
        finish({
          ok: data === 'hello',
          clientError: data === 'hello' ? undefined : 'connection closed without an answer',
        }),
      );
      client.on('error', (e: Error) => finish({ ok: false, clientError: e.message }));
    });
  });
}
