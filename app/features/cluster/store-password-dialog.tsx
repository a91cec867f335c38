/**
 * Ask again for the store password of a Cassandra PKCS#12 cluster before downloading it again.
 * certbench never keeps that password at rest (not even encrypted: the workspace would then hold a
 * second secret that opens every node's keystore), so the user types the one cassandra.yaml names.
 */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field.tsx';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { cassandraStoreError } from '../issuing/cassandra-store-password.ts';

export function StorePasswordDialog({
  name,
  onDownload,
  onClose,
}: {
  name: string;
  onDownload: (storePassword: string) => void;
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const error = cassandraStoreError({ format: 'pkcs12', storePassword: password });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!error) onDownload(password);
  };
  return (
    <ModalDialog title={`Download ${name} again`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          Its nodes get PKCS#12 keystores and truststores, as when it was made. certbench did not save their store
          password: type the one your nodes' cassandra.yaml names. A different password makes new stores that the
          current cassandra.yaml cannot open.
        </p>
        <Field label="Store password" error={touched ? error : undefined}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="off"
              data-autofocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit">Download</button>
        </div>
      </form>
    </ModalDialog>
  );
}
