export function App() {
  const secure = typeof globalThis.crypto?.subtle !== 'undefined';
  return (
    <main>
      <h1>certbench</h1>
      <p>Private CAs, mTLS certificates, inspection and configuration, entirely in your browser.</p>
      {!secure && (
        <p role="alert">
          WebCrypto is not available on this page. Browsers only offer it in secure contexts: open certbench over
          https, from localhost, or from a file.
        </p>
      )}
    </main>
  );
}
