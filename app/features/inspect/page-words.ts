/**
 * The diagnosis in the page's words: the advice names the page's own control, "Add 'Test Root CA'
 * (the root) with Add files." (app/flows/diagnosis-words.ts words it for every surface;
 * page-words.test.ts holds that nothing the page shows names a command-line flag.)
 */
import type { Finding } from '../../pki/index.ts';
import type { MissingCertificate } from '../../pki/light/index.ts';
import { addMissingText as addWith, inspectFindingText, type WordingContext } from '../../flows/diagnosis-words.ts';

/** The label of the file input in inspect-form.tsx: the control the advice points at. */
export const ADD_FILES = 'Add files';
const WITH_ADD_FILES = `with ${ADD_FILES}`;

/** "Add 'Test Root CA' (the root) with Add files." */
export function addMissingText(m: MissingCertificate): string {
  return addWith(m, WITH_ADD_FILES);
}

/** A finding's sentence as the page shows it. */
export function pageFindingText(f: Finding, context: WordingContext): string {
  return inspectFindingText(f, context, WITH_ADD_FILES);
}
