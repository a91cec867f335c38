/**
 * Python's `ssl` as a judge: one python3 process handshakes each case over loopback (a Python
 * server requiring a client certificate, a Python client checking the server's name), once per
 * mode, a mode being the verify flags both sides set. pythonSslVerdicts runs the differential
 * corpus with Python 3.13's default verification (VERIFY_X509_STRICT and
 * VERIFY_X509_PARTIAL_CHAIN, CPython Lib/ssl.py create_default_context) and with OpenSSL's default
 * flags (Python 3.12 and earlier); python-ssl.ts runs one handshake. A side given a CRL loads it
 * with load_verify_locations and checks its peer's leaf (VERIFY_CRL_CHECK_LEAF).
 */
import { run, withFiles } from './tools.ts';
import { handshakeSetup, handshakeVerdict } from './tls-chain.ts';
import type { HandshakeResult, TlsParty } from './node-tls.ts';
import type { HandshakePeer, JudgedChain, StackVerdict } from './chain.ts';

const SCRIPT = String.raw`
import json, socket, ssl, sys, threading

def ctx(side, purpose, flags):
    c = ssl.SSLContext(purpose)
    for flag in flags:
        c.verify_flags |= getattr(ssl, flag)
    c.load_verify_locations(cafile=side["ca"])
    if side.get("crl"):
        c.load_verify_locations(cafile=side["crl"])
        c.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    c.load_cert_chain(side["cert"], side["key"], password=side.get("passphrase"))
    c.verify_mode = ssl.CERT_REQUIRED
    return c

def handshake(cfg, flags):
    out = {"ok": False}
    try:
        sctx = ctx(cfg["server"], ssl.PROTOCOL_TLS_SERVER, flags)
        cctx = ctx(cfg["client"], ssl.PROTOCOL_TLS_CLIENT, flags)
    except Exception as e:
        return {"ok": False, "clientError": "load: " + str(e)}
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
                for rdn in s.getpeercert().get("subject", ()):
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
    return out

job = json.load(open(sys.argv[1]))
print(json.dumps([{mode: handshake(c, flags) for mode, flags in job["modes"].items()} for c in job["cases"]]))
`;

/** One handshake to run: both sides' credentials and the name the client dials. */
export interface PythonCase {
  server: TlsParty;
  client: TlsParty;
  serverName: string;
}

/** Mode name → the `ssl.VERIFY_*` flags both sides add to their context. */
export type PythonModes<M extends string> = Record<M, string[]>;

/** Every case in every mode, one python3 process; results in case order. */
export function pythonHandshakes<M extends string>(
  cases: PythonCase[],
  modes: PythonModes<M>,
): Promise<Record<M, HandshakeResult>[]> {
  const files: Record<string, string> = { 'judge.py': SCRIPT };
  cases.forEach((c, i) => {
    for (const who of ['server', 'client'] as const) {
      files[`${i}-${who}.pem`] = c[who].certPem;
      files[`${i}-${who}.key`] = c[who].keyPem;
      files[`${i}-${who}-ca.pem`] = c[who].caPem;
      const crl = c[who].crlPem;
      if (crl) files[`${i}-${who}-crl.pem`] = crl;
    }
  });
  return withFiles(files, (_dir, p) => {
    const side = (i: number, who: 'server' | 'client', party: TlsParty) => ({
      cert: p(`${i}-${who}.pem`),
      key: p(`${i}-${who}.key`),
      ca: p(`${i}-${who}-ca.pem`),
      passphrase: party.passphrase,
      ...(party.crlPem ? { crl: p(`${i}-${who}-crl.pem`) } : {}),
    });
    const job = {
      modes,
      cases: cases.map((c, i) => ({
        serverName: c.serverName,
        server: side(i, 'server', c.server),
        client: side(i, 'client', c.client),
      })),
    };
    return withFiles({ 'job.json': JSON.stringify(job) }, (_d2, q) => {
      const r = run('python3', [p('judge.py'), q('job.json')], { timeoutMs: 600_000 });
      try {
        return JSON.parse(r.stdout) as Record<M, HandshakeResult>[];
      } catch {
        throw new Error(`python3 handshake judge crashed (status ${r.status}): ${r.stderr.trim()}`);
      }
    });
  });
}

export interface PythonVerdicts {
  /** Python 3.13+: VERIFY_X509_STRICT | VERIFY_X509_PARTIAL_CHAIN. */
  strict: StackVerdict;
  /** Python 3.12 and earlier: OpenSSL's default flags. */
  default: StackVerdict;
}

/** Every chain of the differential corpus, with Python 3.13's flags and with the defaults. */
export async function pythonSslVerdicts(chains: JudgedChain[], peer: HandshakePeer): Promise<PythonVerdicts[]> {
  const results = await pythonHandshakes(
    chains.map((c) => handshakeSetup(c, peer)),
    {
      strict: ['VERIFY_X509_STRICT', 'VERIFY_X509_PARTIAL_CHAIN'],
      default: [],
    },
  );
  return results.map((r) => ({ strict: handshakeVerdict(r.strict), default: handshakeVerdict(r.default) }));
}
