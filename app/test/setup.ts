// Test setup: @peculiar/x509 needs the Reflect metadata polyfill before it is imported.
import 'reflect-metadata';
import fc from 'fast-check';

// Property tests draw a fresh seed every run and print it with any counterexample
// ("seed: 1234, path: \"5:2\""). To replay one, run that test alone with the printed values:
//   FC_SEED=1234 FC_PATH=5:2 npx vitest run <file> -t '<test name>'
const seed = process.env.FC_SEED;
if (seed) {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED must be the integer fast-check printed, got "${seed}"`);
  fc.configureGlobal({ seed: Number(seed), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) });
}
