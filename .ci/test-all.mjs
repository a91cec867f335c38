// `npm test`: every suite CI runs (typecheck, lint, unit + interop, e2e), then one plain line
// `N passed, N failed` summed over all runners. Reads each runner's JSON report, not its
// console summary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const out = '.ci/out';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
const tally = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function step(name, fn) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const { passed, failed } = fn();
  console.log(`--- ${name}: ${passed} passed, ${failed} failed`);
  tally.push({ name, passed, failed });
}

const asCheck = (status) => (status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

step('typecheck', () => asCheck(run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])));
// Lint is ESLint's rules and Prettier's layout (print width 120): one check, as `npm run lint`.
step('lint', () => asCheck(run('npm', ['run', '--silent', 'lint'])));

step('unit', () => {
  const report = `${out}/vitest.json`;
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (!existsSync(report)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // Skipped or todo tests count as failures: nothing is silently skipped. A file that failed
  // without a failed test in it (an import or hook error) counts once; numFailedTestSuites would
  // also count every describe block around a failed test, so it is not used.
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  const failed = r.numFailedTests + r.numPendingTests + r.numTodoTests + brokenFiles;
  return { passed: r.numPassedTests, failed: failed || (status === 0 ? 0 : 1) };
});

step('e2e', () => {
  if (run('node', ['e2e/ensure-chromium.mjs']) !== 0) return { passed: 0, failed: 1 };
  if (run('npx', ['vite', 'build']) !== 0) return { passed: 0, failed: 1 };
  const report = `${out}/playwright.json`;
  const status = run('npx', ['playwright', 'test'], { CI_JSON_REPORT: report });
  if (!existsSync(report)) return { passed: 0, failed: 1 };
  const s = JSON.parse(readFileSync(report, 'utf8')).stats;
  const failed = s.unexpected + s.skipped + (s.flaky ?? 0);
  return { passed: s.expected, failed: failed || (status === 0 ? 0 : 1) };
});

const passed = tally.reduce((a, t) => a + t.passed, 0);
const failed = tally.reduce((a, t) => a + t.failed, 0);
console.log('');
for (const t of tally) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
