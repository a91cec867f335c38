/// <reference lib="webworker" />
// Worker entry: the Reflect polyfill must load before anything imports @peculiar/x509.
import 'reflect-metadata';
import { OPS } from './ops.ts';
import { serveOps } from './serve.ts';

serveOps(self, OPS);
