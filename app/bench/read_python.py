"""The python `cryptography` anchor of the inspect benchmark (app/bench/browser-read.ts runs it).

Reads the same PEM bundle certbench's Inspect reads, in three steps of increasing work:
  parse    x509.load_pem_x509_certificates over the whole text
  fields   parse, then per certificate what a summary shows: subject and issuer (RFC 4514),
           serial, validity, SHA-256 and SHA-1 fingerprints, every extension, the public key
  verify   fields, and every self-issued certificate's signature checked with its own key
           (verify_directly_issued_by), as certbench's relations check each root

  read_python.py BUNDLE [RUNS]

Prints one JSON line: {"n", "parse_ms", "fields_ms", "verify_ms", "python", "cryptography"}: each
the best of RUNS runs after one warm-up, in this process (interpreter start-up excluded).
"""

import json
import platform
import sys
import time
import warnings

import cryptography
from cryptography import x509
from cryptography.hazmat.primitives import hashes

# Some roots have a zero or negative serial; certbench reads them too, without a warning.
warnings.filterwarnings("ignore", category=cryptography.utils.CryptographyDeprecationWarning)


def fields(cert):
    cert.subject.rfc4514_string()
    cert.issuer.rfc4514_string()
    cert.serial_number
    cert.not_valid_before_utc
    cert.not_valid_after_utc
    cert.fingerprint(hashes.SHA256())
    cert.fingerprint(hashes.SHA1())
    try:
        list(cert.extensions)
    except ValueError:
        pass  # a malformed extension: certbench reports it as a finding and goes on
    try:
        cert.public_key()
    except (ValueError, cryptography.exceptions.UnsupportedAlgorithm):
        pass


def verify_self(cert):
    if cert.subject != cert.issuer:
        return
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, cryptography.exceptions.InvalidSignature, cryptography.exceptions.UnsupportedAlgorithm):
        pass


def best_ms(runs, work):
    work()
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    with open(path, "rb") as f:
        data = f.read()
    n = len(x509.load_pem_x509_certificates(data))

    def parse():
        return x509.load_pem_x509_certificates(data)

    def with_fields():
        for cert in parse():
            fields(cert)

    def with_verify():
        for cert in parse():
            fields(cert)
            verify_self(cert)

    print(
        json.dumps(
            {
                "n": n,
                "parse_ms": best_ms(runs, parse),
                "fields_ms": best_ms(runs, with_fields),
                "verify_ms": best_ms(runs, with_verify),
                "python": platform.python_version(),
                "cryptography": cryptography.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
