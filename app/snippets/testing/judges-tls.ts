/**
 * Test fixture (sources of small programs the snippet runs start): TLS servers and clients we wrote to
 * judge snippets from the other side of the handshake, and the coodie entry points as coodie runs
 * them over the real cassandra-driver.
 */

/**
 * A Node TLS (or HTTPS) server: argv cert key ca port mode, mode "tls" or "https". It requires client
 * certificates from ca and prints "accepted CN" per handshake, "refused: reason" per failed one.
 */
export const SERVER_JUDGE = String.raw`
import { readFileSync } from 'node:fs';
import { createServer as tlsServer } from 'node:tls';
import { createServer as httpsServer } from 'node:https';
const [cert, key, ca, port, mode] = process.argv.slice(2);
const options = { cert: readFileSync(cert), key: readFileSync(key), ca: readFileSync(ca), requestCert: true, rejectUnauthorized: true };
const server = mode === 'https'
  ? httpsServer(options, (req, res) => res.end('hello ' + req.socket.getPeerCertificate().subject.CN + '\n'))
  : tlsServer(options, (socket) => socket.end('hello ' + socket.getPeerCertificate().subject.CN + '\n'));
server.on('secureConnection', (socket) => console.log('accepted ' + socket.getPeerCertificate().subject.CN));
server.on('tlsClientError', (err) => console.log('refused: ' + err.message));
server.listen(Number(port), '127.0.0.1', () => console.log('listening on port ' + port));
`;

/**
 * An HTTPS client on Python's httpx (the real library): argv url ca [cert key]. Prints the status and
 * body, or "failed: reason" and exits 1.
 */
export const HTTPX_CLIENT = String.raw`
import ssl, sys
import httpx
url, ca, *pair = sys.argv[1:]
ctx = ssl.create_default_context(cafile=ca)
if pair:
    ctx.load_cert_chain(pair[0], pair[1])
try:
    r = httpx.get(url, verify=ctx, timeout=10)
    print(r.status_code, r.text.strip())
except Exception as e:
    print("failed:", type(e).__name__, e)
    sys.exit(1)
`;

/** A Node TLS client: argv host port servername ca [cert key]. Prints what the server sent, or "failed: reason". */
export const TLS_CLIENT_JUDGE = String.raw`
import { readFileSync } from 'node:fs';
import { connect } from 'node:tls';
const [host, port, servername, ca, cert, key] = process.argv.slice(2);
const socket = connect({ host, port: Number(port), servername, ca: readFileSync(ca), ...(cert ? { cert: readFileSync(cert), key: readFileSync(key) } : {}) });
let data = '';
socket.setEncoding('utf8');
socket.on('data', (d) => { data += d; });
socket.on('end', () => { console.log(data ? data.trim() : 'failed: closed without a reply'); process.exitCode = data ? 0 : 1; });
socket.on('error', (e) => { console.log('failed: ' + e.message); process.exitCode = 1; });
`;

/**
 * coodie's entry points as fruch/coodie@07b8cd0 src/coodie/drivers/__init__.py runs them for the
 * scylla/cassandra drivers: Cluster(hosts, ssl_context=..., **kwargs).connect(keyspace) on the real
 * cassandra-driver; coodie.aio.init_coodie is init_coodie_async, which ends in the same call.
 */
export const COODIE_OVER_CASSANDRA_DRIVER: Record<string, string> = {
  'coodie/__init__.py': '',
  'coodie/sync.py': String.raw`
from cassandra.cluster import Cluster


def init_coodie(hosts=None, keyspace=None, ssl_context=None, **kwargs):
    if ssl_context is not None:
        kwargs["ssl_context"] = ssl_context
    cluster = Cluster(hosts or ["127.0.0.1"], **kwargs)
    return cluster.connect(keyspace)
`,
  'coodie/aio.py': String.raw`
from coodie.sync import init_coodie as _init_coodie


async def init_coodie(hosts=None, keyspace=None, ssl_context=None, **kwargs):
    return _init_coodie(hosts=hosts, keyspace=keyspace, ssl_context=ssl_context, **kwargs)
`,
};

/**
 * cqlsh's TLS connection as cqlsh makes it (apache/cassandra pylib/cqlshlib/sslhandling.py ssl_settings,
 * restated): [ssl] certfile, validate, userkey, usercert become cassandra-driver ssl_options (no
 * check_hostname), dialling [connection] hostname and port. argv: the cqlshrc file.
 */
export const CQLSH_CONNECT = String.raw`
import configparser, ssl, sys
from cassandra.cluster import Cluster
rc = configparser.ConfigParser()
rc.read(sys.argv[1])
validate = rc.get("ssl", "validate", fallback="true").lower() != "false"
options = dict(
    ca_certs=rc.get("ssl", "certfile"),
    cert_reqs=ssl.CERT_REQUIRED if validate else ssl.CERT_NONE,
    ssl_version=ssl.PROTOCOL_TLS,
    keyfile=rc.get("ssl", "userkey", fallback=None),
    certfile=rc.get("ssl", "usercert", fallback=None),
)
host = rc.get("connection", "hostname")
Cluster([host], port=rc.getint("connection", "port"), ssl_options=options).connect()
`;
