import { beforeAll, describe, expect, it } from 'vitest';
import { parseBatch } from './batch-lines.ts';
import { issueBatch } from './batch.ts';
import { createRootCa, type CaResult } from './ca.ts';
import { PkiError } from './errors.ts';
import { formatSan } from './san.ts';
import { opensslVerify, opensslCheckIp } from '../test/judges/openssl.ts';

describe('parseBatch', () => {
  const good = [
    {
      name: 'names, IPs and DNS names',
      input: 'node1 10.0.0.1 node1.example\nnode2, 10.0.0.2',
      want: [
        ['node1', 'DNS:node1 IP:10.0.0.1 DNS:node1.example'],
        ['node2', 'DNS:node2 IP:10.0.0.2'],
      ],
    },
    {
      name: 'blank lines and comments skipped',
      input: '# cluster\n\n  10.0.0.5   # seed\n',
      want: [['10.0.0.5', 'IP:10.0.0.5']],
    },
    {
      name: 'a comment after the SANs, and a name and SAN that start with a digit',
      input: 'n1 10.0.0.1 n1.example # the seed\n3com 3com.example 10.0.0.3',
      want: [
        ['n1', 'DNS:n1 IP:10.0.0.1 DNS:n1.example'],
        ['3com', 'DNS:3com DNS:3com.example IP:10.0.0.3'],
      ],
    },
    {
      name: 'CRLF',
      input: 'a 10.0.0.1\r\nb 10.0.0.2\r\n',
      want: [
        ['a', 'DNS:a IP:10.0.0.1'],
        ['b', 'DNS:b IP:10.0.0.2'],
      ],
    },
  ];
  for (const row of good) {
    it(row.name, () => {
      expect(parseBatch(row.input).map((l) => [l.name, l.sans.map(formatSan).join(' ')])).toEqual(row.want);
    });
  }
  const bad = [
    {
      name: 'bad IP names its line',
      input: 'node1 10.0.0.1\nnode2 10.0.0.300',
      wantError: 'line 2: "10.0.0.300" is not an IPv4 or IPv6 address',
    },
    {
      name: 'duplicate name',
      input: 'node1 10.0.0.1\n\nNODE1 10.0.0.2',
      wantError: 'line 3: "NODE1" is already on line 1',
    },
    { name: 'unsafe folder name', input: '../etc 10.0.0.1', wantError: 'line 1: "../etc" is not a usable node name' },
    { name: 'empty list', input: '# nothing\n', wantError: 'The node list is empty' },
    {
      name: 'unknown SAN kind',
      input: 'n1 RID:1.2.3',
      wantError: 'line 1: "RID:1.2.3" has a SAN kind certbench does not issue',
    },
    {
      name: 'every bad line and every bad SAN on a line is named at once',
      input: 'ok 10.0.0.1\nn2 10.0.0.300 my_host\n../x\nOK 10.0.0.4',
      wantError:
        '3 lines are not valid: line 2: 2 entries are not valid: "10.0.0.300" is not an IPv4 or IPv6 address; "my_host"',
    },
    {
      name: 'sentences joined without doubled stops',
      input: 'n1 a_b\n../x',
      wantError: 'characters); line 2: "../x"',
    },
  ];
  for (const row of bad) {
    it(row.name, () => {
      let err: unknown;
      try {
        parseBatch(row.input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PkiError);
      expect((err as PkiError).field).toBe('nodes');
      expect((err as PkiError).message).toContain(row.wantError);
    });
  }

  it('names ten bad lines and counts the rest', () => {
    const input = Array.from({ length: 13 }, (_, i) => `n${i} 10.0.0.${300 + i}`).join('\n');
    const message = (() => {
      try {
        parseBatch(input);
      } catch (e) {
        return (e as PkiError).message;
      }
      return '';
    })();
    expect(message).toMatch(/^13 lines are not valid: line 1: .*line 10: "10\.0\.0\.309".*; and 3 more\.$/);
    expect(message).not.toContain('line 11:');
  });
});

describe('issueBatch', () => {
  let ca: CaResult;
  beforeAll(async () => {
    ca = await createRootCa({ subject: { commonName: 'Batch Root' }, days: 30 });
  });

  it('issues one node certificate per line, reports progress, judged by openssl', async () => {
    const progress: string[] = [];
    const r = await issueBatch('n1 10.0.0.1\nn2 10.0.0.2\nn3 10.0.0.3', ca, { days: 90 }, undefined, (d, t) =>
      progress.push(`${d}/${t}`),
    );
    expect(r.items.map((i) => i.name)).toEqual(['n1', 'n2', 'n3']);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(r.notes.join(' ')).toMatch(/shortened/);
    for (const [i, item] of r.items.entries()) {
      const v = await opensslVerify({ rootPem: ca.certPem, certPem: item.certPem, purpose: 'sslclient' });
      expect(v.ok, v.output).toBe(true);
      expect(await opensslCheckIp(item.certPem, `10.0.0.${i + 1}`)).toBe(true);
      expect(await opensslCheckIp(item.certPem, `10.0.0.${i + 2}`)).toBe(false);
    }
  });

  it('stops when aborted', async () => {
    const ctl = new AbortController();
    const r = issueBatch('n1 10.0.0.1\nn2 10.0.0.2', ca, {}, undefined, () => ctl.abort(), ctl.signal);
    await expect(r).rejects.toThrow(/Stopped after 1 of 2/);
  });
});
