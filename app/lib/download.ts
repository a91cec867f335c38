/** Side effect: a file download the user asked for (the only way private keys leave the page). */

/** Save `contents` as a file named `name`. */
export function download(name: string, contents: string | Uint8Array, type = 'application/octet-stream'): void {
  const part: BlobPart = typeof contents === 'string' ? contents : new Uint8Array(contents);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A name safe on every file system: letters, digits, dot, dash, underscore. */
export function fileSafe(name: string): string {
  return (
    name
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'certbench'
  );
}
