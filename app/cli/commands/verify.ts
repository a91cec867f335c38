/**
 * `certbench verify LEAF [--ca FILE]… [--untrusted FILE]… [--crl FILE]… [--host NAME_OR_IP]
 * [--purpose server|client] [--at ISO8601] [--client ID] [--json]`: build and validate the
 * chain of LEAF (RFC 5280 §6 and the §4 profile), give each TLS client's verdict and say in
 * words what is wrong. Exit 0 valid, 1 invalid (for --client), 2 unusable input.
 */
import { basename } from 'node:path';
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { parse, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { readBytes } from '../io.ts';
import { isPkiError } from '../../pki/light/index.ts';
import { type Finding, type Item, readInput, verdictLine } from '../../pki/index.ts';
import { CLIENT_IDS, CLIENT_PROFILES, isClientId, validatePath, type ClientId } from '../../pki/validate/index.ts';

const HELP = `usage: certbench verify LEAF [--ca FILE]… [--untrusted FILE]… [--crl FILE]…
                        [--host NAME_OR_IP] [--purpose server|client] [--at ISO8601]
                        [--client ID] [--json]

Build the chain from LEAF to a trusted CA and validate it as RFC 5280 §6 says: signatures,
validity, CA flags and path lengths, key usage, name constraints, critical extensions, and
the extended key usage for --purpose; with --host, also whether a TLS client connecting to
that name or IP would accept LEAF. RFC 5280's certificate profile (§4) is checked on every
certificate too: key identifiers, critical basicConstraints on CAs, well-formed SANs and name
constraints, serial numbers. Whether a chain works depends on the client, so the verdict of
each one is printed, one line each with its reason:
${CLIENT_IDS.map((id) => `  ${id.padEnd(8)} ${CLIENT_PROFILES[id].rules}`).join('\n')}
Files may hold PEM (any number of blocks), DER or PKCS#7.
If LEAF holds several certificates, the first is the leaf and the others are untrusted
intermediates (a fullchain.pem works as is).

  --ca FILE         trusted CA certificates (at least one; repeat for more)
  --untrusted FILE  intermediates that may complete the chain (repeatable)
  --crl FILE        CRLs (PEM or DER, repeatable): a certificate of the chain listed on a
                    CRL of its issuer is revoked; a CRL for its issuer that cannot be used
                    (bad signature, out of date, no cRLSign) makes its status unknown.
                    A certificate whose issuer has no CRL here is not checked, with a
                    warning (basic CRLs only: no delta CRLs or distribution points)
  --host NAME_OR_IP DNS name or IP address the leaf must cover
  --purpose P       server or client: require serverAuth or clientAuth
  --at ISO8601      validate at this time instead of now (e.g. 2026-01-01T00:00:00Z)
  --client ID       whose verdict sets valid, the errors and the exit status:
                    ${CLIENT_IDS.join(', ')} (default rfc5280)
  --json            print {valid, chain: [sha256…], findings: [{code, severity, message}],
                    clients: [{id, name, accepts, findings: [code…]}]}

Exit status: 0 valid, 1 not valid (for --client), 2 unusable input or usage error.
`;

/** An input problem: exit 2 with this message. */
class UnusableInput extends Error {}

/** Every item of `kind` in the files, in order. Throws UnusableInput when a file has none or cannot be read. */
async function loadItems<K extends 'certificate' | 'crl'>(
  paths: string[],
  flag: string,
  kind: K,
): Promise<Extract<Item, { kind: K }>[]> {
  const out: Extract<Item, { kind: K }>[] = [];
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readBytes(path, flag);
    } catch (e) {
      throw new UnusableInput(isPkiError(e) ? e.message : `Cannot read ${path}.`, { cause: e });
    }
    const items = await readInput({ name: basename(path), bytes });
    const found = items.filter((i): i is Extract<Item, { kind: K }> => i.kind === kind);
    if (found.length === 0) {
      const why = items.find((i) => i.kind === 'error')?.message ?? `it holds no ${kind === 'crl' ? 'CRL' : kind}`;
      throw new UnusableInput(`${flag}: ${path}: ${why}`);
    }
    out.push(...found);
  }
  return out;
}

/** Every certificate in the files, in order. Throws UnusableInput when a file has none or cannot be read. */
export async function loadCertificates(
  paths: string[],
  flag: string,
): Promise<{ cert: X509Certificate; source: string }[]> {
  return (await loadItems(paths, flag, 'certificate')).map((item) => ({
    cert: new X509Certificate(item.der),
    source: item.source,
  }));
}

function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime()))
    throw new UsageError(`--at must be an ISO 8601 date, got "${value}"`);
  return d;
}

function parseClient(value: string | undefined): ClientId {
  if (value === undefined) return 'rfc5280';
  if (isClientId(value)) return value;
  throw new UsageError(`--client must be one of ${CLIENT_IDS.join(', ')}, got "${value}"`);
}

function parsePurpose(value: string | undefined): 'server' | 'client' | undefined {
  if (value === undefined || value === 'server' || value === 'client') return value;
  throw new UsageError(`--purpose must be server or client, got "${value}"`);
}

/** Text lines for findings: one per finding, severity first. */
export function findingLines(findings: Finding[]): string[] {
  return findings.map((f) => `  ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
}

async function sha256(cert: X509Certificate): Promise<string> {
  return Convert.ToHex(await crypto.subtle.digest('SHA-256', cert.rawData));
}

export const command: Command = {
  name: 'verify',
  summary: 'validate a certificate chain (RFC 5280) and a host name, and explain what is wrong',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      ca: { type: 'string', multiple: true },
      untrusted: { type: 'string', multiple: true },
      crl: { type: 'string', multiple: true },
      host: { type: 'string' },
      purpose: { type: 'string' },
      at: { type: 'string' },
      client: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one LEAF file');
    if (!values.ca?.length) throw new UsageError('give the trusted CA with --ca FILE');
    const at = parseAt(values.at);
    const purpose = parsePurpose(values.purpose);
    const client = parseClient(values.client);
    try {
      const [leaf, ...rest] = await loadCertificates(positionals, 'leaf');
      if (!leaf) throw new UnusableInput('leaf: no certificate');
      const anchors = await loadCertificates(values.ca, 'ca');
      const untrusted = await loadCertificates(values.untrusted ?? [], 'untrusted');
      const crls = values.crl?.length ? (await loadItems(values.crl, 'crl', 'crl')).map((c) => c.der) : undefined;
      const result = await validatePath({
        leaf: leaf.cert,
        intermediates: [...rest, ...untrusted].map((c) => c.cert),
        anchors: anchors.map((c) => c.cert),
        ...(at ? { at } : {}),
        ...(crls ? { crls } : {}),
        ...(purpose ? { purpose } : {}),
        ...(typeof values.host === 'string' ? { host: values.host } : {}),
        client,
      });
      const chain = await Promise.all(result.chain.map(sha256));
      if (values.json) {
        process.stdout.write(
          `${JSON.stringify({ valid: result.valid, chain, findings: result.findings, clients: result.clients }, null, 2)}\n`,
        );
      } else {
        const head = result.valid ? `${positionals[0] ?? ''}: OK` : `${positionals[0] ?? ''}: NOT VALID`;
        const path = result.chain.map(
          (c, i) =>
            `  ${i === 0 ? 'leaf  ' : i === result.chain.length - 1 && result.valid ? 'anchor' : 'issuer'} ${c.subject}`,
        );
        const matrix = result.clients.map(
          (v) => `  ${v.id === client ? '*' : ' '} ${verdictLine(v, result.refusals[v.id])}`,
        );
        process.stdout.write(
          [
            head,
            'chain:',
            ...path,
            ...(result.findings.length ? ['findings:', ...findingLines(result.findings)] : []),
            `clients (* sets the verdict, --client):`,
            ...matrix,
          ].join('\n') + '\n',
        );
      }
      return result.valid ? 0 : 1;
    } catch (e) {
      if (
        e instanceof UnusableInput ||
        (isPkiError(e) && (e.code === 'invalid-argument' || e.code === 'invalid-der'))
      ) {
        process.stderr.write(`certbench verify: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  },
};
