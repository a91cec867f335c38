/** The shape of one CLI command module. */
export interface Command {
  name: string;
  /** One line for `certbench --help`. */
  summary: string;
  /** Full help text for `certbench NAME --help`. */
  help: string;
  /** Returns the exit status. Throws UsageError (exit 2) or PkiError (exit 1 unless the command says otherwise). */
  run(argv: string[]): Promise<number>;
}
