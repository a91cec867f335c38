/**
 * ML-DSA keys leave certbench as PKCS#8 (clear and encrypted) and in PKCS#12 keystores, and
 * python cryptography 48 opens each; certbench reads its own keystore back. Python's PKCS#12 has
 * no ML-DSA (serialize_key_and_certificates refuses the key type, loading fails on the key bag)
 * and openssl here is 3.0: openssl checks the keystore's MAC and certificate bags, certbench's
 * reader opens the key bag, and python judges the key that comes out. One python process.
 */
import { describe, expect, it } from 'vitest';
import { pythonMlDsaVerdicts } from '../../test/judges/python-ml-dsa.ts';
import { run, withFiles } from '../../test/judges/tools.ts';
import { createIntermediateCa, createRootCa } from '../ca.ts';
import { issueLeaf } from '../issue.ts';
import { encodePrivateKey, keyPem } from '../key-formats.ts';
import { buildKeystore } from '../pkcs12/keystore.ts';
import { pemDecodeAll } from '../pem.ts';
import { readInput } from '../read/read-input.ts';

const derOf = (pem: string) => new Uint8Array((pemDecodeAll(pem).blocks[0] as { der: ArrayBuffer }).der);

describe('ML-DSA exports', () => {
  it('PKCS#8 clear and encrypted, and a PKCS#12 keystore: python opens the keys, openssl 3.0 the keystore', async () => {
    const root = await createRootCa({ subject: { commonName: 'PQ Root' }, algorithm: 'mldsa44' });
    const issuing = await createIntermediateCa({ subject: { commonName: 'PQ Issuing' }, algorithm: 'mldsa65' }, root);
    const leaf = await issueLeaf({ profile: 'node', commonName: 'node-1.example', algorithm: 'mldsa44' }, issuing);

    const clear = await encodePrivateKey(derOf(leaf.keyPem), 'pkcs8');
    const encrypted = await encodePrivateKey(derOf(leaf.keyPem), 'pkcs8-encrypted', { password: 'pq export' });
    await expect(encodePrivateKey(derOf(leaf.keyPem), 'pkcs1')).rejects.toThrow(/holds RSA keys only/);
    await expect(encodePrivateKey(derOf(leaf.keyPem), 'sec1')).rejects.toThrow(/holds EC keys only/);

    const store = await buildKeystore({
      key: leaf.keyPem,
      certificate: leaf.certPem,
      chain: [issuing.certPem, root.certPem],
      password: 'store pass',
    });
    expect(store.findings.map((f) => f.code)).toContain('keystore-ml-dsa');
    const info = await withFiles({ 'store.p12': store.der }, (_d, p) =>
      run('openssl', ['pkcs12', '-in', p('store.p12'), '-passin', 'pass:store pass', '-nokeys', '-info']),
    );
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    expect(info.stderr).toMatch(/MAC: sha256/);
    const items = await readInput({ bytes: store.der, name: 'node-1.p12' }, { password: 'store pass' });
    expect(items.filter((i) => i.kind === 'certificate')).toHaveLength(3);
    const fromStore = items.find((i) => i.kind === 'private-key');

    const verdicts = await pythonMlDsaVerdicts({
      certificates: [
        { name: 'root', pem: root.certPem, issuer: 'root' },
        { name: 'issuing', pem: issuing.certPem, issuer: 'root' },
        { name: 'leaf', pem: leaf.certPem, issuer: 'issuing' },
      ],
      csrs: [],
      keys: [
        { name: 'clear', pem: keyPem(clear), certificate: 'leaf' },
        { name: 'encrypted', pem: keyPem(encrypted), password: 'pq export', certificate: 'leaf' },
        { name: 'from the PKCS#12', pem: fromStore?.pem ?? '', certificate: 'leaf' },
      ],
    });
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(verdicts.filter((v) => v.what === 'key').map((v) => v.detail)).toEqual(['MLDSA44', 'MLDSA44', 'MLDSA44']);
  });
});
