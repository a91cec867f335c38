import { describe, expect, it } from 'vitest';
import { validityWindow, BACKDATE_MS, type ValidityRequest } from './validity.ts';
import { PkiError } from './errors.ts';
import { DEFAULTS, presetById } from './presets.ts';
import { PROFILES } from './profiles.ts';

const now = new Date(Date.UTC(2030, 5, 15, 12, 0, 0, 789));
const day = 86_400_000;
const issuer = { notBefore: new Date(Date.UTC(2030, 0, 1)), notAfter: new Date(Date.UTC(2031, 0, 1)) };

describe('validityWindow', () => {
  const rows: { name: string; input: ValidityRequest; want: { notBefore: string; notAfter: string; notes: number } }[] =
    [
      {
        name: 'backdated a few minutes, whole seconds',
        input: { days: 10, now },
        want: {
          notBefore: new Date(Math.floor((now.getTime() - BACKDATE_MS) / 1000) * 1000).toISOString(),
          notAfter: new Date(Math.floor((now.getTime() - BACKDATE_MS) / 1000) * 1000 + 10 * day).toISOString(),
          notes: 0,
        },
      },
      {
        name: 'explicit start',
        input: { days: 1, notBefore: '2030-06-01T00:00:00Z', now },
        want: { notBefore: '2030-06-01T00:00:00.000Z', notAfter: '2030-06-02T00:00:00.000Z', notes: 0 },
      },
      {
        name: 'clamped to the issuer with a note',
        input: { days: 365, notBefore: '2030-06-01T00:00:00Z', issuer, now },
        want: { notBefore: '2030-06-01T00:00:00.000Z', notAfter: '2031-01-01T00:00:00.000Z', notes: 1 },
      },
      {
        name: 'starts on the first day an X.509 time can say (1950-01-01)',
        input: { days: 1, notBefore: '1950-01-01T00:00:00Z', now },
        want: { notBefore: '1950-01-01T00:00:00.000Z', notAfter: '1950-01-02T00:00:00.000Z', notes: 0 },
      },
      {
        name: 'ends on the last day an X.509 time can say (9999-12-31)',
        input: { days: 30, notBefore: '9999-12-01T00:00:00Z', now },
        want: { notBefore: '9999-12-01T00:00:00.000Z', notAfter: '9999-12-31T00:00:00.000Z', notes: 0 },
      },
      {
        name: 'start before the issuer moved to its start',
        input: { days: 30, notBefore: '2029-12-25T00:00:00Z', issuer, now },
        want: { notBefore: '2030-01-01T00:00:00.000Z', notAfter: '2030-01-24T00:00:00.000Z', notes: 0 },
      },
    ];
  for (const row of rows) {
    it(row.name, () => {
      const w = validityWindow(row.input);
      expect({
        notBefore: w.notBefore.toISOString(),
        notAfter: w.notAfter.toISOString(),
        notes: w.notes.length,
      }).toEqual(row.want);
    });
  }

  const bad: { name: string; input: ValidityRequest; want: { code: string; field: string } }[] = [
    { name: '0 days', input: { days: 0, now }, want: { code: 'invalid-validity', field: 'days' } },
    { name: 'negative days', input: { days: -5, now }, want: { code: 'invalid-validity', field: 'days' } },
    { name: 'over 100 years', input: { days: 36_501, now }, want: { code: 'invalid-validity', field: 'days' } },
    {
      name: 'not a date',
      input: { days: 1, notBefore: 'tomorrow', now },
      want: { code: 'invalid-validity', field: 'notBefore' },
    },
    // Regression (review L1): these were written as another century (1949 as 2049, 0999 as 1999) or unreadably.
    {
      name: 'starts in 1949',
      input: { days: 2, notBefore: '1949-12-31T23:59:59Z', now },
      want: { code: 'invalid-validity', field: 'notBefore' },
    },
    {
      name: 'starts in the year 999',
      input: { days: 2, notBefore: '0999-06-01T00:00:00Z', now },
      want: { code: 'invalid-validity', field: 'notBefore' },
    },
    {
      name: 'days that cross into the year 10000',
      input: { days: 31, notBefore: '9999-12-01T00:00:00Z', now },
      want: { code: 'invalid-validity', field: 'days' },
    },
    {
      name: 'starts in the year 10000',
      input: { days: 1, notBefore: '+010000-01-01T00:00:00Z', now },
      want: { code: 'invalid-validity', field: 'notBefore' },
    },
    {
      name: 'outlives the issuer, strict',
      input: { days: 365, issuer, onOutlive: 'error', now },
      want: { code: 'outlives-issuer', field: 'days' },
    },
    {
      name: 'issuer expired',
      input: { days: 1, issuer, now: new Date(Date.UTC(2031, 1, 1)) },
      want: { code: 'outlives-issuer', field: 'issuer' },
    },
  ];
  for (const row of bad) {
    it(row.name, () => {
      let e: unknown;
      try {
        validityWindow(row.input);
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(PkiError);
      expect({ code: (e as PkiError).code, field: (e as PkiError).field }).toEqual(row.want);
    });
  }
});

describe('defaults, presets and profiles', () => {
  it('certbench defaults: root 10 years, intermediate 5, leaves 1, P-256', () => {
    expect(DEFAULTS).toMatchObject({ algorithm: 'p256', rootDays: 3650, intermediateDays: 1825, leafDays: 365 });
  });
  it('casty preset: P-256, CA 365 days, nodes and clients 90 days', () => {
    expect(presetById('casty')?.defaults).toMatchObject({ algorithm: 'p256', rootDays: 365, leafDays: 90 });
  });
  it('profiles: node is server and client, client never serverAuth', () => {
    expect(PROFILES.map((p) => [p.id, p.extendedKeyUsages.join(',')])).toEqual([
      ['node', '1.3.6.1.5.5.7.3.1,1.3.6.1.5.5.7.3.2'],
      ['server', '1.3.6.1.5.5.7.3.1'],
      ['client', '1.3.6.1.5.5.7.3.2'],
    ]);
  });
});
