/** What saving an inspected item to the workspace stores: its PEM and the facts lists show. */
import type { SanEntry, SanKind } from '../../pki/index.ts';
import type { NewItem } from '../../store/index.ts';
import type { InspectedItem } from '../../worker/ops-inspect.ts';

/** Items that can be kept in the workspace (certificates, CSRs, private keys). */
export function canSave(item: InspectedItem): boolean {
  return Boolean(item.pem) && (item.kind === 'certificate' || item.kind === 'csr' || item.kind === 'private-key');
}

const SAN_KINDS: readonly SanKind[] = ['dns', 'ip', 'email', 'uri'];

/**
 * The SanEntry of one decoded GeneralName ({ type, value }); none for kinds certbench does not
 * issue (directory names, other names): the workspace keeps the same typed SANs issuing does.
 */
function sanEntryOf(name: unknown): SanEntry[] {
  const { type, value } = name as { type?: unknown; value?: unknown };
  return typeof value === 'string' && SAN_KINDS.includes(type as SanKind) ? [{ kind: type as SanKind, value }] : [];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The workspace item for an inspected one; undefined when it cannot be saved. A certificate
 * whose private key is in the same report is saved with it (`keyPem`), so a CA imported this way
 * can issue.
 */
export function toNewItem(item: InspectedItem, all: readonly InspectedItem[] = []): NewItem | undefined {
  if (!canSave(item) || !item.pem) return undefined;
  const s = item.summary;
  const sans = Array.isArray(s.subjectAltNames) ? (s.subjectAltNames as unknown[]).flatMap(sanEntryOf) : undefined;
  const meta: NewItem['meta'] = { source: item.source };
  const facts: [keyof NewItem['meta'], string | undefined][] = [
    ['subject', str(s.subject)],
    ['issuer', str(s.issuer)],
    ['serial', str(s.serialNumber)],
    ['notBefore', str(s.notBefore)],
    ['notAfter', str(s.notAfter)],
  ];
  for (const [k, v] of facts) if (v) (meta as Record<string, unknown>)[k] = v;
  if (sans?.length) meta.sans = sans;
  const kind = item.kind === 'csr' ? 'csr' : item.kind === 'private-key' ? 'key' : item.isCA ? 'ca' : 'certificate';
  const keyPem = item.kind === 'certificate' && item.keyId ? all.find((k) => k.id === item.keyId)?.pem : undefined;
  return { kind, name: item.title, pem: item.pem, meta, ...(keyPem ? { keyPem } : {}), ...(item.chainPem ? { chainPem: item.chainPem } : {}) };
}
