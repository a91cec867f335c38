/**
 * The Diagnosis section when there is no chain to judge: says plainly that nothing could be read (or
 * that there is no certificate, or only CAs), and when a password would open an input, a button that
 * takes the user to the Password field.
 */
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { noChainReason, nothingReadText } from './nothing-read.ts';

export interface NoChainProps {
  items: readonly InspectedItem[];
  passwordGiven: boolean;
  onGoToPassword: () => void;
}

export function NoChain({ items, passwordGiven, onGoToPassword }: NoChainProps) {
  const why = noChainReason(items);
  return (
    <>
      {why.nothingRead ? (
        <p className="inspect__nothing">{nothingReadText(why.locked, passwordGiven)}</p>
      ) : why.noCertificate ? (
        <p>No certificate among the inputs, so there is no chain to judge.</p>
      ) : (
        <p>No end-entity certificate among the inputs, so there is no chain to judge: every certificate here is a CA.</p>
      )}
      {why.locked.length > 0 && (
        <p>
          {passwordGiven ? 'Correct it in the ' : 'Type it in the '}
          <button type="button" className="link-button" onClick={onGoToPassword}>Password field</button>
          ; the inputs are read again when you stop typing.
        </p>
      )}
    </>
  );
}
