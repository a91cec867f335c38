/**
 * The Cluster form's Cassandra choice: PEM files (PEMBasedSslContextFactory) or a PKCS#12 keystore
 * and truststore per node, and then the store password those are written under. The password
 * stays in memory for the download and is never saved (the zip's README and the snippet say where
 * it comes from, not what it is).
 */
import { Field } from '../../components/field.tsx';
import type { CassandraChoice } from '../issuing/cassandra-store-password.ts';

export function CassandraStoreFields({
  value,
  onChange,
  error,
}: {
  value: CassandraChoice;
  onChange: (v: CassandraChoice) => void;
  error?: string | undefined;
}) {
  return (
    <>
      <Field
        label="Cassandra files"
        hint={
          value.format === 'pem'
            ? 'Per node keystore.pem (key, certificate and chain in one file) and ca.pem, read by PEMBasedSslContextFactory (Cassandra 4.1+). RSA and ECDSA keys only; the key is not encrypted.'
            : 'Per node keystore.p12 (its key and certificate chain) and truststore.p12 (the CA), both under the store password below: any key type, the key encrypted at rest.'
        }
      >
        {(p) => (
          <select
            {...p}
            value={value.format}
            onChange={(e) => onChange({ ...value, format: e.target.value === 'pkcs12' ? 'pkcs12' : 'pem' })}
          >
            <option value="pem">PEM key and chain (PEMBasedSslContextFactory)</option>
            <option value="pkcs12">PKCS#12 keystore and truststore</option>
          </select>
        )}
      </Field>
      {value.format === 'pkcs12' && (
        <Field
          label="Store password"
          error={error}
          hint="Opens each node's keystore.p12 and truststore.p12, and the key inside (cassandra.yaml's keystore_password and truststore_password). Not saved, and not in the zip: keep it where your Cassandra configuration is."
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={value.storePassword}
              onChange={(e) => onChange({ ...value, storePassword: e.target.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}
