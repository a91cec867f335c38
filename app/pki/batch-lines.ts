/**
 * A node list: one node per line, its name then its IPs and DNS names, read and checked up front
 * so a typo on line 40 fails before 39 keys were made. Every bad line is named in one error. The
 * batch (batch.ts) and renewals in batches (renew-batch.ts) issue from these lines.
 */
import { PkiError } from './errors.ts';
import { profileSans } from './issue.ts';
import { profileSpec, type LeafProfile } from './profiles.ts';
import { checkSans, sanProblemsText, withSanFirst, type SanEntry } from './san.ts';
import { simpleSan, simpleSans } from './simple-sans.ts';

export interface BatchLine {
  /** 1-based line number in the input. */
  line: number;
  /** The node's name: its CN, and its folder name in the CLI. */
  name: string;
  /** SANs as they go into the certificate (the name first when it is a host or IP). */
  sans: SanEntry[];
}

/** Longest batch, to keep a paste from freezing the page. */
export const MAX_BATCH = 10_000;

function lineError(line: number, message: string, cause?: unknown): PkiError {
  return new PkiError('invalid-argument', 'nodes', `line ${line}: ${message}`, { cause });
}

/** How many bad lines one error message names before it says "and N more". */
const MAX_LINES_NAMED = 10;

/**
 * Parse a node list. Blank lines and `#` comments are skipped; a line is a name followed by
 * SANs separated by spaces or commas. Names are unique and safe as folder names. Every bad line
 * (and every bad SAN on it) is named in one error, so a pasted list is fixed in one pass.
 */
export function parseBatch(text: string, profile: LeafProfile = 'node'): BatchLine[] {
  const out: BatchLine[] = [];
  const problems: PkiError[] = [];
  const seen = new Map<string, number>();
  // Straight-line code per line (a loop, no iterator destructuring, the comment pattern only on
  // a line that has a '#'): a fresh worker runs this unoptimised, once per node of every cluster.
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!;
    const content = (raw.includes('#') ? raw.replace(/#.*$/, '') : raw).trim();
    if (!content) continue;
    const tokens = content.split(/[\s,;]+/);
    const name = tokens[0] ?? '';
    const rest = tokens.slice(1);
    // The first character is a letter or digit, so a name of dots alone cannot pass.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
      problems.push(
        lineError(
          line,
          `"${name}" is not a usable node name (letters, digits, ".", "_" and "-", up to 64, as it also names the node's folder)`,
        ),
      );
      continue;
    }
    const lower = name.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) {
      problems.push(lineError(line, `"${name}" is already on line ${first}`));
      continue;
    }
    seen.set(lower, line);
    let sans = simpleSans(rest);
    if (!sans) {
      const checked = checkSans(rest.join(' '));
      if (checked.problems.length > 0) {
        problems.push(lineError(line, sanProblemsText(checked.problems) ?? '', checked.problems[0]?.error));
        continue;
      }
      sans = checked.sans;
    }
    try {
      out.push({ line, name, sans: lineSans(profile, name, sans) });
    } catch (e) {
      if (e instanceof PkiError) problems.push(lineError(line, e.message, e));
      else throw e;
    }
  }
  if (problems.length > 0) throw batchError(problems);
  if (out.length === 0)
    throw new PkiError(
      'invalid-argument',
      'nodes',
      'The node list is empty: write one node per line, its name then its IPs and DNS names.',
    );
  if (out.length > MAX_BATCH)
    throw new PkiError('input-too-large', 'nodes', `At most ${MAX_BATCH} nodes per batch, got ${out.length}.`);
  return out;
}

/**
 * profileSans(profile, name, sans): under a profile that puts the CN in the SANs, the name's own
 * entry first unless the line lists it. A name that is itself a simple SAN (a lower-case LDH name
 * or a canonical dotted quad, simple-sans.ts) is its own entry as sanFromCommonName reads it
 * (simple-sans.test.ts holds the two equal over generated names), so it skips that reader's IP
 * parser and IDNA, which in a fresh worker's first clusters ran unoptimised once per line; any
 * other name, and every other profile, goes to profileSans. The short path stays here rather than
 * in sanFromCommonName: san.ts importing it moved san.ts, ip.ts and idna.ts into the worker's
 * first script (+2.4 KiB gzipped, measured on the build).
 */
export function lineSans(profile: LeafProfile, name: string, sans: SanEntry[]): SanEntry[] {
  const own = profileSpec(profile).commonNameInSans ? simpleSan(name) : undefined;
  if (!own) return profileSans(profile, name, sans);
  return withSanFirst(own, sans);
}

/** One error for every bad line: the line's own error when there is one, else all of them, capped. */
function batchError(problems: readonly PkiError[]): PkiError {
  if (problems.length === 1) return problems[0]!;
  const named = problems
    .slice(0, MAX_LINES_NAMED)
    .map((p) => p.message.replace(/\.$/, ''))
    .join('; ');
  const more = problems.length > MAX_LINES_NAMED ? `; and ${problems.length - MAX_LINES_NAMED} more` : '';
  return new PkiError('invalid-argument', 'nodes', `${problems.length} lines are not valid: ${named}${more}.`, {
    cause: problems[0],
  });
}
