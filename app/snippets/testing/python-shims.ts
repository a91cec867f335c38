/**
 * Test fixture: stand-ins for coodie, acsylla, casty and hs_py that build the same ssl contexts the
 * real libraries build from the arguments our snippets pass (per the seed guides), then handshake
 * with them against the address in CERTBENCH_ADDR. A snippet that passes a wrong keyword, a path
 * where PEM text belongs, or a file that does not load fails here. Python files: name → source.
 */
export const PYTHON_SHIMS: Record<string, string> = {
  '_certbench_probe.py': String.raw`
import os, socket, ssl

def handshake(ctx, server_hostname):
    ctx.verify_flags |= ssl.VERIFY_X509_STRICT  # what Python 3.13 and haystack-style servers check
    host, port = os.environ["CERTBENCH_ADDR"].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname=server_hostname) as s:
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(100)
                if not chunk:
                    break
                data += chunk
            print("HANDSHAKE", s.version(), data.decode().strip(), flush=True)
`,
  'coodie/__init__.py': '',
  'coodie/sync.py': String.raw`
from _certbench_probe import handshake

def init_coodie(*, hosts, keyspace, ssl_context=None, **kwargs):
    assert not kwargs, kwargs
    assert isinstance(ssl_context, __import__("ssl").SSLContext)
    handshake(ssl_context, hosts[0] if ssl_context.check_hostname else None)
`,
  'coodie/aio.py': String.raw`
import os, ssl, tempfile
import acsylla
from _certbench_probe import handshake

def _acsylla_context(hosts, ssl_enabled, ssl_trusted_cert, ssl_cert, ssl_private_key, ssl_verify_flags, ssl_private_key_password=""):
    assert ssl_enabled is True
    for pem in (ssl_trusted_cert, ssl_cert, ssl_private_key):
        assert pem.startswith("-----BEGIN "), "acsylla takes PEM text, not a path"
    assert isinstance(ssl_verify_flags, acsylla.SSLVerifyFlags)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = bool(ssl_verify_flags & (acsylla.SSLVerifyFlags.PEER_IDENTITY | acsylla.SSLVerifyFlags.PEER_IDENTITY_DNS))
    ctx.load_verify_locations(cadata=ssl_trusted_cert)
    with tempfile.TemporaryDirectory() as d:
        cert, key = os.path.join(d, "c.pem"), os.path.join(d, "k.pem")
        open(cert, "w").write(ssl_cert)
        open(key, "w").write(ssl_private_key)
        ctx.load_cert_chain(cert, key, password=ssl_private_key_password or None)
    return ctx

async def init_coodie(*, hosts, keyspace, ssl_context=None, driver_type="scylla", **kwargs):
    if driver_type == "acsylla":
        ssl_context = _acsylla_context(hosts, **kwargs)
    else:
        assert not kwargs, kwargs
    handshake(ssl_context, hosts[0] if ssl_context.check_hostname else None)
`,
  'acsylla.py': String.raw`
import enum

class SSLVerifyFlags(enum.IntFlag):
    NONE = 0
    PEER_CERT = 1
    PEER_IDENTITY = 2
    PEER_IDENTITY_DNS = 4
`,
  'casty/__init__.py': String.raw`
import ssl
from _certbench_probe import handshake
from casty.tls import Config

class TLS:
    def __init__(self, *, cert, key, ca, require_client_cert):
        assert require_client_cert is True
        self.config = Config.from_paths(certfile=cert, keyfile=key, cafile=ca)
        self.client_context = self.config.client_context

class ClusterClient:
    def __init__(self, *, contact_points, system_name, tls):
        self.host = contact_points[0][0]
        self.tls = tls

    async def __aenter__(self):
        handshake(self.tls.client_context, self.host)
        return self

    async def __aexit__(self, *exc):
        return False
`,
  'casty/tls.py': String.raw`
import ssl

class Config:
    def __init__(self, server_context=None, client_context=None):
        self.server_context = server_context
        self.client_context = client_context

    @classmethod
    def from_paths(cls, certfile, keyfile=None, cafile=None):
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.load_cert_chain(certfile, keyfile)
        server.verify_mode = ssl.CERT_REQUIRED
        server.load_verify_locations(cafile)
        client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        client.load_cert_chain(certfile, keyfile)
        client.load_verify_locations(cafile)
        return cls(server_context=server, client_context=client)
`,
  'casty/sharding.py': String.raw`
from _certbench_probe import handshake

class ClusteredActorSystem:
    def __init__(self, *, name, host, port, node_id, seed_nodes, tls):
        self.host = host
        self.tls = tls

    async def __aenter__(self):
        # A node dials its peers with the client side of its Config; here it dials the test server.
        handshake(self.tls.client_context, self.host)
        return self

    async def __aexit__(self, *exc):
        return False
`,
  'hs_py/__init__.py': String.raw`
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit
from _certbench_probe import handshake

@dataclass(frozen=True)
class TLSConfig:
    certificate_path: str | None = None
    private_key_path: str | None = None
    ca_certificates_path: str | None = None
    key_password: bytes | None = None

def build_client_ssl_context(tls):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    if tls.ca_certificates_path:
        ctx.load_verify_locations(tls.ca_certificates_path)
    if tls.certificate_path:
        ctx.load_cert_chain(tls.certificate_path, tls.private_key_path, password=tls.key_password)
    return ctx

def build_server_ssl_context(tls):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_cert_chain(tls.certificate_path, tls.private_key_path, password=tls.key_password)
    if tls.ca_certificates_path:
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(tls.ca_certificates_path)
    return ctx

class Client:
    def __init__(self, url, username, password, tls=None):
        self.host = urlsplit(url).hostname
        self.tls = tls

    async def __aenter__(self):
        handshake(build_client_ssl_context(self.tls), self.host)
        return self

    async def __aexit__(self, *exc):
        return False

    async def about(self):
        return {"productName": "shim"}
`,
  'hs_py/auth_types.py': String.raw`
class CertAuthenticator:
    def __init__(self, allowed_cns):
        assert isinstance(allowed_cns, set) and all(isinstance(cn, str) for cn in allowed_cns)
        self.allowed_cns = allowed_cns
`,
  'run_snippet.py': String.raw`
import asyncio, runpy, sys
from _certbench_probe import handshake

ns = runpy.run_path(sys.argv[1])
for step in sys.argv[2:]:
    if step.startswith("probe:"):
        _, var, host = step.split(":", 2)
        handshake(ns[var].client_context, host)
        continue
    result = ns[step]()
    if asyncio.iscoroutine(result):
        asyncio.run(result)
`,
};
