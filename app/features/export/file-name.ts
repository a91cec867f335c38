/**
 * A file name made from a user's item name: letters, digits, dot, dash and underscore only, and
 * no leading dot (a downloaded ".key" would be a hidden file on Unix).
 */
export function safeFileName(name: string, fallback = 'item'): string {
  const cleaned = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return cleaned || fallback;
}
