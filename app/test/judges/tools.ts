/**
 * Running the independent judges: tools we did not write (openssl, python3, keytool). A judge
 * that is missing fails the test loudly with the command that installs it; it never skips.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** How to install each judge on this (Debian) machine. */
const INSTALL: Record<string, string> = {
  openssl: 'apt-get install -y openssl',
  python3: 'apt-get install -y python3 python3-cryptography',
  keytool: 'apt-get install -y openjdk-17-jre-headless',
  java: 'apt-get install -y openjdk-17-jre-headless',
  javac: 'apt-get install -y openjdk-17-jdk-headless',
  go: 'apt-get install -y golang-go',
};

const present = new Map<string, boolean>();

/** Throw (failing the test) when `tool` is not on PATH, naming the install command. */
export function requireTool(tool: string): void {
  let ok = present.get(tool);
  if (ok === undefined) {
    const probe = spawnSync(tool, tool === 'keytool' ? ['-help'] : ['--version'], { encoding: 'utf8' });
    ok = !probe.error;
    present.set(tool, ok);
  }
  if (!ok) {
    throw new Error(
      `The judge "${tool}" is missing; install it with: ${INSTALL[tool] ?? `apt-get install -y ${tool}`}`,
    );
  }
}

/** Run a judge synchronously; never throws on a non-zero exit (the status is the verdict). */
export function run(
  tool: string,
  args: string[],
  opts: { input?: string; cwd?: string; timeoutMs?: number } = {},
): RunResult {
  // A path is a program this run built (the Go judge), not a tool to look up on PATH.
  if (!tool.includes('/')) requireTool(tool);
  const r = spawnSync(tool, args, {
    encoding: 'utf8',
    input: opts.input,
    cwd: opts.cwd,
    timeout: opts.timeoutMs ?? 30_000,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder holding `files` (name → contents); removed after `fn`, even when it throws. */
export async function withFiles<T>(
  files: Record<string, string | Uint8Array>,
  fn: (dir: string, path: (name: string) => string) => Promise<T> | T,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-judge-'));
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    return await fn(dir, (name) => join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
