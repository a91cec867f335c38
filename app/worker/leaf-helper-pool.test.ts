/**
 * The leaf helpers end to end in one process: the pki worker's pool (leaf-helper-pool.ts) talks
 * to the helper's own code (leaf-helper-serve.ts) over a Node MessageChannel, so recipes, orders
 * and CryptoKeys go through a real structured clone, and a batch shares its lines with the helper
 * as it does in the browser. Judged by the batch's own template (byte for byte), WebCrypto
 * signatures and openssl.
 */
import { MessageChannel } from 'node:worker_threads';
import { X509Certificate } from '@peculiar/x509';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inspectReport } from '../flows/inspect-report.ts';
import { issueBatch } from '../pki/batch.ts';
import { issueLeaf } from '../pki/issue.ts';
import { createRootCa, type CaResult } from '../pki/ca.ts';
import { loadIssuer } from '../pki/issuer.ts';
import { createLeafTemplate, ecSpkiFromPkcs8, spkiKeyId, type LeafRecipe } from '../pki/leaf-template.ts';
import { pemDecodeAll, pemEncode } from '../pki/pem.ts';
import { tbsAndSigAlg } from '../pki/signed-parts.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import {
  helperCount,
  leafHelperPool,
  MAX_HELPERS,
  type HelperEndpoint,
  type LeafHelperPool,
} from './leaf-helper-pool.ts';
import { serveLeafHelper, type HelperRequest, type HelperResponse } from './leaf-helper-serve.ts';
import { REMOTE_GRACE_MIN_MS } from '../pki/shared-map.ts';

const open: (() => void)[] = [];
afterEach(() => open.splice(0).forEach((close) => close()));

/**
 * A helper served in this process; `requests` sees what the pool sends. `onMake`: 'serve' makes
 * each share; 'crash' dies on its first share instead (the share is lost and its error event
 * fires); 'hang' loses each share without a word (no answer, no error event), as a helper that
 * hangs. `terminated` counts the pool's terminate calls.
 */
function inProcessHelper(crypto: Crypto = globalThis.crypto, onMake: 'serve' | 'crash' | 'hang' = 'serve') {
  const { port1, port2 } = new MessageChannel();
  const requests: HelperRequest[] = [];
  const responses: HelperResponse[] = [];
  const onError: (() => void)[] = [];
  const terminated = { count: 0 };
  serveLeafHelper(
    {
      postMessage: (m) => port2.postMessage(m),
      addEventListener: (_type, listener) => port2.on('message', (data: unknown) => listener({ data } as MessageEvent)),
    },
    crypto,
  );
  const endpoint: HelperEndpoint = {
    postMessage: (m) => {
      requests.push(m);
      if (m.type === 'make' && onMake === 'crash') setTimeout(() => onError.forEach((f) => f()), 1);
      else if (!(m.type === 'make' && onMake === 'hang')) port1.postMessage(m);
    },
    terminate: () => void terminated.count++,
    addEventListener: (type: string, listener: (event: MessageEvent<HelperResponse>) => void) => {
      if (type === 'message')
        port1.on('message', (data: HelperResponse) => {
          responses.push(data);
          listener({ data } as MessageEvent<HelperResponse>);
        });
      else onError.push(() => (listener as () => void)());
    },
  };
  open.push(() => (port1.close(), port2.close()));
  return { endpoint, requests, responses, terminated };
}

async function readyPool(endpoint: HelperEndpoint): Promise<LeafHelperPool> {
  const pool = leafHelperPool(() => endpoint, 1);
  pool.start();
  for (let i = 0; i < 200 && pool.ready().length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  expect(pool.ready()).toHaveLength(1);
  return pool;
}

const nodeList = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `node${i + 1} 10.1.${Math.floor(i / 250)}.${(i % 250) + 1} node${i + 1}.db.internal`,
  ).join('\n');
/** The lines of the helper's shares, from what the pool sent it. */
const ordersSent = (requests: readonly HelperRequest[]) =>
  requests.flatMap((r) => (r.type === 'make' ? r.orders.map((o) => o.commonName) : []));

describe('helperCount', () => {
  it('is one helper per core beyond the first, at most MAX_HELPERS', () => {
    expect([undefined, 0, 1, 2, 3, 4, 16].map(helperCount)).toEqual([0, 0, 0, 1, 2, 3, MAX_HELPERS]);
  });
});

describe('a batch with a leaf helper', () => {
  let ca: CaResult;
  it('shares its lines: the helper makes the tail, every leaf byte for byte what the batch would make', async () => {
    ca = await createRootCa({ subject: { commonName: 'Helper Root' }, days: 30 });
    const helper = inProcessHelper();
    const pool = await readyPool(helper.endpoint);
    const result = await issueBatch(nodeList(40), ca, { days: 7, helpers: pool });
    expect(result.engine).toBe('webcrypto');
    expect(result.items.map((i) => i.name)).toEqual(Array.from({ length: 40 }, (_, i) => `node${i + 1}`));
    // Weight 1 before any pace is known: half the lines, from the end.
    expect(ordersSent(helper.requests)).toEqual(Array.from({ length: 20 }, (_, i) => `node${i + 21}`));

    const template = await createLeafTemplate(await loadIssuer(ca), 'node', 'p256', globalThis.crypto);
    const caCert = new X509Certificate(ca.certPem);
    for (const item of result.items) {
      const cert = new X509Certificate(item.certPem);
      const der = new Uint8Array(cert.rawData);
      const spki = new Uint8Array(cert.publicKey.rawData);
      // The key file holds the certificate's key.
      expect(ecSpkiFromPkcs8(new Uint8Array(pemDecodeAll(item.keyPem).blocks[0]!.der))).toEqual(spki);
      const expected = template.tbs(
        {
          serial: Uint8Array.from(Buffer.from(item.serial, 'hex')),
          notBefore: new Date(item.notBefore),
          notAfter: new Date(item.notAfter),
          commonName: item.name,
          sans: item.sans,
          spki,
        },
        spkiKeyId(spki),
      );
      expect(tbsAndSigAlg(der).tbs, item.name).toEqual(expected);
      expect(await cert.verify({ publicKey: caCert.publicKey, signatureOnly: true }), item.name).toBe(true);
    }
    for (const name of ['node21', 'node40']) {
      const leaf = result.items.find((i) => i.name === name)!;
      const v = await opensslVerify({ rootPem: ca.certPem, certPem: leaf.certPem, purpose: 'sslserver' });
      expect(v.ok, v.output).toBe(true);
    }
  });

  it("sends its leaves' PEMs as ASCII bytes with their slabs moved, and the batch reads them as pemEncode's text", async () => {
    const helper = inProcessHelper();
    const pool = await readyPool(helper.endpoint);
    const result = await issueBatch(nodeList(24), ca, { days: 7, helpers: pool });
    const made = helper.responses.find((r) => r.type === 'made');
    if (made?.type !== 'made') throw new Error('the helper made nothing');
    expect(made.leaves).toHaveLength(12);
    expect(made.leaves.every((l) => l.certPem instanceof Uint8Array && l.keyPem instanceof Uint8Array)).toBe(true);
    // A share's PEMs share a slab or two, not a buffer each.
    expect(new Set(made.leaves.map((l) => (l.certPem as Uint8Array).buffer)).size).toBeLessThanOrEqual(2);
    for (const item of result.items) {
      const cert = new X509Certificate(item.certPem);
      expect(item.certPem).toBe(pemEncode('CERTIFICATE', cert.rawData));
      expect(item.chainPem).toBe(item.certPem);
      expect(item.keyPem).toBe(pemEncode('PRIVATE KEY', pemDecodeAll(item.keyPem).blocks[0]!.der));
    }
  });

  it("makes a crashed helper's share itself, and the helper gets no more", async () => {
    const helper = inProcessHelper(globalThis.crypto, 'crash');
    const pool = await readyPool(helper.endpoint);
    const result = await issueBatch(nodeList(30), ca, { days: 7, helpers: pool });
    expect(ordersSent(helper.requests)).toHaveLength(15);
    expect(result.items.map((i) => i.name)).toEqual(Array.from({ length: 30 }, (_, i) => `node${i + 1}`));
    expect(new Set(result.items.map((i) => i.serial)).size).toBe(30);
    expect(pool.ready()).toHaveLength(0);
    for (const item of [result.items[0]!, result.items[29]!]) {
      const v = await opensslVerify({ rootPem: ca.certPem, certPem: item.certPem, purpose: 'sslserver' });
      expect(v.ok, v.output).toBe(true);
    }
  });

  it('takes back the share of a helper that hangs without a word, makes it itself, and retires the helper', async () => {
    const helper = inProcessHelper(globalThis.crypto, 'hang');
    const pool = await readyPool(helper.endpoint);
    const started = Date.now();
    const result = await issueBatch(nodeList(30), ca, { days: 7, helpers: pool });
    // The batch waited out the grace (shared-map.ts remoteGraceMs) once its own part was made.
    expect(Date.now() - started).toBeGreaterThanOrEqual(REMOTE_GRACE_MIN_MS);
    expect(ordersSent(helper.requests)).toHaveLength(15);
    expect(result.items.map((i) => i.name)).toEqual(Array.from({ length: 30 }, (_, i) => `node${i + 1}`));
    expect(new Set(result.items.map((i) => i.serial)).size).toBe(30);
    expect(pool.ready()).toHaveLength(0);
    expect(helper.terminated.count).toBe(1);
    for (const item of [result.items[15]!, result.items[29]!]) {
      const v = await opensslVerify({ rootPem: ca.certPem, certPem: item.certPem, purpose: 'sslserver' });
      expect(v.ok, v.output).toBe(true);
    }
  }, 30_000);

  it('makes the share itself when the helper answers with a failure', async () => {
    // A helper's first WebCrypto call for a leaf is generateKey: it fails every leaf.
    const broken = { subtle: { generateKey: () => Promise.reject(new Error('no keys here')) } } as unknown as Crypto;
    const helper = inProcessHelper(broken);
    const pool = await readyPool(helper.endpoint);
    const result = await issueBatch(nodeList(24), ca, { days: 7, helpers: pool });
    expect(ordersSent(helper.requests)).toHaveLength(12);
    expect(result.items).toHaveLength(24);
    const caCert = new X509Certificate(ca.certPem);
    for (const item of result.items)
      expect(await new X509Certificate(item.certPem).verify({ publicKey: caCert.publicKey, signatureOnly: true })).toBe(
        true,
      );
  });

  it('stops a share on cancel', async () => {
    const helper = inProcessHelper();
    const pool = await readyPool(helper.endpoint);
    const template = await createLeafTemplate(await loadIssuer(ca), 'node', 'p256', globalThis.crypto);
    const window = { notBefore: new Date(), notAfter: new Date(Date.now() + 86_400_000) };
    const orders = Array.from({ length: 400 }, (_, i) => ({
      serial: Uint8Array.of(1, i >> 8, i & 255),
      ...window,
      commonName: `n${i}`,
      sans: [{ kind: 'dns' as const, value: `n${i}.example` }],
    }));
    const stop = new AbortController();
    const making = pool.ready()[0]!.make(template.recipe, orders, stop.signal);
    setTimeout(() => stop.abort(), 5);
    await expect(making).rejects.toThrow(/^cancelled after \d+ of 400$/);
    expect(helper.requests.map((r) => r.type)).toEqual(['make', 'cancel']);
  });
});

describe('the pool', () => {
  it('keeps nothing between shares: each share brings its recipe, and two recipes give two issuers', async () => {
    const helper = inProcessHelper();
    const pool = await readyPool(helper.endpoint);
    const recipes: LeafRecipe[] = [];
    for (const i of [1, 2]) {
      const root = await createRootCa({ subject: { commonName: `Recipe Root ${i}` }, days: 30 });
      recipes.push((await createLeafTemplate(await loadIssuer(root), 'node', 'p256', globalThis.crypto)).recipe);
    }
    const order = {
      serial: Uint8Array.of(7),
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 86_400_000),
      commonName: 'a',
      sans: [],
    };
    const made = [];
    for (const r of [recipes[0]!, recipes[1]!, recipes[0]!]) made.push((await pool.ready()[0]!.make(r, [order]))[0]!);
    expect(helper.requests.every((r) => r.type === 'make' && r.recipe !== undefined)).toBe(true);
    const issuers = made.map((m) => new X509Certificate(m.certPem).issuer);
    expect(issuers).toEqual(['CN=Recipe Root 1', 'CN=Recipe Root 2', 'CN=Recipe Root 1']);
  });

  it("weighs a helper by its pace against the batch thread's", async () => {
    let answer: (m: HelperResponse) => void = () => undefined;
    const endpoint: HelperEndpoint = {
      postMessage: (m) => {
        if (m.type === 'make')
          queueMicrotask(() =>
            answer({
              type: 'made',
              id: m.id,
              leaves: m.orders.map(() => ({ certPem: '', keyPem: '' })),
              ms: 4 * m.orders.length,
            }),
          );
      },
      addEventListener: (type: string, listener: (event: MessageEvent<HelperResponse>) => void) => {
        if (type !== 'message') return;
        answer = (m) => listener({ data: m } as MessageEvent<HelperResponse>);
        queueMicrotask(() => answer({ type: 'ready' }));
      },
    };
    const pool = await readyPool(endpoint);
    const helper = pool.ready()[0]!;
    expect(helper.weight()).toBe(1); // nothing known yet
    const recipe = {} as LeafRecipe;
    await helper.make(recipe, [{} as never, {} as never]); // 4 ms a leaf
    expect(helper.weight()).toBe(1); // the batch thread's pace not known yet
    pool.localPace(2);
    expect(helper.weight()).toBe(0.5);
    pool.localPace(38); // running pace (2 + 38) / 2 = 20: capped at 2
    expect(helper.weight()).toBe(2);
    pool.localPace(0); // 10, then 5 ...
    pool.localPace(0);
    pool.localPace(0);
    pool.localPace(0); // 1.25 against 4: 0.31
    expect(helper.weight()).toBeCloseTo(0.3125);
    pool.localPace(0); // 0.625: 0.16, at least 0.25
    expect(helper.weight()).toBe(0.25);
  });
});

describe('an inspect report with a leaf helper', () => {
  it("shares the relations' signature checks with the helper, and relates as it does alone", async () => {
    const helper = inProcessHelper();
    const pool = await readyPool(helper.endpoint);
    const root = await createRootCa({ subject: { commonName: 'Shared Checks Root' }, days: 30 });
    const leaf = await issueLeaf({ profile: 'server', commonName: 'db.example', sans: 'db.example' }, root);
    const request = {
      inputs: [
        { name: 'ca-certificates.crt', data: readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8') },
        { name: 'chain.pem', data: leaf.certPem + root.certPem + leaf.keyPem },
      ],
    };
    const alone = await inspectReport(request);
    const shared = await inspectReport(request, { helpers: () => pool.ready() });

    const verify = helper.requests.filter((r) => r.type === 'verify');
    expect(verify).toHaveLength(1);
    const answered = helper.responses.filter((r) => r.type === 'verified');
    expect(answered).toHaveLength(1);
    const answers = answered[0]!.type === 'verified' ? answered[0]!.answers : [];
    expect(answers.length).toBe(verify[0]!.type === 'verify' ? verify[0]!.pairs.length : -1);
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.every((a) => a === true)).toBe(true);

    // The chain and the key match are found by signature checks and SPKI comparison; both reports have them.
    const chain = shared.relations.find((t) => t.label === 'Chain' && t.value === 'CN=db.example');
    expect(chain?.children?.map((c) => c.value)).toEqual(['CN=db.example', 'CN=Shared Checks Root']);
    expect(shared.items.find((i) => i.title === 'CN=db.example')?.keyId).toBeDefined();
    expect(shared.relations).toEqual(alone.relations);
    expect(shared.items.map((i) => [i.id, i.keyId, i.chainPem])).toEqual(
      alone.items.map((i) => [i.id, i.keyId, i.chainPem]),
    );
    expect(shared.diagnoses).toEqual(alone.diagnoses);
  });
});
