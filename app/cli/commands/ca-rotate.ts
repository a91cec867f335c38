/**
 * `certbench ca rotate --ca-dir OLD --out NEW [--cross-sign]`: a new root CA beside the old one.
 * Writes NEW/ca.crt, NEW/ca.key, NEW/trust-bundle.crt (old CA, then new), NEW/cross-signed.crt
 * with --cross-sign, and NEW/ROTATION.md with the rolling-rotation steps per target (also printed).
 */
import { join } from 'node:path';
import { integer, parse, required } from '../args.ts';
import { assertWritable, writeOut } from '../io.ts';
import { algorithmFlag, CA_FILES, passphraseFlag, printNotes, readCaDir } from './ca.ts';
import { KEY_ALGORITHMS } from '../../pki/light/index.ts';
import { encryptPkcs8Pem } from '../../pki/export/index.ts';
import { rotateCa } from '../../pki/lifecycle/index.ts';
import { rotationGuide } from '../../snippets/rotation-steps.ts';

export const ROTATE_FILES = { bundle: 'trust-bundle.crt', cross: 'cross-signed.crt', guide: 'ROTATION.md' } as const;

export const ROTATE_HELP = `usage: certbench ca rotate --ca-dir OLD --out NEW [--cross-sign] [options]

Make a new root CA beside the root CA in OLD (never in its place). Writes:
  NEW/ca.crt, NEW/ca.key     the new CA ("… G2" after the old name, same key type and lifetime)
  NEW/${ROTATE_FILES.bundle}      old CA then new CA: what every peer trusts during the transition
  NEW/${ROTATE_FILES.cross}      with --cross-sign: the new CA certified by the old one
  NEW/${ROTATE_FILES.guide}          the rolling rotation, step by step, for ScyllaDB, Cassandra,
                             casty and Kubernetes (also printed)
Then: trust the bundle everywhere, re-issue leaves with \`certbench renew … --ca-dir NEW\`,
and finally trust NEW/ca.crt alone.

  --ca-dir OLD               the CA folder to rotate (a root: ca.crt, ca.key)
  --ca-key-passphrase-file F passphrase of an encrypted OLD/ca.key
  --out NEW                  folder to write into
  --cross-sign               also have the old CA sign the new one (NEW/${ROTATE_FILES.cross})
  --cn NAME                  common name of the new CA (default: the old one's plus " G2";
                             O, OU, C, ST and L are the old CA's)
  --alg ${KEY_ALGORITHMS.map((a) => a.id).join('|')}
                             key algorithm (default: the old CA's)
  --days N                   validity in days (default: the old CA's lifetime)
  --key-passphrase-file F    encrypt NEW/ca.key with the first line of F
  --force                    overwrite existing files
`;

export async function rotate(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    'ca-dir': { type: 'string' },
    'ca-key-passphrase-file': { type: 'string' },
    out: { type: 'string' },
    'cross-sign': { type: 'boolean' },
    cn: { type: 'string' },
    alg: { type: 'string' },
    days: { type: 'string' },
    'key-passphrase-file': { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(ROTATE_HELP);
    return 0;
  }
  const oldDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const crossSign = values['cross-sign'] === true;
  const path = (name: string) => join(out, name);
  const files = [
    CA_FILES.cert,
    CA_FILES.key,
    ROTATE_FILES.bundle,
    ROTATE_FILES.guide,
    ...(crossSign ? [ROTATE_FILES.cross] : []),
  ].map(path);
  assertWritable(files, values.force === true);
  const old = readCaDir(oldDir, passphraseFlag(values, 'ca-key-passphrase-file'));
  const rotated = await rotateCa(old, {
    commonName: values.cn,
    algorithm: values.alg === undefined ? undefined : algorithmFlag(values, 'p256'),
    days: integer(values, 'days'),
    crossSign,
  });
  const passphrase = passphraseFlag(values, 'key-passphrase-file');
  const guide = rotationGuide({ oldCaDir: oldDir, newCaDir: out, crossSigned: crossSign });
  writeOut(path(CA_FILES.cert), rotated.ca.certPem);
  writeOut(path(CA_FILES.key), passphrase ? await encryptPkcs8Pem(rotated.ca.keyPem, passphrase) : rotated.ca.keyPem, {
    secret: true,
  });
  writeOut(path(ROTATE_FILES.bundle), rotated.trustBundlePem);
  if (rotated.crossSigned) writeOut(path(ROTATE_FILES.cross), rotated.crossSigned.certPem);
  writeOut(path(ROTATE_FILES.guide), guide);
  printNotes(rotated.notes);
  process.stdout.write(`wrote ${files.join(', ')} (new CA valid until ${rotated.ca.notAfter})\n\n${guide}`);
  return 0;
}
