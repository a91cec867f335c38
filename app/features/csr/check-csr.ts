/** The Sign CSR form's SAN field, checked as typed: every bad entry named at once, not only the first. */
import { checkSans, sanProblemsText } from '../../pki/light/index.ts';

export function csrSansError(text: string): string | undefined {
  try {
    return sanProblemsText(checkSans(text).problems);
  } catch {
    return 'These names could not be read.'; // A fault in the parser, not a bad entry: still never a blank page.
  }
}
