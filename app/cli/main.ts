/** certbench command line: a registry of commands, one module each, over the same core as the browser. */
import { UsageError } from './args.ts';
import type { Command } from './command.ts';
import { isPkiError } from '../pki/light/index.ts';
import { command as ca } from './commands/ca.ts';
import { command as issue } from './commands/issue.ts';
import { command as csr } from './commands/csr.ts';
import { command as inspect } from './commands/inspect.ts';
import { command as verify } from './commands/verify.ts';
import { command as lint } from './commands/lint.ts';
import { command as exportCmd } from './commands/export.ts';
import { command as bundle } from './commands/bundle.ts';
import { command as snippet } from './commands/snippet.ts';
import { command as renew } from './commands/renew.ts';
import { command as revoke } from './commands/revoke.ts';
import { command as crl } from './commands/crl.ts';

export const COMMANDS: readonly Command[] = [
  ca,
  issue,
  renew,
  revoke,
  crl,
  csr,
  inspect,
  verify,
  lint,
  exportCmd,
  bundle,
  snippet,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: certbench <command> [options]   (certbench <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

/** Run the CLI; returns the exit status. Errors go to stderr, never as a stack. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`certbench: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`certbench ${name}: ${e.message}\n\n${cmd.help}`);
      return 2;
    }
    if (isPkiError(e)) {
      process.stderr.write(`certbench ${name}: ${e.field}: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`certbench ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
