/**
 * The Diagnosis section when there is no chain to judge: says plainly that nothing could be read (or
 * that there is no certificate, or only CAs), and when a password would open an input, a button that
 * takes the user to the Password field.
 */
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { lockedText, noChainReason, nothingReadText } from './nothing-read.ts';

export interface NoChainProps {
  items: readonly InspectedItem[];
  passwordGiven: boolean;
  onGoToPassword: () => void;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function NoChain({ items, passwordGiven, onGoToPassword }: NoChainProps) {
  const why = noChainReason(items);
  const action = passwordGiven ? 'correct it in the ' : 'type it in the ';
  // After "Nothing could be read: …" the file is named already; beside items that were read, say which file needs it.
  // (A file name keeps its own case: "Not read:" starts the sentence, not the name.)
  const lead = why.nothingRead
    ? capitalized(action)
    : `Not read: ${lockedText(why.locked, passwordGiven)}. ${capitalized(action)}`;
  return (
    <>
      {why.nothingRead ? (
        <p className="inspect__nothing">{nothingReadText(why.locked, passwordGiven)}</p>
      ) : why.noCertificate ? (
        <p>No certificate among the inputs, so there is no chain to judge.</p>
      ) : (
        <p>
          No end-entity certificate among the inputs, so there is no chain to judge: every certificate here is a CA.
        </p>
      )}
      {why.locked.length > 0 && (
        <p>
          {lead}
          <button type="button" className="link-button" onClick={onGoToPassword}>
            Password field
          </button>
          ; the inputs are read again when you stop typing.
        </p>
      )}
    </>
  );
}
