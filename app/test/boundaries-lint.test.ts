/**
 * The layer boundaries of eslint.config.js (issue 10) hold: each row lints one import line as if
 * it were in a real file of a zone, and says whether the boundary rule refuses it.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const RULE = '@typescript-eslint/no-restricted-imports';

async function refused(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const rows: { name: string; input: { file: string; code: string }; want: RegExp | null }[] = [
  {
    name: 'a feature importing a core file directly (deep import) fails',
    input: { file: 'app/features/issue/check-issue.ts', code: "import { parseSan } from '../../pki/san.ts';" },
    want: /app\/pki\/index\.ts/,
  },
  {
    name: 'a feature importing the light index passes',
    input: { file: 'app/features/issue/check-issue.ts', code: "import { parseSan } from '../../pki/light/index.ts';" },
    want: null,
  },
  {
    name: 'a feature importing types from the core index passes',
    input: { file: 'app/features/issue/check-issue.ts', code: "import type { SanEntry } from '../../pki/index.ts';" },
    want: null,
  },
  {
    name: "a core module's index passes",
    input: { file: 'app/flows/cluster.ts', code: "import { readInput } from '../pki/read/index.ts';" },
    want: null,
  },
  {
    name: 'a flow importing a core file directly fails',
    input: { file: 'app/flows/cluster.ts', code: "import { issueLeaf } from '../pki/issue.ts';" },
    want: /core through/,
  },
  ...(
    [
      ['the CLI', 'app/cli/commands/issue.ts', '../../pki/issue.ts'],
      ['the bench', 'app/bench/issue.ts', '../pki/batch.ts'],
      ['a layout', 'app/layouts/build-bundle.ts', '../pki/pkcs12/keystore.ts'],
      ['a snippet', 'app/snippets/index.ts', '../pki/errors.ts'],
      ['a worker family', 'app/worker/ops-export.ts', '../pki/key-formats.ts'],
      ["the worker's entry", 'app/worker/protocol.ts', '../pki/errors.ts'],
      ['the workspace view', 'app/features/workspace/inventory.tsx', '../../pki/san.ts'],
      ['the inventory flow', 'app/flows/inventory/status.ts', '../../pki/revocation-list.ts'],
      ['a browser helper', 'app/lib/read-file.ts', '../pki/pem.ts'],
      ['the app shell', 'app/app.tsx', './pki/errors.ts'],
      ['a target', 'app/targets/index.ts', '../pki/algorithms.ts'],
    ] as const
  ).map(([zone, file, module]) => ({
    name: `${zone} importing a core file directly (deep import) fails`,
    input: { file, code: `import { x } from '${module}';` },
    want: /core through/,
  })),
  ...(
    [
      ['a worker family', 'app/worker/ops-export.ts', '../pki/export/index.ts'],
      ['a worker family', 'app/worker/ops-lifecycle.ts', '../pki/lifecycle/index.ts'],
      ["the worker's entry", 'app/worker/protocol.ts', '../pki/light/index.ts'],
      ['the CLI', 'app/cli/commands/issue.ts', '../../pki/index.ts'],
      ['a layout', 'app/layouts/build-bundle.ts', '../pki/runtime/index.ts'],
    ] as const
  ).map(([zone, file, module]) => ({
    name: `${zone} importing ${module.replace(/^(\.\.\/)+/, '')} passes`,
    input: { file, code: `import { x } from '${module}';` },
    want: null,
  })),
  {
    name: 'a feature importing another feature fails',
    input: {
      file: 'app/features/issue/check-issue.ts',
      code: "import { saveCluster } from '../cluster/save-cluster.ts';",
    },
    want: /Features do not import each other/,
  },
  {
    name: 'a feature importing the shared issuing feature passes',
    input: {
      file: 'app/features/issue/check-issue.ts',
      code: "import { KeyTypeSelect } from '../issuing/key-type-select.tsx';",
    },
    want: null,
  },
  {
    name: 'a component calling the worker fails',
    input: { file: 'app/components/field.tsx', code: "import { callWorker } from '../worker/client.ts';" },
    want: /Components do not call the worker/,
  },
  {
    name: "a component naming the worker contract's types passes",
    input: { file: 'app/components/field.tsx', code: "import type { IssuerInput } from '../worker/pki-contract.ts';" },
    want: null,
  },
  {
    name: 'the store importing a feature fails',
    input: {
      file: 'app/store/selectors.ts',
      code: "import { saveCluster } from '../features/cluster/save-cluster.ts';",
    },
    want: /without the page/,
  },
  {
    name: 'a flow importing React fails',
    input: { file: 'app/flows/cluster.ts', code: "import { useState } from 'react';" },
    want: /without the page/,
  },
  {
    name: 'the worker importing a component fails',
    input: { file: 'app/worker/ops-pki.ts', code: "import { Field } from '../components/field.tsx';" },
    want: /without the page/,
  },
  {
    name: 'the CLI importing the worker fails',
    input: { file: 'app/cli/commands/bundle.ts', code: "import { OPS } from '../../worker/ops.ts';" },
    want: /without the page and the worker/,
  },
  {
    name: 'the bench importing the e2e suite fails',
    input: { file: 'app/bench/issue.ts', code: "import { test } from '../../e2e/fixtures.ts';" },
    want: /bench does not import the e2e suite/,
  },
];

describe('layer boundaries in lint', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const messages = await refused(row.input.file, row.input.code);
      if (row.want === null) expect(messages).toEqual([]);
      else expect(messages.join('\n')).toMatch(row.want);
    });
  }
});
