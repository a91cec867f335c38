/** The one place the Export view reaches the worker: PBKDF2, PKCS#12 and zips run there. */
import { callWorker, errorMessage } from '../../worker/client.ts';
import type {
  BundleZipOut,
  BundleZipRequest,
  KeyExportRequest,
  KeystoreRequest,
  Pkcs12Out,
  TruststoreRequest,
} from '../../worker/ops-export.ts';

export const runExport = {
  exportKey: (r: KeyExportRequest): Promise<{ contents: string | Uint8Array }> => callWorker('exportKey', r),
  exportKeystore: (r: KeystoreRequest): Promise<Pkcs12Out> => callWorker('exportKeystore', r),
  exportTruststore: (r: TruststoreRequest): Promise<Pkcs12Out> => callWorker('exportTruststore', r),
  exportBundle: (r: BundleZipRequest): Promise<BundleZipOut> => callWorker('exportBundle', r),
};

/** The sentence of a failure (the core's message, carried through the worker), for an alert. */
export function messageOf(e: unknown): string {
  const message = errorMessage(e);
  return message || 'The export failed for a reason certbench did not foresee; nothing was downloaded.';
}
