/** The "Profile" select of a leaf certificate (node, server, client), with why each one is what it is. */
import type { LeafProfile } from '../worker/pki-contract.ts';
import { Field } from './field.tsx';

const PROFILES: readonly { id: LeafProfile; label: string; why: string }[] = [
  {
    id: 'node',
    label: 'node (server and client)',
    why: 'A cluster member accepts connections and makes them, so it gets both serverAuth and clientAuth.',
  },
  {
    id: 'server',
    label: 'server',
    why: 'A server only accepts connections: serverAuth, and SANs for every name clients dial.',
  },
  {
    id: 'client',
    label: 'client',
    why: 'A client only proves who it is: clientAuth and no serverAuth, so it cannot impersonate a server. Its CN is its identity.',
  },
];

export function ProfileSelect({ value, onChange }: { value: LeafProfile; onChange: (profile: LeafProfile) => void }) {
  return (
    <Field label="Profile" hint={PROFILES.find((p) => p.id === value)?.why}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as LeafProfile)}>
          {PROFILES.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
