/**
 * `certbench lint FILE… [--json]`: run the private-PKI lint rules over every certificate in
 * the files. Exit 0 when no finding is an error, 1 when some is, 2 for unusable input.
 */
import { Convert } from 'pvtsutils';
import { parse, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { lintCertificate, LINT_RULES } from '../../pki/lint/index.ts';
import { findingLines, loadCertificates } from './verify.ts';

const HELP = `usage: certbench lint FILE… [--json] [--rules]

Check every certificate in the files (PEM with any number of blocks, DER or PKCS#7) against
rules for a private mTLS PKI: CA flags and key usage, key identifiers (Python's strict
verification needs them), serial numbers, SANs, validity encoding, key sizes and types,
SHA-1, EKU against key usage, and more. A certificate with cA=TRUE is linted as a CA.

  --json    print [{source, subject, sha256, findings: [{code, severity, message}]}]
  --rules   list the rules (code, severity, what each expects) and exit

Exit status: 0 no errors, 1 some certificate has an error finding, 2 unusable input.
`;

export const command: Command = {
  name: 'lint',
  summary: 'check certificates against rules for a private mTLS PKI',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, rules: { type: 'boolean' } });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (values.rules) {
      process.stdout.write(
        LINT_RULES.map((r) => `${r.code.padEnd(34)} ${r.severity.padEnd(7)} ${r.summary}`).join('\n') + '\n',
      );
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('give at least one FILE');
    let certs;
    try {
      certs = await loadCertificates(positionals, 'file');
    } catch (e) {
      process.stderr.write(`certbench lint: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    const reports = await Promise.all(
      certs.map(async ({ cert, source }) => ({
        source,
        subject: cert.subject,
        sha256: Convert.ToHex(await crypto.subtle.digest('SHA-256', cert.rawData)),
        findings: lintCertificate(cert),
      })),
    );
    if (values.json) {
      process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    } else {
      const text = reports.map((r) =>
        [`${r.source}: ${r.subject}${r.findings.length ? '' : ': no findings'}`, ...findingLines(r.findings)].join(
          '\n',
        ),
      );
      process.stdout.write(text.join('\n') + '\n');
    }
    return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};
