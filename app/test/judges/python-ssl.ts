/**
 * Python's `ssl` as a judge, with VERIFY_X509_STRICT on both sides (what Python 3.13's default
 * context and haystack-style servers do): a Python server requiring a client certificate and a
 * Python client verifying the server, handshaking over loopback in one process. A side given a
 * CRL loads it with load_verify_locations and checks its peer's leaf (VERIFY_CRL_CHECK_LEAF).
 */
import { run, withFiles } from './tools.ts';
import type { HandshakeResult, TlsParty } from './node-tls.ts';

const SCRIPT = String.raw`
import json, socket, ssl, sys, threading
cfg = json.load(open(sys.argv[1]))
out = {"ok": False}

def ctx(side, purpose):
    c = ssl.SSLContext(purpose)
    c.verify_flags |= ssl.VERIFY_X509_STRICT
    c.load_verify_locations(cafile=side["ca"])
    if side.get("crl"):
        c.load_verify_locations(cafile=side["crl"])
        c.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    c.load_cert_chain(side["cert"], side["key"], password=side.get("passphrase"))
    c.verify_mode = ssl.CERT_REQUIRED
    return c

sctx = ctx(cfg["server"], ssl.PROTOCOL_TLS_SERVER)
cctx = ctx(cfg["client"], ssl.PROTOCOL_TLS_CLIENT)
cctx.check_hostname = True
lsock = socket.socket()
lsock.bind(("127.0.0.1", 0))
lsock.listen(1)
lsock.settimeout(10)
port = lsock.getsockname()[1]

def serve():
    try:
        conn, _ = lsock.accept()
        with sctx.wrap_socket(conn, server_side=True) as s:
            peer = s.getpeercert()
            for rdn in peer.get("subject", ()):
                for k, v in rdn:
                    if k == "commonName":
                        out["peerCommonName"] = v
            s.sendall(b"hello")
    except Exception as e:
        out["serverError"] = str(e)

t = threading.Thread(target=serve)
t.start()
try:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        with cctx.wrap_socket(raw, server_hostname=cfg["serverName"]) as s:
            data = s.recv(5)
            out["ok"] = data == b"hello"
            if not out["ok"]:
                out["clientError"] = "connection closed without an answer"
except Exception as e:
    out["clientError"] = str(e)
t.join()
lsock.close()
if out.get("serverError"):
    out["ok"] = False
print(json.dumps(out))
`;

/** Handshake a Python client against a Python server, both strict. */
export function pythonSslHandshake(opts: { server: TlsParty; client: TlsParty; serverName: string }): Promise<HandshakeResult> {
  const files = {
    'judge.py': SCRIPT,
    'server.crt': opts.server.certPem,
    'server.key': opts.server.keyPem,
    'server-ca.crt': opts.server.caPem,
    'client.crt': opts.client.certPem,
    'client.key': opts.client.keyPem,
    'client-ca.crt': opts.client.caPem,
    ...(opts.server.crlPem ? { 'server-crl.pem': opts.server.crlPem } : {}),
    ...(opts.client.crlPem ? { 'client-crl.pem': opts.client.crlPem } : {}),
  };
  return withFiles(files, (_dir, p) => {
    const side = (name: 'server' | 'client', party: TlsParty) => ({
      cert: p(`${name}.crt`),
      key: p(`${name}.key`),
      ca: p(`${name}-ca.crt`),
      ...(party.crlPem ? { crl: p(`${name}-crl.pem`) } : {}),
      passphrase: party.passphrase,
    });
    const cfg = { serverName: opts.serverName, server: side('server', opts.server), client: side('client', opts.client) };
    return withFiles({ 'cfg.json': JSON.stringify(cfg) }, (_d2, q) => {
      const r = run('python3', [p('judge.py'), q('cfg.json')]);
      const line = r.stdout.trim().split('\n').pop() ?? '';
      try {
        return JSON.parse(line) as HandshakeResult;
      } catch {
        return { ok: false, clientError: `python3 judge crashed: ${r.stderr.trim()}` };
      }
    });
  });
}
