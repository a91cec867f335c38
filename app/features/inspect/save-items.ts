/** What saving an inspected item to the workspace stores: its PEM and the facts lists show. */
import type { SanEntry, SanKind, SummaryName } from '../../pki/index.ts';
import type { NewItem } from '../../store/index.ts';
import type { InspectedItem } from '../../flows/inspect-report.ts';

/** Items that can be kept in the workspace (certificates, CSRs, private keys). */
export function canSave(item: InspectedItem): boolean {
  return Boolean(item.pem) && (item.kind === 'certificate' || item.kind === 'csr' || item.kind === 'private-key');
}

const SAN_KINDS: readonly SanKind[] = ['dns', 'ip', 'email', 'uri'];

/**
 * The SanEntry of one decoded GeneralName; none for kinds certbench does not issue (directory
 * names, other names): the workspace keeps the same typed SANs issuing does.
 */
function sanEntryOf(name: SummaryName): SanEntry[] {
  return SAN_KINDS.includes(name.type as SanKind) ? [{ kind: name.type as SanKind, value: name.value }] : [];
}

/**
 * The workspace item for an inspected one; undefined when it cannot be saved. A certificate
 * whose private key is in the same report is saved with it (`keyPem`), so a CA imported this way
 * can issue.
 */
export function toNewItem(item: InspectedItem, all: readonly InspectedItem[] = []): NewItem | undefined {
  if (!canSave(item) || !item.pem) return undefined;
  const s = item.summary;
  const meta: NewItem['meta'] = { source: item.source };
  if (s.kind === 'certificate' || s.kind === 'csr') {
    if (s.subject) meta.subject = s.subject;
    const sans = s.subjectAltNames.flatMap(sanEntryOf);
    if (sans.length) meta.sans = sans;
  }
  if (s.kind === 'certificate') {
    if (s.issuer) meta.issuer = s.issuer;
    if (s.serialNumber) meta.serial = s.serialNumber;
    if (s.notBefore) meta.notBefore = s.notBefore;
    if (s.notAfter) meta.notAfter = s.notAfter;
  }
  const kind = item.kind === 'csr' ? 'csr' : item.kind === 'private-key' ? 'key' : item.isCA ? 'ca' : 'certificate';
  const keyPem = item.kind === 'certificate' && item.keyId ? all.find((k) => k.id === item.keyId)?.pem : undefined;
  return {
    kind,
    name: item.title,
    pem: item.pem,
    meta,
    ...(keyPem ? { keyPem } : {}),
    ...(item.chainPem ? { chainPem: item.chainPem } : {}),
  };
}
