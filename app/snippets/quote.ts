/** Literals for the languages snippets are written in, so a path with a quote or space stays one value. */

/** A Python string literal (JSON escapes are valid Python escapes). */
export function py(value: string): string {
  return JSON.stringify(value);
}

/** A JavaScript single-quoted string literal. */
export function js(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A YAML scalar: plain when unambiguous, double-quoted (JSON is valid YAML) otherwise. */
export function yaml(value: string): string {
  return /^[A-Za-z0-9_./][A-Za-z0-9_./@+-]*$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** A POSIX shell word. */
export function sh(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** True for an IPv4 or IPv6 literal (what TLS clients must not send as SNI). */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** host:port, bracketing IPv6. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
