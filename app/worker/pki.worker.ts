/// <reference lib="webworker" />
// Worker entry: the protocol and the map of operations. Each family of operations loads on its
// first call (ops.ts), after the Reflect polyfill that @peculiar/x509 needs.
import { OPS } from './ops.ts';
import { serveOps } from './serve.ts';

serveOps(self, OPS);
