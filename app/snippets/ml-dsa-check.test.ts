/**
 * The ML-DSA readiness snippet runs as printed on a PKI made by the core: each tool's version is
 * printed, and this machine's OpenSSL 3.0 refuses the ML-DSA chains as the caution says (with
 * OpenSSL >= 3.5 they verify; python cryptography 48, which carries OpenSSL 3.5, judges them in
 * app/pki/ml-dsa/python-judge.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createRootCa } from '../pki/ca.ts';
import { issueLeaf } from '../pki/issue.ts';
import { layoutById } from '../layouts/index.ts';
import { run, withFiles } from '../test/judges/tools.ts';
import { PLACEHOLDER_OUTLINE, snippetContext } from './context.ts';
import { snippetById } from './index.ts';

describe('ml-dsa-check snippet', () => {
  it('prints the tools and their minimums, and OpenSSL 3.0 refuses the ML-DSA chains', async () => {
    const ca = await createRootCa({ subject: { commonName: 'PQ CA' }, algorithm: 'mldsa65' });
    const node = await issueLeaf({ profile: 'node', commonName: 'node-1.example', algorithm: 'mldsa44' }, ca);
    const client = await issueLeaf({ profile: 'client', commonName: 'app', algorithm: 'mldsa44' }, ca);
    const files = {
      'certs/ca.crt': ca.certPem,
      'certs/node-1.fullchain.pem': node.chainPem,
      'certs/app.fullchain.pem': client.chainPem,
    };
    const out = await withFiles({}, async (dir) => {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(`${dir}/certs`);
      for (const [name, text] of Object.entries(files)) writeFileSync(`${dir}/${name}`, text);
      const script = snippetById('ml-dsa-check').render(snippetContext(PLACEHOLDER_OUTLINE, layoutById('generic')));
      return run('bash', ['-c', script], { cwd: dir });
    });
    expect(out.stdout).toMatch(/^OpenSSL 3\.0/m);
    expect(out.stdout).toMatch(/Node\.js 20\.\d+\.\d+, OpenSSL 3\./);
    expect(out.stdout).toMatch(/Python ssl: OpenSSL/);
    expect(out.stdout).toMatch(/openjdk version "17/);
    // OpenSSL 3.0 cannot read the ML-DSA CA key, so it finds no issuer for either leaf.
    expect(out.stderr.match(/error 20 at 0 depth lookup: unable to get local issuer certificate/g)).toHaveLength(2);
    expect(out.status).not.toBe(0);
    expect(snippetById('ml-dsa-check').caution?.(snippetContext(PLACEHOLDER_OUTLINE, layoutById('generic')))).toMatch(
      /Go: not yet.*ScyllaDB.*Java 17/,
    );
  });
});
