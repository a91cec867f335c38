/**
 * The chain drawn as a list: leaf, then each issuer above it, each link with its four checks in
 * words (signature, name chaining, validity, CA flags) and a mark that is text, not only colour.
 * When the chain lacks its top, the missing certificate is drawn too, with what to add.
 */
import { useId } from 'react';
import type { ChainLink, LinkCheck } from '../../pki/index.ts';
import { shortName, type MissingCertificate } from '../../pki/light/index.ts';
import { addMissingText } from './page-words.ts';

const CHECK_LABEL: Record<LinkCheck['name'], string> = {
  signature: 'Signature',
  names: 'Name chaining',
  validity: 'Validity',
  ca: 'CA flags',
};

const ROLE_LABEL: Record<ChainLink['role'], string> = { leaf: 'Leaf', intermediate: 'Intermediate', root: 'Root' };

function Checks({ checks, of }: { checks: readonly LinkCheck[]; of: string }) {
  if (checks.length === 0) return null;
  return (
    <ul className="chain__checks" aria-label={`Checks of '${of}'`}>
      {checks.map((c) => (
        <li key={c.name} className={c.ok ? 'chain__check chain__check--ok' : 'chain__check chain__check--bad'}>
          <span className="chain__mark" aria-hidden="true">
            {c.ok ? '✓' : '✗'}
          </span>
          <strong>{CHECK_LABEL[c.name]}</strong> {c.ok ? 'ok' : 'fails'}: {c.text}
        </li>
      ))}
    </ul>
  );
}

export interface ChainViewProps {
  links: readonly ChainLink[];
  missing?: MissingCertificate | undefined;
  /** The chain ends at a root given here, which Inspect trusts. */
  trusted: boolean;
}

export function ChainView({ links, missing, trusted }: ChainViewProps) {
  const headingId = useId();
  if (links.length === 0) return null;
  return (
    <div className="chain">
      <h5 id={headingId} className="chain__title">
        Chain
      </h5>
      <ol className="chain__list" aria-labelledby={headingId}>
        {links.map((link, i) => {
          const above = links[i + 1]?.subject;
          return (
            <li key={`${i}:${link.subject}`} className={`chain__cert chain__cert--${link.role}`}>
              <span className="chain__role">{ROLE_LABEL[link.role]}</span>{' '}
              <strong className="chain__name">{shortName(link.subject)}</strong>
              {shortName(link.subject) !== link.subject && <span className="chain__dn">{link.subject}</span>}
              {above !== undefined && <span className="chain__edge">issued by {shortName(above)}</span>}
              {above === undefined && link.role === 'root' && (
                <span className="chain__edge">
                  {trusted ? 'self-signed, trusted here' : 'self-signed, not trusted'}
                </span>
              )}
              <Checks checks={link.checks} of={shortName(link.subject)} />
            </li>
          );
        })}
        {missing && (
          <li className="chain__cert chain__cert--missing">
            <span className="chain__role">Missing</span>{' '}
            <strong className="chain__name">{shortName(missing.subject)}</strong>
            <span className="chain__edge">{addMissingText(missing)}</span>
          </li>
        )}
      </ol>
    </div>
  );
}
