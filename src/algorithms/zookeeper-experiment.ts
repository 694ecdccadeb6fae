import type { SystemExperiment } from './system-experiment';

/** Synchronous runs: client 1's create is handled first, so it holds n_0 and leads (C5). */
export const CRASHED_LEADER = 1;
export const CRASH_AT = 100;

/**
 * Watch notifications against n (C27): the leader crashes once, its session expires, and the recipe
 * wakes its successor only while the herd variant wakes every other client — 1 against n − 1 (C28).
 */
export const ZOOKEEPER_NOTIFICATIONS: SystemExperiment = {
  id: 'zookeeper-notifications',
  algorithm: 'zookeeper',
  nCounts: 'clients',
  title: 'ZooKeeper: notifications vs n (recipe and herd)',
  question:
    'How many watch notifications one leader crash sends with n clients: the recipe (watch your predecessor) against the herd (everyone watches the leader).',
  timeUnit: '100 ms',
  n: 5,
  mode: 'sync',
  seeds: 1,
  base: { ids: 'asc', crashes: `${CRASHED_LEADER}@${CRASH_AT}` },
  vary: { name: 'n', values: '2-20' },
  derived: {},
  variants: [
    { name: 'recipe', label: 'recipe (watch the predecessor)', keys: {} },
    { name: 'herd', label: 'herd (watch the leader)', keys: { herd: '1' } },
  ],
  figures: [
    { key: 'watchNotifications', label: 'watch notifications', unit: 'count' },
    { key: 'leaderChanges', label: 'leader changes', unit: 'count' },
    { key: 'unavailableTime', label: 'time without a leader', unit: 'time' },
    { key: 'messages', label: 'messages', unit: 'count' },
  ],
};
