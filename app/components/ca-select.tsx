/**
 * The "Issuing CA" select over the workspace's CAs. A CA that cannot sign for the form's purpose
 * (no key here, expired, no keyCertSign, or path length 0 when the form makes a CA) is listed
 * disabled with the reason beside its name, so the user learns why it cannot be chosen. CAs that
 * share a name are told apart by their created date and serial prefix, in the option itself; the
 * chosen CA's are said under the select (issue 12: two "dup CA" roots looked the same).
 */
import { useMemo } from 'react';
import { useHashParam } from '../lib/hash-route.ts';
import { selectItemList, useApp, withKey, type WorkspaceItem } from '../store/index.ts';
import type { IssuerInput } from '../worker/pki-contract.ts';
import { Field } from './field.tsx';
import { issuerProblem, type IssuerPurpose } from './issuer-check.ts';
import { caOptionLabels, chosenCaLine } from './ca-identity.ts';

export type { IssuerPurpose } from './issuer-check.ts';

/** The worker's view of a CA item. */
export function issuerOf(ca: WorkspaceItem): IssuerInput {
  return { certPem: ca.pem, keyPem: ca.keyPem ?? '', ...(ca.chainPem ? { chainPem: ca.chainPem } : {}) };
}

/** issuerOf, after asking to unlock the CA's key when it is locked; undefined when the user declined. */
export async function unlockedIssuerOf(ca: WorkspaceItem, purpose: string): Promise<IssuerInput | undefined> {
  const unlocked = await withKey(ca, purpose);
  return unlocked && issuerOf(unlocked);
}

interface IssuerChoice {
  ca: WorkspaceItem;
  /** Why it cannot sign for the purpose; undefined when it can. */
  problem: string | undefined;
}

/** Every CA of the workspace, oldest first, each with what stops it signing for `purpose`. */
function useIssuerChoices(purpose: IssuerPurpose): IssuerChoice[] {
  const items = useApp(selectItemList);
  return useMemo(() => {
    const now = new Date();
    return items
      .filter((i) => i.kind === 'ca')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((ca) => ({ ca, problem: issuerProblem(ca, purpose, now) }));
  }, [items, purpose]);
}

const NONE_CAN: Record<IssuerPurpose, string> = {
  leaf: 'None of the CAs in the workspace can sign certificates; each one says why. Create or import a CA with its key under Authorities.',
  'sub-ca':
    'None of the CAs in the workspace can sign another CA; each one says why. Use a root, or an intermediate made with a path length of 1 or more.',
};

/** With no CA at all the form is not in error, only waiting: said as a hint, not in red (issue 12). */
const NO_CA_YET = 'No CA with its key in the workspace yet: create or import one under Authorities.';

/** `error` is a problem with the chosen CA (from the worker), shown beside the select. */
export function CaSelect({
  value,
  onChange,
  purpose,
  hint,
  noCaHint,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  /** What the form signs: a leaf certificate, or another CA (which a path length 0 CA may not). */
  purpose: IssuerPurpose;
  hint?: string;
  /** What to say while the workspace holds no CA at all, where the default sentence does not fit (on Authorities itself). */
  noCaHint?: string;
  error?: string | undefined;
}) {
  const choices = useIssuerChoices(purpose);
  const usable = choices.filter((c) => !c.problem);
  const noCa = choices.length === 0;
  const noneError = !noCa && usable.length === 0 ? NONE_CAN[purpose] : undefined;
  const labels = caOptionLabels(choices.map((c) => c.ca));
  const chosen = usable.find((c) => c.ca.id === value)?.ca;
  const shownHint = noCa
    ? (noCaHint ?? NO_CA_YET)
    : [chosen ? chosenCaLine(chosen) : '', hint ?? ''].filter(Boolean).join(' ');
  return (
    <Field label="Issuing CA" hint={shownHint || undefined} error={noneError ?? error}>
      {(p) => (
        <select
          {...p}
          value={usable.some((c) => c.ca.id === value) ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="" disabled>
            Choose a CA
          </option>
          {choices.map(({ ca, problem }) => (
            <option key={ca.id} value={ca.id} disabled={problem !== undefined}>
              {problem ? `${labels.get(ca.id) ?? ca.name} — ${problem}` : (labels.get(ca.id) ?? ca.name)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The chosen CA item if it can sign for `purpose`, otherwise the newest one that can. */
export function useChosenCa(id: string, purpose: IssuerPurpose): WorkspaceItem | undefined {
  const usable = useIssuerChoices(purpose)
    .filter((c) => !c.problem)
    .map((c) => c.ca);
  // Until the user chooses, a link may name the CA (#/issue?ca=ID: Authorities' "Issue from here").
  const linked = useHashParam('ca');
  return usable.find((c) => c.id === (id || linked)) ?? usable[usable.length - 1];
}
