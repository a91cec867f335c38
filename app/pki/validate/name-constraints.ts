/**
 * Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c), §6.1.4 (g)). Rather than computing
 * the intersection of permitted subtrees, each CA's constraints are kept and a name must
 * satisfy every one of them: the same result, and the reason names the CA at fault.
 */
import { emailAttributes, nameWithin, type ParsedName } from '../model/names.ts';
import type { GeneralNameValue } from '../model/general-names.ts';
import type { CertFacts } from '../model/cert-facts.ts';

export interface NameConstraintSet {
  permitted: GeneralNameValue[];
  excluded: GeneralNameValue[];
  /** Subject of the CA that set them, for messages. */
  from: string;
}

/** The DNS rule: "example.com" covers itself and every name below it; ".example.com" only names below. */
export function dnsWithin(name: string, constraint: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const c = constraint.toLowerCase().replace(/\.$/, '');
  if (c === '') return true;
  if (c.startsWith('.')) return n.endsWith(c);
  return n === c || n.endsWith('.' + c);
}

/** rfc822Name constraints: a mailbox, a host (exact), or ".domain" (any host below it). */
export function emailWithin(email: string, constraint: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const host = email.slice(at + 1).toLowerCase();
  const c = constraint.toLowerCase();
  if (c.includes('@'))
    return email.slice(0, at) + '@' + host === c.slice(0, c.lastIndexOf('@')) + '@' + c.slice(c.lastIndexOf('@') + 1);
  if (c.startsWith('.')) return host.endsWith(c);
  return host === c;
}

/** The host of a URI, or null when the URI has no authority (RFC 5280: such URIs fail URI constraints). */
export function uriHost(uri: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(uri);
  if (!m?.[1]) return null;
  const hostPort = m[1].slice(m[1].lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:\d*$/, '');
  return host.toLowerCase() || null;
}

/** uniformResourceIdentifier constraints: a host (exact) or ".domain" (any host below it). */
export function uriWithin(uri: string, constraint: string): boolean {
  const host = uriHost(uri);
  if (host === null) return false;
  const c = constraint.toLowerCase();
  return c.startsWith('.') ? host.endsWith(c) : host === c;
}

/** iPAddress constraints: address and mask octets; the name must be in the masked range. */
export function ipWithin(address: Uint8Array, constraint: Uint8Array): boolean {
  const len = constraint.length / 2;
  if (address.length !== len) return false;
  for (let i = 0; i < len; i++) {
    const mask = constraint[len + i] ?? 0;
    if (((address[i] ?? 0) & mask) !== ((constraint[i] ?? 0) & mask)) return false;
  }
  return true;
}

function within(name: GeneralNameValue, c: GeneralNameValue): boolean {
  switch (name.type) {
    case 'dns':
      return dnsWithin(name.value, c.value);
    case 'email':
      return emailWithin(name.value, c.value);
    case 'uri':
      return uriWithin(name.value, c.value);
    case 'ip':
      return ipWithin(name.bytes, c.bytes);
    case 'dn':
      return name.name !== undefined && c.name !== undefined && nameWithin(name.name, c.name);
    default:
      return false;
  }
}

/** The names of a certificate that name constraints apply to: subject DN, subject emails, SANs. */
export function constrainedNames(facts: CertFacts): GeneralNameValue[] {
  const out: GeneralNameValue[] = [];
  const subject: ParsedName = facts.subject;
  if (subject.length) out.push({ type: 'dn', value: '(subject)', bytes: new Uint8Array(), name: subject });
  for (const email of emailAttributes(subject)) out.push({ type: 'email', value: email, bytes: new Uint8Array() });
  out.push(...(facts.subjectAltNames ?? []));
  return out;
}

function label(n: GeneralNameValue): string {
  return n.type === 'dn' ? 'the subject name' : `${n.type.toUpperCase()} name "${n.value}"`;
}

/** Name forms this code can match against a constraint; for any other form a constraint cannot be processed. */
const PROCESSED = new Set(['dns', 'email', 'uri', 'ip', 'dn']);

/**
 * null when every name satisfies every constraint set; otherwise a sentence naming the first
 * violation. A name of a form this code does not process (otherName, x400, ediParty,
 * registeredID) under a constraint of that form is a violation: RFC 5280 §4.2.1.10 says the
 * application "MUST either process the constraint or reject the certificate".
 */
export function nameConstraintViolation(facts: CertFacts, sets: readonly NameConstraintSet[]): string | null {
  const names = constrainedNames(facts);
  for (const set of sets) {
    for (const n of names) {
      const sameType = (c: GeneralNameValue) => c.type === n.type;
      if (!PROCESSED.has(n.type) && [...set.permitted, ...set.excluded].some(sameType)) {
        return `${label(n)} is of a form whose constraints from "${set.from}" cannot be processed`;
      }
      const excluded = set.excluded.filter(sameType).find((c) => within(n, c));
      if (excluded) return `${label(n)} falls in a subtree excluded by "${set.from}"`;
      const permitted = set.permitted.filter(sameType);
      if (permitted.length && !permitted.some((c) => within(n, c)))
        return `${label(n)} is outside the subtrees permitted by "${set.from}"`;
    }
  }
  return null;
}
