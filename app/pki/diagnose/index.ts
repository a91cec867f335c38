/**
 * Diagnosis in plain words: the vocabulary of findings (stable codes, severities, sentences)
 * and the checks that are about certificates and keys rather than about a path.
 */
export { diagnosis, DIAGNOSIS_CODES, type DiagnosisCode, type Details } from './catalog.ts';
export { chainAdvice } from './chain-advice.ts';
export { diagnoseKeyMatch } from './key-match.ts';
export { refusalReason, refusalFix, verdictLine } from './client-words.ts';
