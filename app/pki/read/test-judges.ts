/**
 * Test-only: running the independent judges (openssl, python3 + cryptography). A missing judge
 * fails the test loudly with the command that installs it; it never skips.
 */
import { spawnSync } from 'node:child_process';

const INSTALL: Record<string, string> = {
  openssl: 'apt-get install -y openssl',
  python3: 'apt-get install -y python3 python3-cryptography   (or: pip install cryptography)',
  keytool: 'apt-get install -y openjdk-17-jre-headless',
};

/** Run a judge; throw with stderr (and the install hint when the tool is missing) on failure. */
export function judge(cmd: string, args: string[], input?: string | Uint8Array, cwd?: string): string {
  return judgeBytes(cmd, args, input, cwd).toString();
}

/** Like judge, for binary output (DER). */
export function judgeBytes(cmd: string, args: string[], input?: string | Uint8Array, cwd?: string): Buffer {
  const r = spawnSync(cmd, args, { input, cwd, maxBuffer: 64 * 1024 * 1024 });
  if (r.error)
    throw new Error(`judge "${cmd}" is not runnable (${r.error.message}); install it: ${INSTALL[cmd] ?? cmd}`);
  if (r.status !== 0) throw new Error(`judge "${cmd} ${args.join(' ')}" failed (${r.status}): ${r.stderr.toString()}`);
  return r.stdout;
}

/** Run a python3 script that needs `cryptography`, failing with the install hint when it is absent. */
export function python(script: string, input?: string | Uint8Array): string {
  return pythonBytes(script, input).toString();
}

/** Like python, for binary output. */
export function pythonBytes(script: string, input?: string | Uint8Array): Buffer {
  const probe = spawnSync('python3', ['-c', 'import cryptography']);
  if (probe.error || probe.status !== 0) {
    throw new Error(`judge python3 with the cryptography package is missing; install it: ${INSTALL.python3}`);
  }
  return judgeBytes('python3', ['-c', script], input);
}
