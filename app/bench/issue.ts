/**
 * Benchmark section "issue": P-256 node certificates (a fresh key each, 3 SANs, certificate and
 * key as PEM) in Node, each figure beside python `cryptography` doing the same work in the same
 * run (issue-anchor.ts), best of ROUNDS interleaved rounds on each side:
 *  - in process: `issueBatch` of N nodes vs the python script issuing in memory, on Node's engine
 *    (what the CLI uses, node-leaf-engine.ts) and on WebCrypto (the browser's path);
 *  - the CLI: `certbench issue batch` of N nodes with the node folders written, vs the python
 *    script writing the same files (OUT/NAME/node.crt 0644 and node.key 0600) under the same CA.
 * Then the floor under both (a fresh key and one signature per certificate, on Node's OpenSSL
 * calls and on python's) and what each side spends above it in process.
 * Beside them, for scale: the raw WebCrypto floor (generate, sign, export; one at a time and
 * BATCH_IN_FLIGHT at a time) and the general @peculiar/x509 path. Prints figures; fails only
 * when the python anchor is missing.
 */
import { createECDH, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BATCH_IN_FLIGHT,
  type CaResult,
  createRootCa,
  issueBatch,
  issueLeaf,
  keyAlgorithm,
  loadIssuer,
  type LeafEngineFactory,
} from '../pki/index.ts';
import { nodeLeafEngine } from '../cli/node-leaf-engine.ts';
import { renewFigure } from './renew-figure.ts';
import { main as cli } from '../cli/main.ts';
import {
  anchorLine,
  anchorVersion,
  best,
  nodeList,
  nodeListFile,
  perCert,
  pythonFiles,
  pythonFloor,
  pythonInMemory,
  type PerCert,
} from './issue-anchor.ts';

const N = 1000;
const ROUNDS = 3;
/** The general path is several times slower; 100 certificates show its cost well enough. */
const GENERAL_N = 100;

/** Wall and CPU (every thread of this process: WebCrypto's pool included) per item. */
async function timed(n: number, work: () => Promise<unknown>): Promise<PerCert> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall: wall / n, cpu: (cpu.user + cpu.system) / 1000 / n };
}

/** The floor: what any issuer pays per certificate with WebCrypto, `inFlight` at a time. */
async function lowerBound(n: number, signingKey: CryptoKey, inFlight: number): Promise<PerCert> {
  const p256 = keyAlgorithm('p256');
  // About the size of a node certificate's TBS.
  const tbs = crypto.getRandomValues(new Uint8Array(420));
  let next = 0;
  const lane = async () => {
    while (next++ < n) {
      const pair = (await crypto.subtle.generateKey(p256.generate, true, ['sign', 'verify'])) as CryptoKeyPair;
      await crypto.subtle.exportKey('pkcs8', pair.privateKey);
      await crypto.subtle.sign(p256.sign, signingKey, tbs);
    }
  };
  return timed(n, () => Promise.all(Array.from({ length: inFlight }, lane)));
}

/**
 * Node's floor under the same work, as Node's engine makes it: a fresh P-256 key (one ECDH object,
 * generateKeys, the private scalar read out) and one synchronous ECDSA-SHA256 signature over 420
 * bytes (about a node certificate's TBS) per certificate; no certificate, no PEM.
 */
function nodeFloor(n: number): Promise<PerCert> {
  const issuer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const tbs = randomBytes(420);
  const ecdh = createECDH('prime256v1');
  return timed(n, () => {
    for (let i = 0; i < n; i++) {
      ecdh.generateKeys();
      ecdh.getPrivateKey();
      sign('sha256', tbs, { key: issuer, dsaEncoding: 'der' });
    }
    return Promise.resolve();
  });
}

async function inMemory(text: string, n: number, ca: CaResult, engine?: LeafEngineFactory): Promise<PerCert> {
  return timed(n, async () => {
    const r = await issueBatch(text, ca, { days: 90, ...(engine ? { engine } : {}) });
    if (r.items.length !== n) throw new Error(`expected ${n} certificates, got ${r.items.length}`);
    const want = engine ? 'platform' : 'webcrypto';
    if (r.engine !== want)
      throw new Error(`the batch ran on ${r.engine}, not ${want}: the figure would not be what it says`);
  });
}

/** `certbench issue batch` run in this process (its stdout kept out of the bench's output). */
async function cliBatch(nodesFile: string, n: number, caDir: string, outDir: string): Promise<PerCert> {
  const write = process.stdout.write.bind(process.stdout);
  let said = '';
  process.stdout.write = (chunk: string | Uint8Array) => ((said += String(chunk)), true);
  let status = -1;
  try {
    const figure = await timed(n, async () => {
      status = await cli(['issue', 'batch', nodesFile, '--ca-dir', caDir, '--out', outDir, '--days', '90']);
    });
    if (status !== 0) throw new Error(`certbench issue batch exited ${status}: ${said}`);
    return figure;
  } finally {
    process.stdout.write = write;
  }
}

async function generalPerCert(n: number, ca: CaResult): Promise<PerCert> {
  const loaded = await loadIssuer(ca);
  return timed(n, async () => {
    for (let i = 0; i < n; i++) {
      await issueLeaf(
        { profile: 'node', commonName: `node-${i}`, sans: `10.0.${i & 255}.1 node-${i}.cluster.example`, days: 90 },
        loaded,
      );
    }
  });
}

const fmt = (p: PerCert) => `${p.wall.toFixed(3)} ms/cert (CPU ${p.cpu?.toFixed(3) ?? '?'})`;

export async function bench(): Promise<void> {
  console.log(`anchor: ${anchorVersion()}`);
  const ca = await createRootCa({ subject: { commonName: 'Bench CA' }, algorithm: 'p256', days: 365 });
  const signingKey = (await loadIssuer(ca)).privateKey;
  const text = nodeList(N);
  const nodesFile = nodeListFile(N);
  const caDir = mkdtempSync(join(tmpdir(), 'certbench-bench-ca-'));
  writeFileSync(join(caDir, 'ca.crt'), ca.certPem);
  writeFileSync(join(caDir, 'ca.key'), ca.keyPem, { mode: 0o600 });
  const outDir = (side: string) => {
    const dir = join(caDir, `out-${side}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    return dir;
  };
  // Warm up JIT and the WebCrypto thread pool so the first round is not penalised.
  await inMemory(nodeList(50), 50, ca);
  await inMemory(nodeList(50), 50, ca, nodeLeafEngine);
  await lowerBound(50, signingKey, 1);

  console.log(`P-256 node certificates, fresh key each, 3 SANs, cert + key PEM; N=${N}`);
  console.log(
    `best of ${ROUNDS} interleaved rounds per side (the machine is shared: the best round is the least disturbed); CPU = all threads of the process`,
  );
  const memory = { ours: [] as PerCert[], web: [] as PerCert[], py: [] as PerCert[] };
  const files = { ours: [] as PerCert[], py: [] as PerCert[] };
  const floor = { ours: [] as PerCert[], py: [] as PerCert[] };
  for (let round = 0; round < ROUNDS; round++) {
    memory.py.push(perCert(pythonInMemory(nodesFile)));
    memory.ours.push(await inMemory(text, N, ca, nodeLeafEngine));
    memory.web.push(await inMemory(text, N, ca));
    files.py.push(perCert(pythonFiles(nodesFile, caDir, outDir('python'))));
    files.ours.push(await cliBatch(nodesFile, N, caDir, outDir('certbench')));
    floor.py.push(perCert(pythonFloor(nodesFile)));
    floor.ours.push(await nodeFloor(N));
  }
  console.log(anchorLine(`in process, Node's engine (the CLI's), N=${N}`, best(memory.ours), best(memory.py)));
  console.log(
    anchorLine(`in process, WebCrypto (the browser's path in Node), N=${N}`, best(memory.web), best(memory.py)),
  );
  console.log(anchorLine(`certbench issue batch, N=${N}, files written`, best(files.ours), best(files.py)));
  sameFiles(join(caDir, 'out-certbench'), join(caDir, 'out-python'));
  const [ours, py, floorOurs, floorPy] = [best(memory.ours), best(memory.py), best(floor.ours), best(floor.py)];
  console.log(
    anchorLine(`the floor: a fresh P-256 key + one ECDSA signature over 420 bytes, N=${N}`, floorOurs, floorPy),
  );
  console.log(
    `above the floor, in process (certificate, PEM, checks, bookkeeping): certbench ${fmt({ wall: ours.wall - floorOurs.wall, cpu: (ours.cpu ?? 0) - (floorOurs.cpu ?? 0) })}, python ${fmt({ wall: py.wall - floorPy.wall, cpu: (py.cpu ?? 0) - (floorPy.cpu ?? 0) })}`,
  );

  const one = await lowerBound(N, signingKey, 1);
  const many = await lowerBound(N, signingKey, BATCH_IN_FLIGHT);
  console.log(
    `for scale: raw WebCrypto (generate, export PKCS#8, sign) one at a time ${fmt(one)}; ${BATCH_IN_FLIGHT} in flight ${fmt(many)}`,
  );
  const general = await generalPerCert(GENERAL_N, ca);
  console.log(`for scale: the general @peculiar/x509 path, one at a time, N=${GENERAL_N}: ${fmt(general)}`);
  await renewFigure(ca, N);
  rmSync(caDir, { recursive: true, force: true });
}

/** Both sides wrote the same files: the same folders, each a certificate and a PKCS#8 key. */
function sameFiles(ours: string, python: string): void {
  for (const name of ['node-0', `node-${N - 1}`]) {
    for (const [file, label] of [
      ['node.crt', 'CERTIFICATE'],
      ['node.key', 'PRIVATE KEY'],
    ] as const) {
      for (const dir of [ours, python]) {
        const text = readFileSync(join(dir, name, file), 'utf8');
        if (!text.startsWith(`-----BEGIN ${label}-----`))
          throw new Error(`${join(dir, name, file)} is not a ${label} PEM: the two sides did not do the same work`);
      }
    }
  }
}
