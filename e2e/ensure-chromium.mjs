// Make sure Debian's chromium is there before the browser tests run. Playwright cannot
// download its own browsers on this kind of machine. Never skip: install it as root, or stop
// with the exact command to run.
import { execFileSync } from 'node:child_process';
import { findChromium } from '../app/test/chromium-path.mjs';

let path = findChromium();
if (!path && !process.env.CHROMIUM_PATH) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'certbench e2e: Chromium not found. Install it with: sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium executable).',
    );
    process.exit(1);
  }
  console.log('certbench e2e: installing Debian chromium with apt-get …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  path = findChromium();
}
if (!path) {
  console.error(
    `certbench e2e: no Chromium at ${process.env.CHROMIUM_PATH ?? 'the usual paths'}. Install it with: sudo apt-get install -y chromium`,
  );
  process.exit(1);
}
console.log(`certbench e2e: using ${path}`);
