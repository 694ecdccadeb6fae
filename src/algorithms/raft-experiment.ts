import { MAX_TIME } from './raft-params';
import type { SystemExperiment } from './system-experiment';

/**
 * Unavailability against the election-timeout range (C27): five servers start together with no
 * leader, and the time until a leader is in charge is what a wider range (fewer split votes) and a
 * later first timeout trade against each other — the shape of Ongaro & Ousterhout's Figure 16.
 */
export const RAFT_UNAVAILABILITY: SystemExperiment = {
  id: 'raft-unavailability',
  algorithm: 'raft',
  nCounts: 'candidates',
  title: 'Raft: unavailability vs election-timeout range',
  question:
    'How long five servers starting together are without a leader, as the election-timeout range widens from 150–155 to 150–300.',
  timeUnit: '1 ms',
  n: 5,
  mode: 'async',
  seeds: 10,
  // A fixed horizon: a range that never elects (150-150) counts the whole of it, the same at every point.
  base: { ids: 'asc', timeout: '150-300', until: '3000' },
  vary: { name: 'timeout-max', values: '155-300:5' },
  derived: {
    'timeout-max': {
      label: 'maximum election timeout, minimum 150',
      unit: 'time',
      min: 1,
      max: MAX_TIME,
      keys: (v, base) => ({ timeout: `${(base.timeout ?? '150-300').split('-')[0]}-${v}` }),
    },
  },
  variants: [{ name: 'raft', label: 'Raft', keys: {} }],
  figures: [
    { key: 'unavailableTime', label: 'time without a leader', unit: 'time' },
    { key: 'electionsStarted', label: 'elections started', unit: 'count' },
    { key: 'splitVotes', label: 'split votes', unit: 'count' },
    { key: 'leaderChanges', label: 'leader changes', unit: 'count' },
  ],
};
