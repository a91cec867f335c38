/**
 * io.ts never writes through a symbolic link and never puts key bytes into a file others can
 * read: assertWritable counts a link (even a dangling one) as something in the way; writeOut
 * (what --force reaches) replaces the link itself and a 0644 file's inode is left as it was, the
 * key going into a new 0600 file. A hard link kept to the old file shows what it ever held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertWritable, writeOut } from './io.ts';

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);
const KEY = '-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'certbench-io-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What sits at the output path before the write; `target` is where a link points. */
const IN_THE_WAY: { name: string; make: (out: string, target: string) => void }[] = [
  { name: 'a dangling symbolic link', make: (out, target) => symlinkSync(target, out) },
  {
    name: 'a symbolic link to a file',
    make: (out, target) => {
      writeFileSync(target, 'target kept');
      symlinkSync(target, out);
    },
  },
];

describe('assertWritable', () => {
  it.each(IN_THE_WAY)('refuses $name, naming the path as a link', ({ name, make }) => {
    const out = p(`refuse-${name.replaceAll(' ', '-')}.key`);
    make(out, `${out}.target`);
    expect(() => assertWritable([out], false)).toThrow(
      `Refusing to overwrite ${out} (a symbolic link: it is replaced, never written through) (use --force).`,
    );
    expect(() => assertWritable([out], true)).not.toThrow();
  });
});

describe('writeOut of a key (what --force reaches)', () => {
  it.each(IN_THE_WAY)('replaces $name itself; its target is not created or changed', ({ name, make }) => {
    const out = p(`force-${name.replaceAll(' ', '-')}.key`);
    const target = `${out}.target`;
    make(out, target);
    const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    writeOut(out, KEY, { secret: true });
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe(KEY);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(existsSync(target) ? readFileSync(target, 'utf8') : undefined).toBe(before);
  });

  it('over a 0644 file puts the key in a new 0600 file, never into the readable one', () => {
    const out = p('readable.key');
    writeFileSync(out, 'old', { mode: 0o644 });
    linkSync(out, p('readable.key.spy'));
    writeOut(out, KEY, { secret: true });
    expect(readFileSync(p('readable.key.spy'), 'utf8')).toBe('old');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toBe(KEY);
  });

  it('a folder where the file goes is an error, not replaced', () => {
    mkdirSync(p('folder.key', 'inside'), { recursive: true });
    expect(() => writeOut(p('folder.key'), KEY, { secret: true })).toThrow(/EISDIR/);
    expect(existsSync(p('folder.key', 'inside'))).toBe(true);
  });

  it.each([
    { secret: true, mode: 0o600, octal: '0600' },
    { secret: false, mode: 0o644, octal: '0644' },
  ])('a new file (secret: $secret) is $octal', ({ secret, mode }) => {
    const out = p('new', `secret-${secret}.pem`);
    writeOut(out, new TextEncoder().encode(KEY), { secret });
    expect(statSync(out).mode & 0o777).toBe(mode);
    expect(readFileSync(out, 'utf8')).toBe(KEY);
  });
});
