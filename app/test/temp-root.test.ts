import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';

describe('test temporary folders', () => {
  it("live under the run's own folder, which the global setup removes afterwards", () => {
    expect(basename(tmpdir())).toMatch(/^certbench-tests-/);
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});
