// The lock dialog's remedy for plaintext the browser's files may still hold from before the lock
// (set-lock-form.tsx): export the workspace with a passphrase, clear the site's data, set the lock
// again, import the file. Followed step by step with the production store and workspace file, the
// new database holds no private key in any encoding, and every key opens with the passphrase.
import { afterEach, describe, expect, it } from 'vitest';
import { memoryRecordStore } from './record-store.ts';
import { decodeWorkspaceFile, encodeWorkspaceFile } from './workspace-file.ts';
import { byName, disposeTabs, expectNoKeyIn, lockedWorkspace, PASS, rawText, tab } from './testing/key-lock-tabs.ts';

afterEach(disposeTabs);

describe("the lock dialog's remedy for old plaintext", () => {
  it('export with a passphrase, a cleared site, the lock set again, import: nothing stored in plaintext', async () => {
    const { a, made, keys } = await lockedWorkspace();
    const file = await encodeWorkspaceFile(Object.values(a.store.getState().items), 'file passphrase 1');
    for (const key of keys) expect(file.includes(key)).toBe(false);

    const cleared = memoryRecordStore(); // "clear this site's data": a new, empty database
    const b = await tab(cleared);
    await b.store.getState().setKeyPassphrase(PASS);
    const read = await decodeWorkspaceFile(file, 'file passphrase 1');
    expect(b.store.getState().importItems(read.items).added).toBe(3);
    await b.storage.flush();

    expectNoKeyIn(cleared, keys);
    expect(rawText(cleared)).toContain(made[1]?.pem); // the certificates are there, readable
    const c = await tab(cleared);
    expect(c.store.getState().keyLock).toBe('locked');
    await c.store.getState().unlockKeys(PASS);
    expect(byName(c, 'Lock Test Root').keyPem).toBe(made[0]?.keyPem);
    expect(byName(c, 'spare key').pem).toBe(made[2]?.pem);
  });
});
