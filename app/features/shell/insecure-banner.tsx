/** Says plainly, before anything fails, that this page cannot do cryptography and how to fix it. */
export function InsecureBanner() {
  const secure = typeof globalThis.crypto?.subtle !== 'undefined';
  if (secure) return null;
  const here = window.location.host;
  return (
    <div className="banner danger" role="alert">
      <strong>This page cannot make keys or certificates here.</strong> Browsers offer WebCrypto only in secure
      contexts, and{' '}
      <code>
        {window.location.protocol}//{here}
      </code>{' '}
      is not one. Open certbench over <strong>https</strong>, from <strong>http://localhost</strong> (for example
      through <code>ssh -L 4173:localhost:4173 {window.location.hostname}</code>), or from a file on this computer.
    </div>
  );
}
