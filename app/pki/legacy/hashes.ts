/**
 * The synchronous hashes by WebCrypto-style name. The iterated KDFs take a name so callers
 * keep speaking WebCrypto's vocabulary ('SHA-256'); the SHA-512/t names follow FIPS 180-4.
 */
import type { MdHasher } from './md-hasher.ts';
import { Md5 } from './md5.ts';
import { Sha1 } from './sha1.ts';
import { Sha256 } from './sha256.ts';
import { Sha512 } from './sha512.ts';

const MAKERS = {
  MD5: () => new Md5(),
  'SHA-1': () => new Sha1(),
  'SHA-224': () => new Sha256(224),
  'SHA-256': () => new Sha256(256),
  'SHA-384': () => new Sha512(384),
  'SHA-512': () => new Sha512(512),
  'SHA-512/224': () => new Sha512('512/224'),
  'SHA-512/256': () => new Sha512('512/256'),
} satisfies Record<string, () => MdHasher>;

export type HashName = keyof typeof MAKERS;

export function isHashName(name: string): name is HashName {
  return Object.hasOwn(MAKERS, name);
}

/** A new hasher for `name`, in its initial state. */
export function hasher(name: HashName): MdHasher {
  return MAKERS[name]();
}
