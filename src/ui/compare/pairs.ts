import type { Scenario } from '../../scenario/types';
import type { Versus } from '../../scenario/versus';
import { TOPOLOGY_NAMES } from '../../topology/spec';
import { createLinkedPlayback, type LinkedStore } from '../../store/linked';
import { createSimStore, type SimStore } from '../../store/simStore';

/** One side of the comparison: its run and how its pane is headed. */
export interface Side {
  store: SimStore;
  title: string;
  detail: string;
  testId: string;
}

/** Two runs under one set of controls: the same scenario in both timing models, or two algorithms. */
export interface Pair {
  kind: 'timing' | 'versus';
  left: Side;
  right: Side;
  link: LinkedStore;
}

const linked = (left: Side, right: Side) =>
  createLinkedPlayback([left.store, right.store], { linkBy: 'time', speed: 4 });

/** The scenario in Lynch's synchronous rounds (left) and with asynchronous delays from its seed (right). */
export function timingPair(scenario: Scenario): Pair {
  const { step: _omit, ...base } = scenario;
  // A delivery schedule orders asynchronous deliveries only: the synchronous pane runs without it.
  const sync = createSimStore({
    scenario: { ...base, timing: { mode: 'sync', maxDelay: base.timing.maxDelay } },
  });
  const async = createSimStore({ scenario: { ...base, timing: { ...base.timing, mode: 'async' } } });
  const left: Side = {
    store: sync,
    title: 'Synchronous rounds',
    detail: 'every message takes exactly one round',
    testId: 'pane-sync',
  };
  const right: Side = {
    store: async,
    title: 'Asynchronous',
    detail: `each message takes 1–${base.timing.maxDelay} time units (seed ${base.seed})`,
    testId: 'pane-async',
  };
  return { kind: 'timing', left, right, link: linked(left, right) };
}

/** The scenario's own algorithm (left) and a second one on the same graph (right), same timing. */
export function versusPair(scenario: Scenario, versus: Versus): Pair {
  const { step: _omit, ...base } = scenario;
  const first = createSimStore({ scenario: base });
  const second = createSimStore({ scenario: versus.scenario });
  const on = (s: Scenario) => `on a ${TOPOLOGY_NAMES[s.topology.kind]}`;
  const left: Side = {
    store: first,
    title: first.getState().run.sim.algorithm.name,
    detail: on(base),
    testId: 'pane-first',
  };
  const leftOut = versus.leftOut.length
    ? ` · ${versus.leftOut.join(', ')} left out (${versus.algorithm.shortName} does not take ${versus.leftOut.length > 1 ? 'them' : 'it'})`
    : '';
  const right: Side = {
    store: second,
    title: versus.algorithm.name,
    detail: `${on(versus.scenario)}${leftOut}`,
    testId: 'pane-second',
  };
  return { kind: 'versus', left, right, link: linked(left, right) };
}
