/**
 * The page side of the "pkcs12" bench section, bundled by Vite into one script for Chromium:
 * opens a PKCS#12 file with certbench's reader and says how long it took by the page's clock.
 */
import 'reflect-metadata';
import { readInput } from '../pki/index.ts';

async function openPkcs12(base64: string, password: string): Promise<{ ms: number; errors: string[] }> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const started = performance.now();
  const items = await readInput({ bytes, name: 'f.p12' }, { password });
  const ms = performance.now() - started;
  return { ms, errors: items.flatMap((i) => (i.kind === 'error' ? [i.message] : [])) };
}

(globalThis as unknown as { certbenchOpenPkcs12: typeof openPkcs12 }).certbenchOpenPkcs12 = openPkcs12;
