/**
 * Python `cryptography` (48, with OpenSSL 3.5 inside its wheel) as the ML-DSA judge: it loads
 * ML-DSA SubjectPublicKeyInfos and PKCS#8 keys and verifies ML-DSA signatures, though it cannot
 * build such certificates. One python3 process checks every signature over each tbsCertificate
 * and each CSR's certificationRequestInfo with the issuer's (or requester's) key, loads every
 * private key and compares its public half with the certificate it belongs to. It also makes
 * keys and signatures for the other direction (python's keys read by certbench).
 */
import { run, withFiles } from './tools.ts';

const CHECK = String.raw`
import json, sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, mldsa, padding, rsa

MLDSA_PUBLIC = (mldsa.MLDSA44PublicKey, mldsa.MLDSA65PublicKey, mldsa.MLDSA87PublicKey)
cfg = json.load(open(sys.argv[1]))
certs = {c["name"]: x509.load_pem_x509_certificate(c["pem"].encode()) for c in cfg["certificates"]}
out = []

def kind(key):
    return type(key).__name__.replace("PublicKey", "").replace("PrivateKey", "").replace("_", "")

def check(key, signature, data, signed):
    # ML-DSA: pure ML-DSA with the empty context (RFC 9881 §3). The others as their OIDs say
    # (signature_hash_algorithm raises for ML-DSA, so it is read only for them).
    if isinstance(key, MLDSA_PUBLIC):
        key.verify(signature, data)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(signed.signature_hash_algorithm))
    elif isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, data, padding.PKCS1v15(), signed.signature_hash_algorithm)
    elif isinstance(key, ed25519.Ed25519PublicKey):
        key.verify(signature, data)
    else:
        raise Exception("no check for " + kind(key))

def judge(name, what, fn):
    try:
        detail = fn()
        out.append({"name": name, "what": what, "ok": True, "detail": detail})
    except Exception as e:
        out.append({"name": name, "what": what, "ok": False, "detail": type(e).__name__ + ": " + str(e)})

for c in cfg["certificates"]:
    cert = certs[c["name"]]
    issuer = certs[c["issuer"]]
    def f(cert=cert, issuer=issuer):
        check(issuer.public_key(), cert.signature, cert.tbs_certificate_bytes, cert)
        return kind(cert.public_key()) + " signed by " + kind(issuer.public_key()) + " " + cert.signature_algorithm_oid.dotted_string
    judge(c["name"], "certificate", f)

for r in cfg["csrs"]:
    def f(r=r):
        csr = x509.load_pem_x509_csr(r["pem"].encode())
        check(csr.public_key(), csr.signature, csr.tbs_certrequest_bytes, csr)
        return kind(csr.public_key()) + " " + csr.signature_algorithm_oid.dotted_string
    judge(r["name"], "csr", f)

for k in cfg["keys"]:
    def f(k=k):
        key = serialization.load_pem_private_key(k["pem"].encode(), password=k.get("password", "").encode() or None)
        raw = lambda p: p.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        if k.get("certificate") and raw(key.public_key()) != raw(certs[k["certificate"]].public_key()):
            raise Exception("the key is not the certificate's")
        if k.get("spkiPem") and raw(key.public_key()) != raw(serialization.load_pem_public_key(k["spkiPem"].encode())):
            raise Exception("the key is not the given public key's")
        return kind(key)
    judge(k["name"], "key", f)

print(json.dumps(out))
`;

export interface PythonMlDsaInput {
  /** Every certificate, each naming its issuer (itself for a root). */
  certificates: { name: string; pem: string; issuer: string }[];
  csrs: { name: string; pem: string }[];
  /** Private keys to load, optionally checked against a certificate or an SPKI PEM. */
  keys: { name: string; pem: string; password?: string; certificate?: string; spkiPem?: string }[];
}

export interface PythonMlDsaVerdict {
  name: string;
  what: 'certificate' | 'csr' | 'key';
  ok: boolean;
  /** What python saw ("MLDSA65 signed by MLDSA44 2.16.840.1.101.3.4.3.17", "MLDSA87"), or why it refused. */
  detail: string;
}

function python(script: string, config: unknown): Promise<string> {
  return withFiles({ 'judge.py': script, 'config.json': JSON.stringify(config) }, (_dir, path) => {
    const r = run('python3', [path('judge.py'), path('config.json')], { timeoutMs: 120_000 });
    if (r.status !== 0) throw new Error(`python3 cryptography judge failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  });
}

/** One verdict per certificate, CSR and key, in input order. */
export async function pythonMlDsaVerdicts(input: PythonMlDsaInput): Promise<PythonMlDsaVerdict[]> {
  return JSON.parse(await python(CHECK, input)) as PythonMlDsaVerdict[];
}

const MAKE = String.raw`
import json, sys
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import mldsa

cfg = json.load(open(sys.argv[1]))
CLASSES = {"ML-DSA-44": mldsa.MLDSA44PrivateKey, "ML-DSA-65": mldsa.MLDSA65PrivateKey, "ML-DSA-87": mldsa.MLDSA87PrivateKey}
out = []
for name in cfg["names"]:
    key = CLASSES[name].generate()
    message = ("signed by python " + name).encode()
    out.append({
        "name": name,
        "pkcs8Pem": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode(),
        "spkiPem": key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
        "message": message.hex(),
        "signature": key.sign(message).hex(),
    })
print(json.dumps(out))
`;

export interface PythonMlDsaKey {
  name: string;
  pkcs8Pem: string;
  spkiPem: string;
  /** Hex of a message and of python's ML-DSA signature over it (empty context). */
  message: string;
  signature: string;
}

/** Fresh ML-DSA keys made by python `cryptography`, with a signature each. */
export async function pythonMlDsaKeys(names: readonly string[]): Promise<PythonMlDsaKey[]> {
  return JSON.parse(await python(MAKE, { names })) as PythonMlDsaKey[];
}
