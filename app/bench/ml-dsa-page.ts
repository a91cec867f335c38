/** Browser entry of the ML-DSA bench (bundled by app/bench/ml-dsa.ts): the same issuance with each engine of this page. */
import 'reflect-metadata';
import { type MlDsaEngine, withMlDsa } from '../pki/runtime/index.ts';
import { mlDsaIssuanceMs } from './ml-dsa-issue.ts';

(globalThis as { mlDsaBench?: (engine: MlDsaEngine, n: number) => Promise<number> }).mlDsaBench = (engine, n) =>
  mlDsaIssuanceMs(withMlDsa(crypto, engine), n);
