/**
 * `certbench inspect FILE… [--password-file F] [--json]`: read anything (PEM, DER, PKCS#7,
 * PKCS#12, keys, CSRs, CRLs) and explain it. Human text by default, a JSON array of item
 * summaries with --json. Exit 0 when every input was read, 1 when some item is an error.
 */
import { basename } from 'node:path';
import { parse, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { readBytes, readPasswordFile } from '../io.ts';
import { explain, type Item, readInput, summarize, treeToText } from '../../pki/index.ts';

const HELP = `usage: certbench inspect FILE… [--password-file F] [--json]

Read certificates, CSRs, keys, CRLs, PEM bundles, PKCS#7 (.p7b) and PKCS#12 (.p12/.pfx)
files, whatever their names, and explain what is inside. "-" reads standard input.

  --password-file F   first line of F is the password for encrypted keys and PKCS#12 files
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

export const command: Command = {
  name: 'inspect',
  summary: 'explain certificates, keys, CSRs, CRLs, PKCS#7 and PKCS#12 files',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      'password-file': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('give at least one FILE');
    const passwordFile = values['password-file'];
    const password = typeof passwordFile === 'string' ? readPasswordFile(passwordFile) : undefined;
    const items: Item[] = [];
    for (const path of positionals) {
      const bytes = path === '-' ? await readStdin() : readBytes(path, 'file');
      items.push(...(await readInput({ name: path === '-' ? 'stdin' : basename(path), bytes }, { password })));
    }
    const now = new Date();
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify(
          items.map((i) => summarize(i, { now })),
          null,
          2,
        )}\n`,
      );
    } else {
      process.stdout.write(`${items.map((i) => treeToText(explain(i, { now, others: items }))).join('\n\n')}\n`);
    }
    return items.some((i) => i.kind === 'error') ? 1 : 0;
  },
};
