/// <reference lib="webworker" />
// Leaf helper worker entry (started by the pki worker's pool, leaf-helper-pool.ts): makes batch
// leaves from a recipe. No Reflect polyfill: nothing it runs reaches @peculiar/x509 (pki/leaf-maker.ts).
import { serveLeafHelper } from './leaf-helper-serve.ts';

serveLeafHelper(self);
