import { describe, expect, it } from 'vitest';
import { PROGRESS_INTERVAL_MS, throttledProgress } from './throttled-progress.ts';

describe('throttledProgress', () => {
  const rows: { name: string; calls: [number, number, number, string?][]; want: string[] }[] = [
    {
      name: 'first and last always, the rest thinned to one per interval',
      calls: [
        [0, 0, 10],
        [1, 1, 10],
        [PROGRESS_INTERVAL_MS - 1, 2, 10],
        [PROGRESS_INTERVAL_MS, 3, 10],
        [PROGRESS_INTERVAL_MS + 1, 4, 10],
        [PROGRESS_INTERVAL_MS + 2, 10, 10],
      ],
      want: ['0/10', '3/10', '10/10'],
    },
    {
      name: 'a new label is sent at once',
      calls: [
        [0, 0, 3, 'Creating the CA'],
        [1, 1, 3, 'Issuing certificates'],
        [2, 2, 3, 'Issuing certificates'],
        [3, 3, 3, 'Issuing certificates'],
      ],
      want: ['0/3 Creating the CA', '1/3 Issuing certificates', '3/3 Issuing certificates'],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const sent: string[] = [];
      let now = 0;
      const progress = throttledProgress(
        (done, total, label) => sent.push(`${done}/${total}${label ? ` ${label}` : ''}`),
        () => now,
      );
      for (const [t, done, total, label] of row.calls) {
        now = t;
        progress(done, total, label);
      }
      expect(sent).toEqual(row.want);
    });
  }
});
