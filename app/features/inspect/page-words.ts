/**
 * The diagnosis in the page's words. The catalog's sentences are the CLI's (they name --ca and
 * --untrusted); where a sentence gives advice, the page says it with its own controls instead:
 * "Add 'Test Root CA' (the root) with Add files." Every other sentence is shown as the catalog
 * says it (page-words.test.ts holds that none of them names a command-line flag).
 */
import type { Diagnosis } from '../../flows/inspect-report.ts';
import type { Finding } from '../../pki/index.ts';
import { roleWords, shortName, type MissingCertificate } from '../../pki/light/index.ts';

/** The label of the file input in inspect-form.tsx: the control the advice points at. */
export const ADD_FILES = 'Add files';

/** "Add 'Test Root CA' (the root) with Add files." */
export function addMissingText(m: MissingCertificate): string {
  return `Add '${shortName(m.subject)}' (${roleWords(m)}) with ${ADD_FILES}.`;
}

/** "'Test Issuing CA' was issued by 'Test Root CA', which is not among the inputs. Add 'Test Root CA' (the root) with Add files." */
export function missingText(m: MissingCertificate): string {
  return `'${shortName(m.issues)}' was issued by '${shortName(m.subject)}', which is not among the inputs. ${addMissingText(m)}`;
}

/** What the diagnosis needs to word its findings: the missing certificate and the chain's top. */
export type WordingContext = Pick<Diagnosis, 'missing' | 'links'>;

/** A finding's sentence as the page shows it. */
export function pageFindingText(f: Finding, context: WordingContext): string {
  if (f.code === 'missing-intermediate') {
    return context.missing
      ? missingText(context.missing)
      : `A CA certificate of this chain is not among the inputs. Add it with ${ADD_FILES}.`;
  }
  if (f.code === 'untrusted-root') {
    // Inspect trusts every self-signed CA given (inspect-report.ts), so a path stops at an untrusted
    // self-signed certificate only when that certificate is not a CA.
    const top = context.links[context.links.length - 1]?.subject;
    return `The chain ends at ${top ? `'${shortName(top)}'` : 'a certificate'}, which is self-signed but not a CA, so it is not trusted as a root here: Inspect trusts the self-signed CA certificates among the inputs. A client can only pin such a certificate.`;
  }
  return f.message;
}
