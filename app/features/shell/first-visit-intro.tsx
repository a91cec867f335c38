/**
 * The first-visit introduction (issue 12): the three steps from nothing to files a server reads,
 * and where to go with certificates one already has. Shown above every view until hidden; hiding
 * it is remembered. Compact on purpose: each view's primary button must stay in the first screen
 * at 1280x800 beneath it.
 */
import { useState } from 'react';
import { hrefFor } from '../../lib/hash-route.ts';
import { introDismissed, rememberIntroDismissed } from './intro-dismissal.ts';

export function FirstVisitIntro() {
  const [hidden, setHidden] = useState(introDismissed);
  if (hidden) return null;
  return (
    <aside className="intro" aria-labelledby="intro-heading">
      <div className="intro__head">
        <h2 id="intro-heading">Getting started</h2>
        <button
          type="button"
          className="intro__hide"
          onClick={() => {
            rememberIntroDismissed();
            setHidden(true);
          }}
        >
          Hide this introduction
        </button>
      </div>
      <ol className="intro__steps">
        <li>
          <a href={hrefFor('authorities')}>Make a CA</a>: the root your nodes and clients will trust.
        </li>
        <li>
          <a href={hrefFor('issue')}>Issue certificates</a> from it, or{' '}
          <a href={hrefFor('cluster')}>create a cluster</a> (CA, nodes and clients) in one step.
        </li>
        <li>
          <a href={hrefFor('export')}>Export</a> the files in your system's layout, with the configuration that uses
          them.
        </li>
      </ol>
      <p className="intro__inspect">
        Already have certificates? Drop them in <a href={hrefFor('inspect')}>Inspect</a> to read and check them.
      </p>
    </aside>
  );
}
