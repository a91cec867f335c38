/**
 * `certbench crl --ca-dir DIR --out FILE [--days N] [--der]`: the CA's next CRL (v2) over
 * DIR/revoked.json, signed by DIR/ca.key. The CRL number in revoked.json is advanced first, so a
 * number is never issued twice even if writing FILE fails.
 */
import type { Command } from '../command.ts';
import { integer, parse, required } from '../args.ts';
import { assertWritable, writeOut } from '../io.ts';
import { readRevocations, REVOKED_FILE_HELP, writeRevocations } from '../revocations-file.ts';
import { passphraseFlag, readCaDir } from './ca.ts';
import { DEFAULT_CRL_DAYS, issueCrl } from '../../pki/lifecycle/index.ts';

const HELP = `usage: certbench crl --ca-dir DIR --out FILE [--days N] [--der]

Issue the CA's next CRL (X.509 v2): every certificate in DIR/revoked.json with its reason,
a CRL number one above the last, the CA's key identifier (AKI), thisUpdate now and nextUpdate
N days later. Publish it before nextUpdate passes: peers that check CRLs refuse an old one.

  --ca-dir DIR               the CA folder (ca.crt, ca.key, revoked.json)
  --ca-key-passphrase-file F passphrase of an encrypted DIR/ca.key
  --out FILE                 where to write the CRL
  --days N                   nextUpdate N days after thisUpdate (default ${DEFAULT_CRL_DAYS})
  --der                      write DER instead of PEM ("X509 CRL")
  --force                    overwrite FILE

Check it: openssl crl -in FILE -CAfile DIR/ca.crt -verify -noout -text

${REVOKED_FILE_HELP}`;

async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    'ca-dir': { type: 'string' },
    'ca-key-passphrase-file': { type: 'string' },
    out: { type: 'string' },
    days: { type: 'string' },
    der: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  assertWritable([out], values.force === true);
  const crl = await issueCrl(
    readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file')),
    readRevocations(caDir),
    { days: integer(values, 'days') },
  );
  writeRevocations(caDir, crl.list);
  writeOut(out, values.der ? crl.der : crl.pem);
  process.stdout.write(
    `wrote ${out}: CRL number ${crl.crlNumber}, ${crl.list.revoked.length} revoked, next update ${crl.nextUpdate}\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'crl',
  summary: "issue the CA's next CRL (v2) from its revoked.json, PEM or DER",
  help: HELP,
  run,
};
