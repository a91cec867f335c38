"""The python `cryptography` anchor of the issuance benchmark (app/bench/issue-anchor.ts runs it).

The same work certbench does for a node certificate: a fresh P-256 key, a certificate with the
node profile's extensions (basicConstraints CA:FALSE critical, keyUsage digitalSignature
critical, extendedKeyUsage serverAuth + clientAuth, the SANs, SKI, AKI keyid) signed
ECDSA-SHA256 by a P-256 CA, 16-byte random serial, and both as PEM (certificate, PKCS#8 key).

  issue_python.py memory NODES.txt
      issue in process under a CA made here; nothing written. Timed as certbench's issueBatch is
      timed: from the node list's text and the CA as PEM (made before the clock starts) to every
      node's certificate and key PEM, kept in a list; parsing the list and loading the CA included
  issue_python.py floor NODES.txt
      the floor under the same work: per node a fresh P-256 key and one ECDSA-SHA256 signature
      over 420 bytes (about a node certificate's TBS), nothing else
  issue_python.py files NODES.txt CA_DIR OUT_DIR
      issue under CA_DIR/ca.crt + ca.key and write OUT_DIR/NAME/node.crt (0644) and node.key
      (0600), as `certbench issue batch` does

NODES.txt is certbench's node list (a name, then IPs and DNS names); as certbench does for the
node profile, the name goes first into the SANs. Prints one JSON line: {"n", "ms", "cpu_ms", "python",
"cryptography"}: ms is the wall time of issuing (loading the CA and parsing the list included, and
writing the files for `files`) measured in this process, interpreter start-up excluded; cpu_ms its
CPU time.
"""

import datetime
import ipaddress
import json
import os
import platform
import sys
import time

import cryptography
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def parse_nodes(text):
    nodes = []
    for raw in text.splitlines():
        words = raw.split("#", 1)[0].replace(",", " ").split()
        if words:
            nodes.append((words[0], [words[0]] + words[1:]))
    return nodes


def general_name(text):
    try:
        return x509.IPAddress(ipaddress.ip_address(text))
    except ValueError:
        return x509.DNSName(text)


def new_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench CA")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def ca_pems(cert, key):
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def load_pems(cert_pem, key_pem):
    return x509.load_pem_x509_certificate(cert_pem), serialization.load_pem_private_key(key_pem, password=None)


def load_ca(ca_dir):
    with open(os.path.join(ca_dir, "ca.crt"), "rb") as f:
        cert_pem = f.read()
    with open(os.path.join(ca_dir, "ca.key"), "rb") as f:
        key_pem = f.read()
    return load_pems(cert_pem, key_pem)


def issuer(ca_cert, ca_key, days):
    """A function issuing one node certificate: (name, sans) -> (cert PEM, key PEM)."""
    ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    aki = x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski)
    eku = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH])
    ku = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
    bc = x509.BasicConstraints(ca=False, path_length=None)
    now = datetime.datetime.now(datetime.timezone.utc)
    not_before = now - datetime.timedelta(minutes=5)
    not_after = not_before + datetime.timedelta(days=days)

    def issue(name, sans):
        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key()
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(ca_cert.subject)
            .public_key(public)
            .serial_number(int.from_bytes(os.urandom(16), "big") >> 1)
            .not_valid_before(not_before)
            .not_valid_after(not_after)
            .add_extension(bc, critical=True)
            .add_extension(ku, critical=True)
            .add_extension(eku, critical=False)
            .add_extension(x509.SubjectAlternativeName([general_name(s) for s in sans]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .add_extension(aki, critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        key_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        return cert.public_bytes(serialization.Encoding.PEM), key_pem

    return issue


def write_file(path, data, mode):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(path, mode)


def main(argv):
    if len(argv) < 2 or argv[0] not in ("memory", "files", "floor"):
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    if argv[0] == "floor":
        ca_key, tbs = ec.generate_private_key(ec.SECP256R1()), os.urandom(420)
        nodes = parse_nodes(text)
        start, cpu = time.perf_counter(), time.process_time()
        for _ in nodes:
            ec.generate_private_key(ec.SECP256R1())
            ca_key.sign(tbs, ec.ECDSA(hashes.SHA256()))
    elif argv[0] == "memory":
        cert_pem, key_pem = ca_pems(*new_ca())
        warm = issuer(*load_pems(cert_pem, key_pem), days=90)
        for name, sans in parse_nodes(text)[:20]:  # warm-up, as the certbench side gets
            warm(name, sans)
        start, cpu = time.perf_counter(), time.process_time()
        issue = issuer(*load_pems(cert_pem, key_pem), days=90)
        nodes = parse_nodes(text)
        issued = [issue(name, sans) for name, sans in nodes]  # kept, as issueBatch returns its items
    else:
        ca_dir, out = argv[2], argv[3]
        start, cpu = time.perf_counter(), time.process_time()
        issue = issuer(*load_ca(ca_dir), days=90)
        nodes = parse_nodes(text)
        for name, sans in nodes:
            cert_pem, key_pem = issue(name, sans)
            folder = os.path.join(out, name)
            os.makedirs(folder, exist_ok=True)
            write_file(os.path.join(folder, "node.crt"), cert_pem, 0o644)
            write_file(os.path.join(folder, "node.key"), key_pem, 0o600)
    ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    print(
        json.dumps(
            {
                "n": len(nodes),
                "ms": ms,
                "cpu_ms": cpu_ms,
                "python": platform.python_version(),
                "cryptography": cryptography.__version__,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
