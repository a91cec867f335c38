/**
 * Test fixture: stand-ins for coodie, acsylla, casty and hs_py that build the same ssl contexts the
 * real libraries build from the arguments our snippets pass (per the seed guides), then handshake
 * with them against the address in CERTBENCH_ADDR. A snippet that passes a wrong keyword, a path
 * where PEM text belongs, or a file that does not load fails here. Python files: name → source.
 */
export const PYTHON_SHIMS: Record<string, string> = {
  '_certbench_probe.py': String.raw`
import os, socket, ssl

def handshake(ctx, server_hostname, strict=True):
    if strict:
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

def init_coodie(*, hosts, keyspace, ssl_context=None, port=None, **kwargs):
    assert not kwargs, kwargs
    assert isinstance(ssl_context, __import__("ssl").SSLContext)
    handshake(ssl_context, hosts[0] if ssl_context.check_hostname else None)
`,
  'coodie/aio.py': String.raw`
import os, socket, ssl, tempfile
import acsylla
from _certbench_probe import handshake

def _acsylla_context(hosts, ssl_enabled, ssl_trusted_cert, ssl_cert, ssl_private_key, ssl_verify_flags, ssl_private_key_password="", hostname_resolution=False, port=None):
    # What the ScyllaDB C++ driver does with the flags (OpenSslSession::verify): the chain only with
    # PEER_CERT (0x01), the dialled IP with 0x02, the reverse-resolved name with PEER_IDENTITY_DNS (0x04).
    assert ssl_enabled is True
    for pem in (ssl_trusted_cert, ssl_cert, ssl_private_key):
        assert pem.startswith("-----BEGIN "), "acsylla takes PEM text, not a path"
    flags = int(ssl_verify_flags)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_REQUIRED if flags & 0x01 else ssl.CERT_NONE
    if flags & 0x02:
        name = hosts[0]
    elif flags & 0x04:
        assert hostname_resolution, "PEER_IDENTITY_DNS without hostname_resolution matches no name"
        name = socket.gethostbyaddr(hosts[0])[0]
    else:
        name = None
    ctx.check_hostname = name is not None and bool(flags & 0x01)
    ctx.load_verify_locations(cadata=ssl_trusted_cert)
    with tempfile.TemporaryDirectory() as d:
        cert, key = os.path.join(d, "c.pem"), os.path.join(d, "k.pem")
        open(cert, "w").write(ssl_cert)
        open(key, "w").write(ssl_private_key)
        ctx.load_cert_chain(cert, key, password=ssl_private_key_password or None)
    return ctx, name

async def init_coodie(*, hosts, keyspace, ssl_context=None, driver_type="scylla", port=None, **kwargs):
    if driver_type == "acsylla":
        ssl_context, name = _acsylla_context(hosts, **kwargs)
        handshake(ssl_context, name if ssl_context.check_hostname else None)
        return
    assert not kwargs, kwargs
    handshake(ssl_context, hosts[0] if ssl_context.check_hostname else None)
`,
  'acsylla.py': String.raw`

class SSLVerifyFlags:
    # As acsylla/_cython/constants.pyx binds them: PEER_IDENTITY is the driver's PEER_CERT.
    NONE = 0x00
    PEER_CERT = 0x01
    PEER_IDENTITY = 0x01
    PEER_IDENTITY_DNS = 0x04
`,
  'casty/__init__.py': String.raw`
# casty >= 0.21 exports ClusterClient, ClusteredActorSystem and the tls module from the package; casty 2
# has casty.TLS, casty.start and casty.connect. Nodes and clients dial the test server with their client side.
import ssl
from urllib.parse import urlsplit
from _certbench_probe import handshake
from casty import tls


class ClusteredActorSystem:
    def __init__(self, *, name, host, port, node_id, seed_nodes, tls):
        assert isinstance(tls, globals()["tls"].Config)
        self.host = host
        self.config = tls

    async def __aenter__(self):
        handshake(self.config.client_context, self.host)
        return self

    async def __aexit__(self, *exc):
        return False


class ClusterClient:
    def __init__(self, *, contact_points, system_name, tls):
        self.host = contact_points[0][0]
        self.config = tls

    async def __aenter__(self):
        handshake(self.config.client_context, self.host)
        return self

    async def __aexit__(self, *exc):
        return False


class TLS:
    def __init__(self, cert, key, ca=None, require_client_cert=True):
        assert require_client_cert is True and ca
        self.client_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.client_context.load_cert_chain(cert, key)
        self.client_context.load_verify_locations(ca)


class _Member:
    async def close(self):
        pass


def _host(addr):
    return urlsplit("//" + addr).hostname


async def start(listen, *, seeds=(), tls=None, config=None):
    handshake(tls.client_context, _host(listen))
    return _Member()


async def connect(seeds, *, tls=None, config=None):
    handshake(tls.client_context, _host(seeds[0]))
    return _Member()
`,
  'casty/tls.py': String.raw`
import ssl
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    server_context: ssl.SSLContext
    client_context: ssl.SSLContext

    @classmethod
    def from_paths(cls, *, certfile, cafile, keyfile=None):
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.load_cert_chain(certfile, keyfile)
        server.verify_mode = ssl.CERT_REQUIRED
        server.load_verify_locations(cafile)
        client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        client.load_cert_chain(certfile, keyfile)
        client.load_verify_locations(cafile)
        return cls(server_context=server, client_context=client)
`,
  'hs_py/__init__.py': String.raw`
# hs_py's TLSConfig and context builders as hs_py/tls.py has them (TLS 1.3 minimum, X509_STRICT, client
# certificate required on the server), WebSocketServer's certificate login as ws_server.py does it.
import asyncio
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit
from _certbench_probe import handshake
from hs_py.auth_types import CertAuthenticator


@dataclass(frozen=True)
class TLSConfig:
    certificate_path: str | None = None
    private_key_path: str | None = None
    ca_certificates_path: str | None = None
    key_password: bytes | str | None = None


def build_client_ssl_context(tls):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.verify_flags |= ssl.VERIFY_X509_STRICT
    if tls.certificate_path and tls.private_key_path:
        ctx.load_cert_chain(tls.certificate_path, tls.private_key_path, password=tls.key_password)
    if tls.ca_certificates_path:
        ctx.load_verify_locations(tls.ca_certificates_path)
    return ctx


def build_server_ssl_context(tls):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.verify_flags |= ssl.VERIFY_X509_STRICT
    if tls.certificate_path and tls.private_key_path:
        ctx.load_cert_chain(tls.certificate_path, tls.private_key_path, password=tls.key_password)
    if tls.ca_certificates_path:
        ctx.load_verify_locations(tls.ca_certificates_path)
    return ctx


class HaystackOps:
    async def about(self):
        return [{"productName": "hs-py"}]


class WebSocketServer:
    def __init__(self, ops, *, tls=None, cert_auth=None, host="0.0.0.0", port=8080, **kwargs):
        assert isinstance(cert_auth, CertAuthenticator)
        self._tls, self._cert_auth, self._host, self._port = tls, cert_auth, host, port

    async def _handle(self, reader, writer):
        cn = self._cert_auth.authorize(writer.get_extra_info("peercert"))
        if cn is None:
            print("refused: certificate not authorized", flush=True)
        else:
            writer.write(f"hello {cn}\n".encode())
            await writer.drain()
        writer.close()

    async def start(self):
        ctx = build_server_ssl_context(self._tls) if self._tls else None
        self._server = await asyncio.start_server(self._handle, self._host, self._port, ssl=ctx)
        print(f"listening on {self._port}", flush=True)

    async def stop(self):
        self._server.close()


class WebSocketClient:
    def __init__(self, url, *, tls=None, **kwargs):
        self.host = urlsplit(url).hostname
        self.tls = tls

    async def __aenter__(self):
        handshake(build_client_ssl_context(self.tls), self.host, strict=False)
        return self

    async def __aexit__(self, *exc):
        return False

    async def about(self):
        return [{"productName": "shim"}]
`,
  'hs_py/auth_types.py': String.raw`
class CertAuthenticator:
    # hs_py/auth_types.py: the CN of the verified peer certificate, if it is in allowed_cns.
    def __init__(self, allowed_cns):
        assert isinstance(allowed_cns, set) and all(isinstance(cn, str) for cn in allowed_cns)
        self._allowed_cns = allowed_cns

    def authorize(self, peercert):
        for rdn in (peercert or {}).get("subject", ()):
            for key, value in rdn:
                if key == "commonName":
                    return value if value in self._allowed_cns else None
        return None
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
