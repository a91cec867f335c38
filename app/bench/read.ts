/**
 * Benchmark section "read": the system CA bundle read, explained, summarised, linted and
 * related, per certificate, next to a lower bound measured in the same run (base64 decode and
 * SHA-256 of each certificate). Prints figures; never fails on them. Best of several runs after
 * a warm-up, because the first run mostly measures the JIT.
 */
import { readFileSync } from 'node:fs';
import { explain, type Item, readInput, summarize } from '../pki/index.ts';
import { pemDecodeAll } from '../pki/light/index.ts';
import { relate, type RelationItem } from '../pki/relations/index.ts';
import { certFactsFromDer } from '../pki/model/index.ts';
import { signatureVerifier } from '../pki/signatures/index.ts';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** Enough runs that a neighbour's burst of CPU on a shared machine rarely decides the best one. */
const RUNS = 9;

async function best(run: () => Promise<unknown>): Promise<number> {
  await run();
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function relationItems(items: Item[]): RelationItem[] {
  return items.flatMap((i): RelationItem[] => {
    if (i.kind === 'certificate' || i.kind === 'csr') return [{ kind: i.kind, der: i.der }];
    if (i.kind === 'private-key' && i.publicKeyDer) return [{ kind: 'key', spki: i.publicKeyDer }];
    if (i.kind === 'public-key') return [{ kind: 'key', spki: i.der }];
    return [];
  });
}

export async function bench(): Promise<void> {
  let text: string;
  try {
    text = readFileSync(BUNDLE, 'utf8');
  } catch {
    console.log(`read: ${BUNDLE} is missing (install ca-certificates); nothing measured`);
    return;
  }
  const now = new Date();
  const sample = await readInput({ name: 'bundle', text });
  const n = sample.filter((i) => i.kind === 'certificate').length;

  const lower = await best(async () => {
    for (const b of pemDecodeAll(text).blocks) await crypto.subtle.digest('SHA-256', b.der);
  });
  const read = await best(() => readInput({ name: 'bundle', text }));
  const explainOnly = await best(() => Promise.resolve(sample.map((i) => explain(i, { now }))));
  const summaryOnly = await best(() => Promise.resolve(sample.map((i) => summarize(i, { now, lint: false }))));
  const withLint = await best(() => Promise.resolve(sample.map((i) => summarize(i, { now }))));
  const related = await best(() => relate(relationItems(sample)));
  // relate's own floor: every self-issued certificate's signature checked (key import + verify),
  // which relate must do to say it is a self-signed root.
  const selfIssued = sample
    .flatMap((i) => (i.kind === 'certificate' ? [certFactsFromDer(new Uint8Array(i.der))] : []))
    .filter((f) => f.selfIssued);
  const signatures = await best(() => {
    const verifier = signatureVerifier(crypto);
    return Promise.all(selfIssued.map((f) => verifier.verify(f, f)));
  });
  const everything = await best(async () => {
    const items = await readInput({ name: 'bundle', text });
    for (const i of items) {
      explain(i, { now });
      summarize(i, { now });
    }
    await relate(relationItems(items));
  });

  const per = (ms: number) => `${(ms / n).toFixed(3)} ms/cert`;
  const rows: [string, number][] = [
    ['lower bound (base64 + SHA-256)', lower],
    ['read (sniff, TLV model, SHA-256 + SHA-1, PEM)', read],
    ['explain (tree)', explainOnly],
    ['summary without lint', summaryOnly],
    ['summary with lint (linter reads the DER)', withLint],
    ['relate (issuers, chains, keys)', related],
    [`  within it: the ${selfIssued.length} self-signature checks alone`, signatures],
    ['everything: read + explain + summary + lint + relate', everything],
  ];
  console.log(`read: ${n} certificates from ${BUNDLE}, best of ${RUNS} runs after a warm-up`);
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(54)} ${per(ms).padStart(16)}`);
  console.log(
    `  target: under 0.5 ms/cert everything included; read + explain is ${((read + explainOnly) / n).toFixed(3)} ms/cert`,
  );
}
