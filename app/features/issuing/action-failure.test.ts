import { describe, expect, it } from 'vitest';
import { WorkerCallError } from '../../worker/client.ts';
import { failureOf, inputOf, type FieldMap } from './action-failure.ts';

type ClusterInput = 'nodes' | 'clients';
const cluster: FieldMap<ClusterInput> = { nodes: ['nodes', 'san', 'sans'], clients: ['clients'] };

describe('worker action failures', () => {
  const rows: {
    name: string;
    input: unknown;
    want: { failure: { code: string; field: string; message: string }; at: ClusterInput | undefined };
  }[] = [
    {
      name: "the core's SAN error shows beside Nodes",
      input: new WorkerCallError({ code: 'invalid-san', field: 'sans', message: 'bad SAN' }),
      want: { failure: { code: 'invalid-san', field: 'sans', message: 'bad SAN' }, at: 'nodes' },
    },
    {
      name: 'a client name error beside Clients',
      input: new WorkerCallError({ code: 'invalid-argument', field: 'clients', message: 'bad client' }),
      want: { failure: { code: 'invalid-argument', field: 'clients', message: 'bad client' }, at: 'clients' },
    },
    {
      name: 'a key type refusal belongs to no input of this form',
      input: new WorkerCallError({ code: 'unsupported-algorithm', field: 'keyAlgorithm', message: 'no' }),
      want: { failure: { code: 'unsupported-algorithm', field: 'keyAlgorithm', message: 'no' }, at: undefined },
    },
    {
      name: 'anything else thrown is a form-level message',
      input: new Error('boom'),
      want: { failure: { code: 'internal', field: '', message: 'boom' }, at: undefined },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const failure = failureOf(row.input);
      expect(failure).toEqual(row.want.failure);
      expect(inputOf(failure, cluster)).toBe(row.want.at);
    });
  }
});
