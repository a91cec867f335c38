/** Whether a layout's target can read encrypted private keys for a role (nodes and clients may differ). */
import type { EntityRef, Layout, LayoutOptions } from './types.ts';

export function readsEncryptedKeys(layout: Layout, role: EntityRef['role'], options: LayoutOptions): boolean {
  return typeof layout.readsEncryptedKeys === 'function'
    ? layout.readsEncryptedKeys(role, options)
    : layout.readsEncryptedKeys;
}
