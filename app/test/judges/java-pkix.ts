/**
 * Java's PKIX as a batch chain judge: JavaPkixJudge.java (beside this file) compiled once with
 * javac and run in one JVM for every chain. See the Java source for what each column means.
 */
import { fileURLToPath } from 'node:url';
import { run, withFiles } from './tools.ts';
import { buildOnce } from './build-once.ts';
import { oneLine, type JudgedChain, type StackVerdict } from './chain.ts';

const SOURCE = fileURLToPath(new URL('./JavaPkixJudge.java', import.meta.url));
/** HostnameChecker (the HTTPS endpoint identification Java's TrustManager runs) is not exported by java.base. */
const EXPORTS = ['--add-exports', 'java.base/sun.security.util=ALL-UNNAMED'];

export interface JavaVerdict extends StackVerdict {
  /** CertPathValidator alone: "ok" or its error. */
  pkix: string;
  /** The PKIX TrustManager (path building and validation plus the TLS end-entity checks). */
  tls: string;
  /** HostnameChecker TYPE_TLS for server chains; "ok" for client chains. */
  host: string;
}

function compiled(): string {
  return buildOnce(SOURCE, (out) => {
    const r = run('javac', [...EXPORTS, '-nowarn', '-d', out, SOURCE], { timeoutMs: 120_000 });
    if (r.status !== 0) throw new Error(`javac JavaPkixJudge.java failed: ${r.stderr}`);
  });
}

const b64 = (d: Uint8Array) => Buffer.from(d).toString('base64');

/** One line per chain, tab-separated (the JDK has no JSON reader): see JavaPkixJudge.java. */
function line(c: JudgedChain): string {
  const inters = c.intermediatesDer.length ? c.intermediatesDer.map(b64).join(',') : '-';
  return [
    c.name.replace(/\s+/g, ' '),
    c.purpose,
    c.host || '-',
    String(c.at.getTime()),
    b64(c.leafDer),
    inters,
    b64(c.anchorDer),
  ].join('\t');
}

export function javaPkixVerdicts(chains: JudgedChain[]): Promise<JavaVerdict[]> {
  const classes = compiled();
  return withFiles({ 'chains.tsv': chains.map(line).join('\n') + '\n' }, (_d, p) => {
    const r = run('java', [...EXPORTS, '-cp', classes, 'JavaPkixJudge', p('chains.tsv')], { timeoutMs: 300_000 });
    let out: JavaVerdict[];
    try {
      out = JSON.parse(r.stdout) as JavaVerdict[];
    } catch {
      throw new Error(`java JavaPkixJudge crashed (status ${r.status}): ${r.stderr.trim()}`);
    }
    if (out.length !== chains.length) throw new Error(`JavaPkixJudge judged ${out.length} of ${chains.length} chains`);
    return out.map((v) => ({ ...v, reason: oneLine(v.reason) }));
  });
}
