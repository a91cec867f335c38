/**
 * One item the reader found, as the inspect report holds it (InspectedItem): its heading, its
 * explanation tree, the CLI's summary and its findings.
 */
import { explain, keyDescription, summarize, type Item, type Summary } from '../pki/index.ts';
import type { InspectedItem } from './inspect-types.ts';

/** "ECDSA P-256", "RSA 2048" (the one key description) from a summary's publicKey; undefined when there is none. */
function summaryKey(summary: Summary): string | undefined {
  const publicKey = 'publicKey' in summary ? summary.publicKey : null;
  return publicKey ? keyDescription(publicKey) : undefined;
}

/**
 * One reader item as the page and `certbench inspect` show it: the explainer's tree (a key's tree
 * names the certificates among `others` that carry it; `withTree` false leaves a certificate's
 * out), the CLI's JSON summary, its findings.
 */
export function inspected(
  item: Item,
  id: string,
  now: Date,
  others: readonly Item[],
  withTree: boolean,
): { out: InspectedItem; der?: ArrayBuffer } {
  const summary = summarize(item, { now });
  if (item.kind === 'error') {
    return {
      out: {
        id,
        source: item.source,
        kind: 'error',
        title: item.source,
        message: item.message,
        tree: { label: item.message },
        summary,
        findings: [],
      },
    };
  }
  const subject = 'subject' in summary && summary.subject ? summary.subject : undefined;
  const issuer = summary.kind === 'crl' ? `from ${summary.issuer}` : undefined;
  const out: InspectedItem = {
    id,
    source: item.source,
    kind: item.kind,
    title: subject ?? summaryKey(summary) ?? issuer ?? item.source,
    pem: item.pem,
    ...(withTree || item.kind !== 'certificate' ? { tree: explain(item, { now, others }) } : {}),
    summary,
    findings: summary.kind === 'certificate' ? summary.findings : [],
  };
  if (item.kind !== 'certificate') return { out };
  out.isCA = summary.kind === 'certificate' && summary.isCA;
  return { out, der: item.der };
}
