/**
 * `certbench revoke CERT --ca-dir DIR [--reason R]`: the CA folder remembers the revocation in
 * DIR/revoked.json; `certbench crl` publishes it.
 */
import { join } from 'node:path';
import type { Command } from '../command.ts';
import { parse, required, UsageError } from '../args.ts';
import { readText } from '../io.ts';
import { readRevocations, revokedPath, REVOKED_FILE_HELP, writeRevocations } from '../revocations-file.ts';
import { CA_FILES } from './ca.ts';
import { REVOCATION_REASONS, revokeCertificate } from '../../pki/lifecycle/index.ts';

const REASONS = Object.keys(REVOCATION_REASONS)
  .filter((r) => r !== 'unspecified')
  .join('|');

const HELP = `usage: certbench revoke CERT --ca-dir DIR [--reason REASON]

Revoke the certificate in CERT (its first certificate), which the CA in DIR must have issued.
The revocation is added to DIR/revoked.json; run \`certbench crl\` to publish a CRL with it.

  --ca-dir DIR      the issuing CA folder (ca.crt)
  --reason REASON   ${REASONS}
                    (default: unspecified)

${REVOKED_FILE_HELP}`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { 'ca-dir': { type: 'string' }, reason: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [certFile, ...extra] = positionals;
  if (!certFile) throw new UsageError('CERT is required');
  if (extra.length) throw new UsageError(`one CERT at a time, got also ${extra.join(' ')}`);
  const caDir = required(values, 'ca-dir');
  const caCertPem = readText(join(caDir, CA_FILES.cert), 'ca-dir');
  const list = await revokeCertificate(
    readRevocations(caDir),
    readText(certFile, 'cert'),
    caCertPem,
    values.reason ?? 'unspecified',
  );
  writeRevocations(caDir, list);
  const entry = list.revoked[list.revoked.length - 1];
  process.stdout.write(
    `revoked serial ${entry?.serial ?? '?'} (${entry?.subject ?? '?'}, ${entry?.reason ?? '?'}); ${list.revoked.length} in ${revokedPath(caDir)}\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'revoke',
  summary: 'revoke a certificate: its CA folder remembers it (revoked.json)',
  help: HELP,
  run,
};
