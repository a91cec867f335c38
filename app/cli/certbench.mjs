#!/usr/bin/env node
// Launcher for `npx certbench`: loads the TypeScript CLI through tsx, so the CLI and the
// browser run the very same core sources.
import { register } from 'tsx/esm/api';

register();
await import('reflect-metadata');
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
