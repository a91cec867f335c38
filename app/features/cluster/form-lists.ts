/** The Cluster form's lists as typed: client names and node lines. */
/** Client names from what was typed: one per line or comma separated, blanks dropped, duplicates once. */
export function parseClients(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The node lines that hold something. */
export function nodeLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
