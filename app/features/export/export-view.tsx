/**
 * Export: any workspace item as PEM, DER, an encrypted or plain key, or PKCS#12; whole bundles
 * as a zip laid out for the target system, with the snippets that use them.
 */
import { BundleExport } from './bundle-export.tsx';
import { ItemExport } from './item-export.tsx';
import './export.css';

export function ExportView() {
  return (
    <section aria-labelledby="export-heading" className="export">
      <h2 id="export-heading">Export</h2>
      <p>
        Files in the format each system reads. Private keys leave only when you download them here; encrypted keys are
        offered first.
      </p>
      <ItemExport />
      <BundleExport />
    </section>
  );
}
