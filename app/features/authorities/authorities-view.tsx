/**
 * Certificate authorities: the CAs of the workspace first, as a tree with their actions; then the
 * ways to add one (create a root, an intermediate, or import), one form at a time.
 */
import { useState } from 'react';
import { Why } from '../../components/why.tsx';
import { useApp } from '../../store/index.ts';
import { AddCa } from './add-ca.tsx';
import { CaTree } from './ca-tree.tsx';
import './authorities.css';

export function AuthoritiesView() {
  const hasCa = useApp((s) => Object.values(s.items).some((i) => i.kind === 'ca'));
  const [message, setMessage] = useState<string>();
  return (
    <section aria-labelledby="authorities-heading">
      <h2 id="authorities-heading">Certificate authorities</h2>
      {hasCa ? (
        <section aria-labelledby="your-cas-heading">
          <h3 id="your-cas-heading">Your CAs</h3>
          <p role="status" className="ca-message">
            {message}
          </p>
          <CaTree onMessage={setMessage} />
        </section>
      ) : (
        <Why>
          A CA signs the certificates your nodes and clients present; they trust each other because they trust it. Start
          with a root, or import a CA you already have.
        </Why>
      )}
      <section aria-labelledby="add-ca-heading" className="add-ca">
        <h3 id="add-ca-heading">{hasCa ? 'Add a CA' : 'Your first CA'}</h3>
        <AddCa hasCa={hasCa} />
      </section>
    </section>
  );
}
