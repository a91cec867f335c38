/**
 * Node's WebCrypto with a count of the keys made through it: tests that a step makes no key (a
 * refusal before the first key, a template that needs no probe) count generateKey calls.
 */
import { webcrypto } from 'node:crypto';

export function countingCrypto(): { crypto: Crypto; keys: () => number } {
  let keys = 0;
  const subtle = new Proxy(webcrypto.subtle, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'generateKey') keys++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const crypto = {
    subtle,
    getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
    randomUUID: webcrypto.randomUUID.bind(webcrypto),
  } as unknown as Crypto;
  return { crypto, keys: () => keys };
}
