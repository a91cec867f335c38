/**
 * The inspect report's diagnosis in the words of the surface that shows it. The catalog's
 * sentences are `certbench verify`'s (they name --ca and --untrusted); Inspect, in the page and in
 * `certbench inspect`, takes every file as an input and trusts the self-signed CAs among them, so
 * where a sentence gives advice it says how that surface adds a file instead: "with Add files" in
 * the page, "to the files given" on the command line. Every other sentence is the catalog's.
 */
import type { Finding } from '../pki/index.ts';
import { roleWords, shortName, type MissingCertificate } from '../pki/light/index.ts';
import type { Diagnosis } from './inspect-report.ts';

/** How a surface adds a file, completing "Add 'X' (the root) …": "with Add files", "to the files given". */
export type AddPhrase = string;

/** What the words need from the diagnosis: the missing certificate and the chain's top. */
export type WordingContext = Pick<Diagnosis, 'missing' | 'links'>;

/** "Add 'Test Root CA' (the root) with Add files." */
export function addMissingText(m: MissingCertificate, add: AddPhrase): string {
  return `Add '${shortName(m.subject)}' (${roleWords(m)}) ${add}.`;
}

/** "'Test Issuing CA' was issued by 'Test Root CA', which is not among the inputs. Add 'Test Root CA' (the root) …" */
function missingText(m: MissingCertificate, add: AddPhrase): string {
  return `'${shortName(m.issues)}' was issued by '${shortName(m.subject)}', which is not among the inputs. ${addMissingText(m, add)}`;
}

/** A finding's sentence as Inspect says it, on the surface whose way of adding a file is `add`. */
export function inspectFindingText(f: Finding, context: WordingContext, add: AddPhrase): string {
  if (f.code === 'missing-intermediate') {
    return context.missing
      ? missingText(context.missing, add)
      : `A CA certificate of this chain is not among the inputs. Add it ${add}.`;
  }
  if (f.code === 'untrusted-root') {
    // Inspect trusts every self-signed CA given (inspect-report.ts), so a path stops at an untrusted
    // self-signed certificate only when that certificate is not a CA.
    const top = context.links[context.links.length - 1]?.subject;
    return `The chain ends at ${top ? `'${shortName(top)}'` : 'a certificate'}, which is self-signed but not a CA, so it is not trusted as a root here: Inspect trusts the self-signed CA certificates among the inputs. A client can only pin such a certificate.`;
  }
  return f.message;
}
