/**
 * Cassandra's PKCS#12 choice and the rule for its store password, shared by the Cluster form,
 * the cluster list's "Download again" and Export → Bundles, so all three refuse the same input
 * with the same sentence.
 */

export interface CassandraChoice {
  format: 'pem' | 'pkcs12';
  storePassword: string;
}

/**
 * Cassandra runs on Java, and Java 17 cannot open a PKCS#12 file under a password outside printable
 * ASCII ("Password is not ASCII"): the same rule as the core's javaCanUsePassword (pki/pkcs12/options.ts).
 */
const JAVA_PASSWORD = /^[\x20-\x7e]*$/;

/** The sentence for the password field; undefined when the choice can be built. */
export function cassandraStoreError(choice: CassandraChoice): string | undefined {
  if (choice.format !== 'pkcs12') return undefined;
  if (!choice.storePassword)
    return 'Choose a store password: Cassandra opens keystore.p12 and truststore.p12 with it (keystore_password, truststore_password).';
  if (!JAVA_PASSWORD.test(choice.storePassword))
    return 'Use printable ASCII only: Cassandra runs on Java, which cannot open PKCS#12 stores under other characters.';
  return undefined;
}
