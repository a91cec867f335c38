/**
 * Defaults people can edit, and presets that reproduce an ecosystem's conventions. A preset is
 * plain data: the UI shows it, the CLI takes it, the store persists it.
 */
import type { KeyAlgorithmId } from './algorithms.ts';

export interface IssuingDefaults {
  algorithm: KeyAlgorithmId;
  rootDays: number;
  intermediateDays: number;
  /** Node, server and client certificates. */
  leafDays: number;
  /** Root path length; undefined = no limit. */
  rootPathLength?: number;
  /** Intermediate path length: 0, it signs leaves only. */
  intermediatePathLength: number;
}

/** certbench's own defaults: root 10 years, intermediate 5 years, leaves 1 year, ECDSA P-256. */
export const DEFAULTS: IssuingDefaults = {
  algorithm: 'p256',
  rootDays: 3650,
  intermediateDays: 1825,
  leafDays: 365,
  intermediatePathLength: 0,
};

export interface Preset {
  id: string;
  label: string;
  description: string;
  defaults: IssuingDefaults;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'certbench',
    label: 'certbench defaults',
    description: 'ECDSA P-256; root 10 years, intermediate 5 years, leaves 1 year.',
    defaults: DEFAULTS,
  },
  {
    id: 'casty',
    label: 'casty',
    // ../shared/seeds/002: `casty cert create-ca` (ECDSA P-256, 365 days), create-node/create-client (90 days).
    description: 'As `casty cert`: ECDSA P-256, CA 365 days, nodes and clients 90 days.',
    defaults: { algorithm: 'p256', rootDays: 365, intermediateDays: 365, leafDays: 90, intermediatePathLength: 0 },
  },
];

/** A preset by id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
