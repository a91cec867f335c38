/**
 * IP addresses for SANs: strict IPv4 dotted quads (no leading zeros, which some stacks read as
 * octal) and IPv6 in any RFC 4291 form, printed back in RFC 5952 canonical form.
 */

export interface IpAddress {
  version: 4 | 6;
  /** 4 or 16 bytes, as they go into the iPAddress GeneralName. */
  bytes: Uint8Array;
  /** Canonical text: dotted quad, or RFC 5952 IPv6. */
  text: string;
}

function parseIpv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIpv6Groups(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let head = text;
  let tail4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4Bytes(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tail4 = [((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0)];
    head = text.slice(0, lastColon + 1);
    // "::1.2.3.4" leaves "::", "a::1.2.3.4" leaves "a::", "a:b:c:d:e:f:1.2.3.4" leaves "…f:".
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const group = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = group(halves[0] ?? '');
  const right = halves.length === 2 ? group(halves[1] ?? '') : [];
  if (!left || !right) return undefined;
  const known = left.length + right.length + tail4.length;
  if (halves.length === 2) {
    if (known > 7) return undefined;
    return [...left, ...new Array<number>(8 - known).fill(0), ...right, ...tail4];
  }
  return known === 8 ? [...left, ...tail4] : undefined;
}

/** RFC 5952: lower case, no leading zeros, the longest run (≥2) of zero groups as "::". */
function formatIpv6(groups: number[]): string {
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const a = groups[6] ?? 0;
    const b = groups[7] ?? 0;
    return `::ffff:${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Parse an IPv4 or IPv6 address; undefined when it is neither. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4Bytes(text);
  if (v4) return { version: 4, bytes: new Uint8Array(v4), text: v4.join('.') };
  if (!text.includes(':')) return undefined;
  const groups = parseIpv6Groups(text);
  if (!groups) return undefined;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 255;
  });
  return { version: 6, bytes, text: formatIpv6(groups) };
}
