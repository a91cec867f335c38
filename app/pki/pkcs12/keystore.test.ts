// Keystores judged by OpenSSL 3, Java 17 and Python's cryptography: every key type, ASCII and non-ASCII passwords.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKeystore, type KeystoreInput } from './keystore.ts';
import { PASSWORD_NOT_FOR_JAVA } from './result.ts';
import { ENCRYPTED_KEY_PASSWORD, LEAF_KINDS, makeTestPki, type LeafKind, type TestPki } from './testing/fixtures.ts';
import {
  keytoolList,
  keytoolRecoverKeys,
  opensslPkcs12Extract,
  opensslPkcs12Info,
  opensslPublicKey,
  pythonLoadPkcs12,
} from './testing/judges.ts';
import { pemDecodeAll } from '../pem.ts';
import { createSecureContext } from 'node:tls';
import { opensslText } from '../../test/judges/index.ts';

const hex = (der: ArrayBuffer) => Buffer.from(der).toString('hex');

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

const ASCII = 'correct horse battery staple';
const NON_ASCII = 'Pässwörd-密码-😀';

interface Row {
  name: string;
  input: { kind: LeafKind; password: string; chain: 'none' | 'intermediate' | 'full-reversed'; alias?: string };
  /** java: Java 17 opens the store (lists the entry and recovers its key). */
  want: { chainLength: number; alias: string; java: boolean };
}

const rows: Row[] = [
  ...LEAF_KINDS.map((kind): Row => ({
    name: `${kind} key, ASCII password, intermediate + root given root first`,
    input: { kind, password: ASCII, chain: 'full-reversed' },
    want: { chainLength: 3, alias: `node-${kind}.example`, java: true },
  })),
  ...LEAF_KINDS.map((kind): Row => ({
    name: `${kind} key, non-ASCII password, intermediate only`,
    input: { kind, password: NON_ASCII, chain: 'intermediate', alias: 'Nöde Alias' },
    // Java 17's SunJCE PBEKey refuses non-ASCII passwords, for the MAC as for the bags: keytool
    // cannot open the file at all. The row pins that limit (and the warning we give for it).
    want: { chainLength: 2, alias: 'Nöde Alias', java: false },
  })),
  {
    name: 'rsa key, ASCII password, non-ASCII alias (Java lower-cases it)',
    input: { kind: 'rsa', password: ASCII, chain: 'intermediate', alias: 'Nöde-Älias' },
    want: { chainLength: 2, alias: 'Nöde-Älias', java: true },
  },
  {
    name: 'p256 key alone, no chain',
    input: { kind: 'p256', password: ASCII, chain: 'none', alias: 'solo' },
    want: { chainLength: 1, alias: 'solo', java: true },
  },
];

function inputOf(row: Row): KeystoreInput {
  const leaf = pki.leaves[row.input.kind];
  const chain = {
    none: undefined,
    intermediate: pki.intermediatePem,
    'full-reversed': [pki.rootPem, pki.intermediatePem],
  }[row.input.chain];
  return {
    key: leaf.keyPem,
    certificate: leaf.certPem,
    chain,
    password: row.input.password,
    ...(row.input.alias ? { alias: row.input.alias } : {}),
  };
}

describe('buildKeystore judged by openssl and keytool', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const result = await buildKeystore(inputOf(row));
      const { der } = result;
      const info = await opensslPkcs12Info(der, row.input.password);
      expect(info.ok, info.output).toBe(true);
      expect(info.output).toMatch(/MAC: sha256, Iteration 10000/);
      expect(info.output).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256/);

      // The key openssl recovers is the certificate's key.
      const keyPem = await opensslPkcs12Extract(der, row.input.password, 'key');
      const certPem = pki.leaves[row.input.kind].certPem;
      expect(await opensslPublicKey(keyPem, 'key')).toBe(await opensslPublicKey(certPem, 'cert'));
      // The certificates come back byte for byte, leaf first.
      const certsText = await opensslPkcs12Extract(der, row.input.password, 'certs');
      const wantCerts = [certPem, pki.intermediatePem, pki.rootPem].slice(0, row.want.chainLength);
      expect(pemDecodeAll(certsText).blocks.map((b) => hex(b.der))).toEqual(
        wantCerts.map((p) => hex(pemDecodeAll(p).blocks[0]!.der)),
      );
      // openssl 3.0 prints BMPString names through a Latin-1 path, so the alias is checked by Python.
      expect(await pythonLoadPkcs12(der, row.input.password)).toEqual({
        keyAlias: row.want.alias,
        otherAliases: Array(row.want.chainLength - 1).fill(null),
        hasKey: true,
      });

      const listing = await keytoolList(der, row.input.password);
      expect(result.findings).toEqual(row.want.java ? [] : [PASSWORD_NOT_FOR_JAVA]);
      if (!row.want.java) {
        expect(listing.ok).toBe(false);
        expect(listing.output).toMatch(/Password is not ASCII/);
        return;
      }
      expect(listing.ok, listing.output).toBe(true);
      expect(listing.entries).toEqual([
        { alias: row.want.alias.toLowerCase(), type: 'PrivateKeyEntry', chainLength: row.want.chainLength },
      ]);
      const recovered = await keytoolRecoverKeys(der, row.input.password);
      expect(recovered.ok, recovered.output).toBe(true);
    });
  }

  it('a wrong password is refused by openssl (the MAC is real)', async () => {
    const leaf = pki.leaves.p256;
    const { der } = await buildKeystore({ key: leaf.keyPem, certificate: leaf.certPem, password: ASCII });
    const info = await opensslPkcs12Info(der, `${ASCII}!`);
    expect(info.ok).toBe(false);
    expect(info.output).toMatch(/mac verify error/i);
  });

  it("uses the Crypto it is given (@peculiar/webcrypto instead of Node's)", async () => {
    const { Crypto } = await import('@peculiar/webcrypto');
    const leaf = pki.leaves.p256;
    const { der } = await buildKeystore(
      { key: leaf.keyPem, certificate: leaf.certPem, chain: pki.intermediatePem, password: ASCII },
      new Crypto(),
    );
    const listing = await keytoolList(der, ASCII);
    expect(listing.entries).toEqual([{ alias: 'node-p256.example', type: 'PrivateKeyEntry', chainLength: 2 }]);
    expect((await keytoolRecoverKeys(der, ASCII)).ok).toBe(true);
  });

  it('Node opens every keystore as a TLS pfx, whatever the password', async () => {
    for (const password of [ASCII, NON_ASCII]) {
      const leaf = pki.leaves.p256;
      const { der } = await buildKeystore({
        key: leaf.keyPem,
        certificate: leaf.certPem,
        chain: pki.intermediatePem,
        password,
      });
      expect(() => createSecureContext({ pfx: Buffer.from(der), passphrase: password })).not.toThrow();
      expect(() => createSecureContext({ pfx: Buffer.from(der), passphrase: `${password}x` })).toThrow(
        /mac verify failure/i,
      );
    }
  });

  it('more iterations when asked: both the bags and the MAC', async () => {
    const leaf = pki.leaves.p256;
    const { der } = await buildKeystore({
      key: leaf.keyPem,
      certificate: leaf.certPem,
      password: ASCII,
      iterations: 25_000,
    });
    const info = await opensslPkcs12Info(der, ASCII);
    expect(info.output).toMatch(/MAC: sha256, Iteration 25000/);
    expect(info.output.match(/Iteration 25000, PRF hmacWithSHA256/g)).toHaveLength(2);
  });

  it('certificates in a plain SafeContents (encryptCertificates: false) still list in keytool', async () => {
    const leaf = pki.leaves.rsa;
    const { der } = await buildKeystore({
      key: leaf.keyPem,
      certificate: leaf.certPem,
      chain: pki.intermediatePem,
      password: ASCII,
      encryptCertificates: false,
    });
    const info = await opensslPkcs12Info(der, ASCII);
    expect(info.output).not.toMatch(/PKCS7 Encrypted data/);
    expect(info.output.match(/^PKCS7 Data$/gm)).toHaveLength(2);
    const listing = await keytoolList(der, ASCII);
    expect(listing.entries).toEqual([{ alias: 'node-rsa.example', type: 'PrivateKeyEntry', chainLength: 2 }]);
  });

  it('matches a key to a certificate whose EC point is compressed', async () => {
    const { certPem, keyPem } = pki.compressedPoint;
    expect(await opensslText(certPem)).toMatch(/pub:\s+0[23]:/);
    const { der } = await buildKeystore({ key: keyPem, certificate: certPem, password: ASCII });
    const info = await opensslPkcs12Info(der, ASCII);
    expect(info.ok, info.output).toBe(true);
    // ...while another key is still refused for it.
    await expect(
      buildKeystore({ key: pki.leaves.p256.keyPem, certificate: certPem, password: ASCII }),
    ).rejects.toMatchObject({ code: 'key-mismatch' });
  });

  it('accepts an encrypted PKCS#8 key with its password', async () => {
    const { der } = await buildKeystore({
      key: pki.encryptedP256KeyPem,
      keyPassword: ENCRYPTED_KEY_PASSWORD,
      certificate: pki.leaves.p256.certPem,
      password: ASCII,
    });
    const keyPem = await opensslPkcs12Extract(der, ASCII, 'key');
    expect(await opensslPublicKey(keyPem, 'key')).toBe(await opensslPublicKey(pki.leaves.p256.certPem, 'cert'));
  });

  it('accepts PKCS#1 and SEC1 keys as input', async () => {
    for (const kind of ['rsa', 'p384'] as const) {
      const leaf = pki.leaves[kind];
      expect(leaf.legacyKeyPem).toMatch(kind === 'rsa' ? /BEGIN RSA PRIVATE KEY/ : /BEGIN EC PRIVATE KEY/);
      const { der } = await buildKeystore({ key: leaf.legacyKeyPem, certificate: leaf.certPem, password: ASCII });
      const keyPem = await opensslPkcs12Extract(der, ASCII, 'key');
      expect(await opensslPublicKey(keyPem, 'key')).toBe(await opensslPublicKey(leaf.certPem, 'cert'));
    }
  });
});
