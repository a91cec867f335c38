/** Test helper (side effects: spawns processes, binds ports): long-running servers for handshake tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port free right now on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Spawn `command` and wait until its stdout or stderr matches `ready`; fail with its output otherwise.
 * With `group`, the command leads a process group and stop() signals the whole group (a shell script
 * whose server runs as the shell's child).
 */
export function startServer(
  command: string,
  args: string[],
  ready: RegExp,
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; group?: boolean } = {},
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: opts.group === true,
    });
    let out = '';
    let settled = false;
    // 'close' comes after 'exit' once stdout and stderr are drained, so output() read after stop() is whole.
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    const stop = async () => {
      if (opts.group && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // the group is gone already
        }
      } else if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void stop().then(() => reject(new Error(`${command} did not become ready: ${out}`)));
    }, opts.timeoutMs ?? 15_000);
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      if (!settled && ready.test(out)) {
        settled = true;
        clearTimeout(timer);
        resolve({ process: child, output: () => out, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code ?? 'a signal'} before it was ready: ${out}`));
    });
  });
}
