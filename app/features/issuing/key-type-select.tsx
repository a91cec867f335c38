/**
 * The "Key type" select, offering only what this browser can make (Ed25519 and ML-DSA are
 * probed in the worker), P-256 first and preselected. Post-quantum keys (ML-DSA, FIPS 204) sit
 * in their own group: few TLS stacks take them yet, and the hint says which. It asks the worker,
 * so it lives in the shared issuing feature (components call no worker), for every issuing view.
 */
import { useEffect, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { KEY_ALGORITHMS, mlDsaMinimum, type KeyAlgorithmId } from '../../pki/light/index.ts';
import { callWorker } from '../../worker/client.ts';

type Option = { id: KeyAlgorithmId; label: string };

const FALLBACK: Option[] = [{ id: 'p256', label: 'ECDSA P-256' }];
let cached: Promise<Option[]> | undefined;

function supported(): Promise<Option[]> {
  cached ??= callWorker('keyAlgorithms', undefined).catch(() => FALLBACK);
  return cached;
}

const ML_DSA_HINT = (['openssl', 'node', 'java'] as const)
  .map(mlDsaMinimum)
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');

const isPostQuantum = (o: Option) => KEY_ALGORITHMS.find((a) => a.id === o.id)?.family === 'ml-dsa';

export function KeyTypeSelect({ value, onChange }: { value: KeyAlgorithmId; onChange: (id: KeyAlgorithmId) => void }) {
  const [options, setOptions] = useState(FALLBACK);
  useEffect(() => {
    let live = true;
    void supported().then((o) => {
      if (live) setOptions(o);
    });
    return () => {
      live = false;
    };
  }, []);
  const classic = options.filter((o) => !isPostQuantum(o));
  const postQuantum = options.filter(isPostQuantum);
  const item = (o: Option) => (
    <option key={o.id} value={o.id}>
      {o.label}
    </option>
  );
  return (
    <Field
      label="Key type"
      hint={`ECDSA P-256 is the default: small, fast and accepted by every TLS stack here. RSA only where an old client needs it. ML-DSA (post-quantum) needs ${ML_DSA_HINT}.`}
    >
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as KeyAlgorithmId)}>
          {postQuantum.length ? <optgroup label="Classic">{classic.map(item)}</optgroup> : classic.map(item)}
          {postQuantum.length > 0 && <optgroup label="Post-quantum (ML-DSA)">{postQuantum.map(item)}</optgroup>}
        </select>
      )}
    </Field>
  );
}
