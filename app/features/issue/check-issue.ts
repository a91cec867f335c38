/** Field checks of the Issue form, run as the user types; each returns the sentence for the field. */
export function commonNameError(cn: string): string | undefined {
  const t = cn.trim();
  if (!t) return 'Enter a common name: the host name for a node or server, the identity for a client.';
  if (t.length > 64)
    return `The common name is ${t.length} characters; X.509 allows at most 64. Put long names in the SANs.`;
  return undefined;
}
