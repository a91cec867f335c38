/**
 * Python's `ssl` as a batch chain judge: one python3 process handshakes every chain twice over
 * loopback, once with Python 3.13's default verification (VERIFY_X509_STRICT and
 * VERIFY_X509_PARTIAL_CHAIN, CPython Lib/ssl.py create_default_context) on both sides, once with
 * OpenSSL's default flags (Python 3.12 and earlier).
 */
import { run, withFiles } from './tools.ts';
import { handshakeSetup } from './tls-chain.ts';
import { oneLine, type HandshakePeer, type JudgedChain, type StackVerdict } from './chain.ts';

const SCRIPT = String.raw`
import json, socket, ssl, sys, threading

STRICT = ssl.VERIFY_X509_STRICT | ssl.VERIFY_X509_PARTIAL_CHAIN

def ctx(side, purpose, strict):
    c = ssl.SSLContext(purpose)
    if strict:
        c.verify_flags |= STRICT
    c.load_verify_locations(cafile=side["ca"])
    c.load_cert_chain(side["cert"], side["key"])
    c.verify_mode = ssl.CERT_REQUIRED
    return c

def handshake(cfg, strict):
    out = {"ok": False}
    try:
        sctx = ctx(cfg["server"], ssl.PROTOCOL_TLS_SERVER, strict)
        cctx = ctx(cfg["client"], ssl.PROTOCOL_TLS_CLIENT, strict)
    except Exception as e:
        return {"ok": False, "reason": "load: " + str(e)}
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
    reasons = [k.replace("Error", "") + ": " + out[k] for k in ("serverError", "clientError") if out.get(k)]
    return {"ok": out["ok"], "reason": "ok" if out["ok"] else "; ".join(reasons)}

cfgs = json.load(open(sys.argv[1]))
print(json.dumps([{"strict": handshake(c, True), "default": handshake(c, False)} for c in cfgs]))
`;

export interface PythonVerdicts {
  /** Python 3.13+: VERIFY_X509_STRICT | VERIFY_X509_PARTIAL_CHAIN. */
  strict: StackVerdict;
  /** Python 3.12 and earlier: OpenSSL's default flags. */
  default: StackVerdict;
}

export function pythonSslVerdicts(chains: JudgedChain[], peer: HandshakePeer): Promise<PythonVerdicts[]> {
  const files: Record<string, string> = { 'judge.py': SCRIPT, 'peer-ca.pem': peer.caPem };
  for (const who of ['server', 'client'] as const) {
    files[`peer-${who}.pem`] = peer[who].certPem;
    files[`peer-${who}.key`] = peer[who].keyPem;
  }
  chains.forEach((c, i) => {
    const s = handshakeSetup(c, peer);
    files[`${i}-server.pem`] = s.server.certPem;
    files[`${i}-server.key`] = s.server.keyPem;
    files[`${i}-server-ca.pem`] = s.server.caPem;
    files[`${i}-client.pem`] = s.client.certPem;
    files[`${i}-client.key`] = s.client.keyPem;
    files[`${i}-client-ca.pem`] = s.client.caPem;
  });
  return withFiles(files, (_dir, p) => {
    const side = (i: number, who: string) => ({ cert: p(`${i}-${who}.pem`), key: p(`${i}-${who}.key`), ca: p(`${i}-${who}-ca.pem`) });
    const cfgs = chains.map((c, i) => ({ serverName: handshakeSetup(c, peer).serverName, server: side(i, 'server'), client: side(i, 'client') }));
    return withFiles({ 'cfgs.json': JSON.stringify(cfgs) }, (_d2, q) => {
      const r = run('python3', [p('judge.py'), q('cfgs.json')], { timeoutMs: 600_000 });
      try {
        const out = JSON.parse(r.stdout) as PythonVerdicts[];
        for (const v of out) for (const m of [v.strict, v.default]) m.reason = oneLine(m.reason);
        return out;
      } catch {
        throw new Error(`python3 batch judge crashed (status ${r.status}): ${r.stderr.trim()}`);
      }
    });
  });
}
