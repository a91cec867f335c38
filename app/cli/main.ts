/** certbench command line: dispatches to one module per command. */
export function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help') {
    process.stdout.write('usage: certbench <command> [options]\n');
    return Promise.resolve(0);
  }
  process.stderr.write(`certbench: unknown command "${argv[0]}"\n`);
  return Promise.resolve(2);
}
