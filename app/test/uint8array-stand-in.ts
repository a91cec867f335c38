/**
 * Test support: run `body` on a runtime whose Uint8Array.prototype has `method` (toBase64 or toHex,
 * TC39's Uint8Array base64 proposal, which Node 20 lacks), implemented by `impl`, with modules
 * re-imported so a module that checks the platform once per life checks it afresh. `calls()` counts
 * the calls of the stand-in. The prototype and the module registry are restored afterwards.
 */
import { expect, vi } from 'vitest';

type Method = 'toBase64' | 'toHex';
type Impl = (this: Uint8Array) => string;

export async function withUint8ArrayMethod(
  method: Method,
  impl: Impl,
  body: (calls: () => number) => Promise<void>,
): Promise<void> {
  const proto = Uint8Array.prototype as Partial<Record<Method, Impl>>;
  // A runtime that ships the method fails here, loudly: the stand-in would hide its real one.
  expect(proto[method], `Uint8Array.prototype.${method} already exists`).toBeUndefined();
  let count = 0;
  proto[method] = function (this: Uint8Array) {
    count++;
    return impl.call(this);
  };
  try {
    vi.resetModules();
    await body(() => count);
  } finally {
    delete proto[method];
    vi.resetModules();
  }
}
