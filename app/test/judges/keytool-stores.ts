/**
 * keytool as the judge of a Cassandra PKCS#12 bundle: each node's keystore.p12 and truststore.p12
 * open with the store password (keytool -list), the keystore holds one PrivateKeyEntry, the
 * truststore trustedCertEntry rows, and the private key itself opens with the same password
 * (keytool -importkeystore copies it out, which needs it decrypted), as Cassandra's
 * FileBasedSslContextFactory does with keystore_password. A wrong password is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './tools.ts';

export interface StoreVerdict {
  path: string;
  /** keytool -list exit status with the right password, and what it listed. */
  listStatus: number;
  entries: { privateKey: number; trustedCert: number };
  /** keytool -list with a wrong password: non-zero when the store really is locked (-1: not tried). */
  wrongPasswordStatus: number;
  /** keytool -importkeystore (keystores only): 0 when the key opens with the store password. */
  keyOpensStatus?: number;
  output: string;
}

function list(path: string, password: string) {
  return run('keytool', ['-list', '-storetype', 'PKCS12', '-keystore', path, '-storepass', password]);
}

/**
 * Judge one store file; `keystore` also copies its key out to prove the key password is the store's.
 * `thorough: false` skips the wrong-password and key checks (each keytool run starts a JVM).
 */
export function judgeStore(path: string, password: string, keystore: boolean, thorough = true): StoreVerdict {
  const listed = list(path, password);
  const wrong = thorough ? list(path, `${password}-wrong`) : { status: -1 };
  const verdict: StoreVerdict = {
    path,
    listStatus: listed.status,
    entries: {
      privateKey: (listed.stdout.match(/PrivateKeyEntry/g) ?? []).length,
      trustedCert: (listed.stdout.match(/trustedCertEntry/g) ?? []).length,
    },
    wrongPasswordStatus: wrong.status,
    output: listed.stdout + listed.stderr,
  };
  if (keystore && thorough) {
    const scratch = mkdtempSync(join(tmpdir(), 'certbench-keytool-'));
    try {
      const copied = run('keytool', [
        '-importkeystore',
        '-noprompt',
        '-srcstoretype',
        'PKCS12',
        '-srckeystore',
        path,
        '-srcstorepass',
        password,
        '-deststoretype',
        'PKCS12',
        '-destkeystore',
        join(scratch, 'copy.p12'),
        '-deststorepass',
        password,
      ]);
      verdict.keyOpensStatus = copied.status;
      verdict.output += copied.stdout + copied.stderr;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return verdict;
}

/** Every node's keystore.p12 and truststore.p12 under `dir` (the unpacked zip); the first node's thoroughly. */
export function judgeCassandraStores(dir: string, nodes: readonly string[], password: string): StoreVerdict[] {
  return nodes.flatMap((node, i) => [
    judgeStore(join(dir, node, 'keystore.p12'), password, true, i === 0),
    judgeStore(join(dir, node, 'truststore.p12'), password, false, i === 0),
  ]);
}
