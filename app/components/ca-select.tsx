/** The "Issuing CA" select over the workspace's CAs that hold their key. */
import { selectIssuingCas, useApp, type WorkspaceItem } from '../store/index.ts';
import type { IssuerInput } from '../worker/pki-contract.ts';
import { Field } from './field.tsx';

/** The worker's view of a CA item. */
export function issuerOf(ca: WorkspaceItem): IssuerInput {
  return { certPem: ca.pem, keyPem: ca.keyPem ?? '', ...(ca.chainPem ? { chainPem: ca.chainPem } : {}) };
}

/** `error` is a problem with the chosen CA (from the worker), shown beside the select. */
export function CaSelect({ value, onChange, hint, error }: { value: string; onChange: (id: string) => void; hint?: string; error?: string | undefined }) {
  const cas = useApp(selectIssuingCas);
  return (
    <Field label="Issuing CA" hint={hint} error={cas.length ? error : 'No CA with its key in the workspace yet: create or import one under Authorities.'}>
      {(p) => (
        <select {...p} value={cas.some((c) => c.id === value) ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="" disabled>Choose a CA</option>
          {cas.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      )}
    </Field>
  );
}

/** The chosen CA item, or the newest one when nothing is chosen yet. */
export function useChosenCa(id: string): WorkspaceItem | undefined {
  const cas = useApp(selectIssuingCas);
  return cas.find((c) => c.id === id) ?? cas[cas.length - 1];
}
