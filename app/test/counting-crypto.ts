/**
 * Node's WebCrypto with a count of the keys made through it: tests that a step makes no key (a
 * refusal before the first key, a template that needs no probe) count generateKey calls; tests
 * that count other calls (a root's signatures and exports) read calls(method).
 */
import { webcrypto } from 'node:crypto';

export function countingCrypto(): {
  crypto: Crypto;
  keys: () => number;
  calls: (method: keyof SubtleCrypto) => number;
} {
  let keys = 0;
  const counts = new Map<PropertyKey, number>();
  const subtle = new Proxy(webcrypto.subtle, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'generateKey') keys++;
        counts.set(prop, (counts.get(prop) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const crypto = {
    subtle,
    getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
    randomUUID: webcrypto.randomUUID.bind(webcrypto),
  } as unknown as Crypto;
  return { crypto, keys: () => keys, calls: (method) => counts.get(method) ?? 0 };
}
