import { MAX_TIME } from './raft-params';
import type { SystemExperiment } from './system-experiment';

/** Synchronous runs: every CAS reaches the store at time 1 and candidate 1's is handled first (C5). */
export const PAUSED_HOLDER = 1;
/** Its retry tick at 100 checks the lease; the pause falls between that check and the write at 101. */
export const PAUSE_AT = 101;

/**
 * Split-brain time against the length of the holder's pause, fencing off (C27): the classic failure
 * of §1.12 in synchronous rounds, so each point is one deterministic run and the formula of C28
 * (max(0, D − 161) at the defaults) holds exactly.
 */
export const LEASE_SPLIT_BRAIN: SystemExperiment = {
  id: 'lease-split-brain',
  algorithm: 'lease',
  nCounts: 'candidates',
  title: 'Leases: split-brain time vs pause length (fencing off)',
  question:
    'How long two candidates believe they hold the lease at once when the holder pauses between checking its lease and writing, for pauses from 10 to 400.',
  timeUnit: '100 ms',
  n: 3,
  mode: 'sync',
  seeds: 1,
  base: { ids: 'asc', fencing: 'off', until: '1000', pause: `${PAUSED_HOLDER}@${PAUSE_AT}:300` },
  vary: { name: 'pause', values: '10-400:10' },
  derived: {
    pause: {
      label: `pause length (holder ${PAUSED_HOLDER}, at ${PAUSE_AT})`,
      unit: 'time',
      min: 1,
      max: MAX_TIME - PAUSE_AT,
      keys: (v) => ({ pause: `${PAUSED_HOLDER}@${PAUSE_AT}:${v}` }),
    },
  },
  variants: [{ name: 'fencing-off', label: 'fencing off', keys: {} }],
  figures: [
    { key: 'splitBrainTime', label: 'split-brain time', unit: 'time' },
    { key: 'staleWritesAccepted', label: 'stale writes accepted', unit: 'count' },
    { key: 'unavailableTime', label: 'time without a leader', unit: 'time' },
    { key: 'leaderChanges', label: 'leader changes', unit: 'count' },
  ],
};
