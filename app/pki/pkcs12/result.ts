/** What the PKCS#12 writers hand back, and the findings they may attach. */
import type { Finding } from '../findings.ts';

/** What was written, for the UI and the CLI to report. */
export interface Pkcs12Result {
  der: Uint8Array;
  /** Alias of each entry, in the order `keytool -list` reads them from the file. */
  aliases: string[];
  /** Certificates written (leaf first for a keystore). */
  certificateCount: number;
  /** Things the user should know about the file, e.g. which tools cannot open it. */
  findings: Finding[];
}

/** Java 17 cannot open a PKCS#12 file under a password outside printable ASCII; say so rather than let a JVM fail at startup. */
export const PASSWORD_NOT_FOR_JAVA: Finding = {
  code: 'pkcs12-password-not-for-java',
  severity: 'warning',
  message:
    'The password has characters outside printable ASCII. OpenSSL, Python and Node.js open this file, but Java 17 (keytool, Cassandra, Kafka) cannot ("Password is not ASCII"): use a printable-ASCII password for Java.',
};

/** The findings every PKCS#12 file gets for its password. */
export function passwordFindings(javaCanUse: boolean): Finding[] {
  return javaCanUse ? [] : [PASSWORD_NOT_FOR_JAVA];
}
