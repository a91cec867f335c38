/**
 * The "Key type" select, offering only what this browser can make (Ed25519 is probed in the
 * worker), P-256 first and preselected.
 */
import { useEffect, useState } from 'react';
import type { KeyAlgorithmId } from '../pki/algorithms.ts';
import { callWorker } from '../worker/client.ts';
import { Field } from './field.tsx';

const FALLBACK: { id: KeyAlgorithmId; label: string }[] = [{ id: 'p256', label: 'ECDSA P-256' }];
let cached: Promise<{ id: KeyAlgorithmId; label: string }[]> | undefined;

function supported(): Promise<{ id: KeyAlgorithmId; label: string }[]> {
  cached ??= callWorker('keyAlgorithms', undefined).catch(() => FALLBACK);
  return cached;
}

export function KeyTypeSelect({ value, onChange }: { value: KeyAlgorithmId; onChange: (id: KeyAlgorithmId) => void }) {
  const [options, setOptions] = useState(FALLBACK);
  useEffect(() => {
    let live = true;
    void supported().then((o) => { if (live) setOptions(o); });
    return () => { live = false; };
  }, []);
  return (
    <Field label="Key type" hint="ECDSA P-256 is the default: small, fast and accepted by every TLS stack here. RSA only where an old client needs it.">
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as KeyAlgorithmId)}>
          {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}
