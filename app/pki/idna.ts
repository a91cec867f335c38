/**
 * Internationalised host names to A-labels (IDNA / UTS #46 via the WHATWG URL parser, which
 * every browser and Node ship), so certificates carry "xn--bcher-kva.example" for "bücher.example".
 */

/** The lower-case ASCII form of a host name, or undefined when the URL parser rejects it. */
export function toAsciiHostname(name: string): string | undefined {
  if (!name) return undefined;
  // ASCII names skip the URL parser: it would also "fix" things we want to refuse (e.g. "0x7f.1").
  if (/^[\x21-\x7e]+$/.test(name)) return name.toLowerCase();
  if (/[\s/?#@:[\]\\%]/.test(name)) return undefined;
  try {
    const host = new URL(`http://${name}/`).hostname;
    return host || undefined;
  } catch {
    return undefined;
  }
}
