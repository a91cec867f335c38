/**
 * `certbench inspect FILE… [--password-file F] [--host H] [--purpose server|client] [--json]`:
 * read anything (PEM, DER, PKCS#7, PKCS#12, keys, CSRs, CRLs) and explain it, through the same
 * inspect report as the browser's Inspect view (app/flows/inspect-report.ts): each item's tree,
 * how the items relate, and each leaf diagnosed against the CAs given. This file only parses the
 * arguments and prints the report. Exit 0 when every input was read, 1 when some item is an error.
 */
import { basename } from 'node:path';
import { parse, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { readBytes, readPasswordFile } from '../io.ts';
import { treeToText } from '../../pki/index.ts';
import {
  explainedReport,
  type Diagnosis,
  type ExplainedItem,
  type InspectInput,
  type InspectReport,
  type InspectRole,
} from '../../flows/inspect-report.ts';
import { inspectFindingText } from '../../flows/diagnosis-words.ts';

/** How `certbench inspect` adds a file: every input is an argument (it has no --ca or --untrusted). */
const TO_THE_FILES_GIVEN = 'to the files given';

const HELP = `usage: certbench inspect FILE… [--password-file F] [--host NAME_OR_IP] [--purpose server|client] [--json]

Read certificates, CSRs, keys, CRLs, PEM bundles, PKCS#7 (.p7b) and PKCS#12 (.p12/.pfx)
files, whatever their names, and explain what is inside, as the browser's Inspect view does:
each item, how they relate (chains, which key belongs to which certificate, duplicates), and
each leaf certificate judged against the CA certificates given (self-signed ones are the
trust anchors), per TLS client. "-" reads standard input.

  --password-file F   first line of F is the password for encrypted keys and PKCS#12 files
  --host NAME_OR_IP   also judge each leaf for this DNS name or IP address
  --purpose P         also judge each leaf for this TLS role (server or client)
  --json              print a JSON array: one summary per item (certificates carry subject,
                      issuer, serialNumber, notBefore/notAfter, fingerprints, subjectAltNames,
                      isCA, pathLength, keyUsage, extendedKeyUsage, publicKey,
                      signatureAlgorithm, findings); unreadable inputs are {kind: "error"}

Exit status: 0 all read, 1 some input gave an error item, 2 usage error.
`;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function purposeOf(value: string | boolean | undefined): InspectRole | undefined {
  if (value === undefined) return undefined;
  if (value === 'server' || value === 'client') return value;
  throw new UsageError(`--purpose must be server or client, not "${String(value)}"`);
}

/** One diagnosis in words: the verdict, the validator's findings, then the clients, those that agree on one line. */
function diagnosisText(d: Diagnosis): string {
  const asked = [d.host ? `for ${d.host}` : '', d.role ? `as a TLS ${d.role}` : ''].filter(Boolean).join(' ');
  const lines = [`Diagnosis: ${d.leaf}${asked ? ` (${asked})` : ''}: ${d.valid ? 'valid' : 'not valid'}`];
  for (const f of d.findings) lines.push(`  ${f.severity}: ${inspectFindingText(f, d, TO_THE_FILES_GIVEN)}`);
  const groups = new Map<string, { names: string[]; verdict: string; fixes: string[] }>();
  for (const c of d.clients) {
    const verdict = c.accepts ? 'accept' : `refuse — ${c.reasons.join('; ')}`;
    const key = JSON.stringify([verdict, c.fixes]);
    const group = groups.get(key) ?? { names: [], verdict, fixes: c.fixes };
    group.names.push(c.name);
    groups.set(key, group);
  }
  if (groups.size) lines.push('  clients:');
  for (const g of groups.values()) {
    lines.push(`    ${g.names.join(', ')}: ${g.verdict}`);
    for (const fix of g.fixes) lines.push(`      fix: ${fix}`);
  }
  return lines.join('\n');
}

/** The report as text: the items, then the relations, then the diagnoses, blank lines between. */
function reportText(report: InspectReport<ExplainedItem>): string {
  const sections = report.items.map((i) => treeToText(i.tree));
  if (report.relations.length)
    sections.push(['Relations', ...report.relations.map((r) => treeToText(r, '  '))].join('\n'));
  sections.push(...report.diagnoses.map(diagnosisText));
  return `${sections.join('\n\n')}\n`;
}

export const command: Command = {
  name: 'inspect',
  summary: 'explain certificates, keys, CSRs, CRLs, PKCS#7 and PKCS#12 files',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      'password-file': { type: 'string' },
      host: { type: 'string' },
      purpose: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('give at least one FILE');
    const passwordFile = values['password-file'];
    const password = typeof passwordFile === 'string' ? readPasswordFile(passwordFile) : undefined;
    const role = purposeOf(values.purpose);
    const host = typeof values.host === 'string' ? values.host : undefined;
    const inputs: InspectInput[] = [];
    for (const path of positionals) {
      const data = path === '-' ? await readStdin() : readBytes(path, 'file');
      inputs.push({ name: path === '-' ? 'stdin' : basename(path), data });
    }
    const report = await explainedReport({
      inputs,
      ...(password !== undefined ? { password } : {}),
      ...(host ? { host } : {}),
      ...(role ? { role } : {}),
    });
    const out = values.json
      ? `${JSON.stringify(
          report.items.map((i) => i.summary),
          null,
          2,
        )}\n`
      : reportText(report);
    process.stdout.write(out);
    return report.items.some((i) => i.kind === 'error') ? 1 : 0;
  },
};
