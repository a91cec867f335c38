/**
 * Save bytes or text as a file the user asked for: a Blob behind a temporary object URL and an
 * <a download> click. The only way files leave the Export view.
 */
export function download(fileName: string, contents: string | Uint8Array, type = 'application/octet-stream'): void {
  const part: BlobPart = typeof contents === 'string' ? contents : new Uint8Array(contents);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download may start after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name made from a user's item name: letters, digits, dot, dash and underscore only. */
export function safeFileName(name: string, fallback = 'item'): string {
  const cleaned = name.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return cleaned || fallback;
}
