import { formatSchedule, type Delivery } from '../scenario/schedule';
import type { Scenario } from '../scenario/types';
import { analyse, channelsOf, type Extreme, type MessageRange } from './analysis';
import type { Explorer, StopReason } from './explorer';
import { scheduleLink } from './link';
import { BARRIER, type Global } from '../scenario/model';
import type { ViolationKind } from './monitors';

/** A schedule the explorer hands back: its text form (src/scenario/schedule.ts) and a link that replays it. */
export interface WitnessSummary {
  messages: number;
  messagesByKind: Record<string, number>;
  schedule: string;
  url: string;
}

export interface ViolationSummary {
  kind: ViolationKind;
  message: string;
  /** Distinct states failing this check (non-termination: 1). */
  states: number;
  /** Deliveries in the witness: no schedule reaches a state failing the check in fewer. */
  deliveries: number;
  schedule: string;
  /** The simulator's step at the bad state (start-ups and barrier steps included): the link opens there. */
  step: number;
  url: string;
  /** Non-termination by a cycle: the deliveries that come back to the same state (the witness ends with them). */
  loop?: string;
}

/** The explorer's answer, as the CLI prints it (`sim explore --json`) and the browser shows it. */
export interface ExploreSummary {
  algorithm: string;
  n: number;
  complete: boolean;
  /**
   * Why the search stopped before the end: the state budget, or the caller (`stopped`: a Cancel
   * button; the CLI writes `time-budget` for its --time-budget).
   */
  stoppedBy?: StopReason | 'time-budget';
  states: number;
  transitions: number;
  terminalStates: number;
  /** The exact number of schedules (maximal delivery orders), in decimal; `infinite` with a cycle. */
  schedules: string;
  /** Distinct leaders over every schedule (a run's `leader`), ascending; null = a schedule elects none. */
  leaders: (number | null)[];
  messages: MessageRange | null;
  violations: ViolationSummary[];
  best: WitnessSummary | null;
  worst: WitnessSummary | null;
  /**
   * Where the message count depends on the schedule: how many schedules send each count, fewest
   * first (decimal strings, exact). Left out where every schedule sends the same number.
   */
  histogram?: { messages: number; schedules: string }[];
}

const ORDER: readonly ViolationKind[] = [
  'two-leaders',
  'wrong-leader',
  'no-leader',
  'never-learns',
  'stuck',
  'cycle',
];

/**
 * Everything the explorer found, with each witness as a schedule and a link. `scenario` is the run as
 * a link would carry it (the links take its keys); a partial search (`complete: false`) reports what
 * it saw: its schedules and extremes are over the schedules found whole, a lower bound on the rest.
 */
export function summarize(x: Explorer, scenario: Scenario): ExploreSummary {
  const a = analyse(x);
  const model = x.model;
  const deliveries = (channels: readonly number[]): Delivery[] =>
    channels.filter((c) => c !== BARRIER).map((c) => model.delivery(c));
  /** The simulator's steps along the path: the start-ups, each delivery, each node acting at a barrier. */
  const engineSteps = (channels: readonly number[]): number => {
    let move = model.initial();
    let steps = move.engineSteps;
    let g: Global = move.next;
    for (const c of channels) {
      move = c === BARRIER ? model.barrier(g)! : model.deliver(g, c);
      steps += move.engineSteps;
      g = move.next;
    }
    return steps;
  };
  const witness = (e: Extreme | null): WitnessSummary | null => {
    if (e === null) return null;
    const schedule = deliveries(e.channels);
    return {
      messages: e.messages,
      messagesByKind: e.messagesByKind,
      schedule: formatSchedule(schedule),
      url: scheduleLink(scenario, schedule),
    };
  };
  const violations: ViolationSummary[] = [];
  for (const v of x.violations.values()) {
    const before = x.pathTo(v.state);
    // A handler that threw: the witness ends with the step that threw, which cannot be replayed here.
    const path = v.then === undefined ? before : [...before, v.then];
    const schedule = deliveries(path);
    const step = engineSteps(before) + (v.then === undefined ? 0 : 1);
    violations.push({
      kind: v.kind,
      message: v.message,
      states: v.states,
      deliveries: schedule.length,
      schedule: formatSchedule(schedule),
      step,
      url: scheduleLink(scenario, schedule, step),
    });
  }
  if (a.cycle) {
    const path = x.pathTo(a.cycle.state);
    const loop = channelsOf(x, a.cycle.loop);
    const schedule = deliveries([...path, ...loop]);
    const loopText = formatSchedule(deliveries(loop));
    const step = engineSteps([...path, ...loop]);
    violations.push({
      kind: 'cycle',
      message: `the run need not end: after ${deliveries(path).length} deliveries, the ${deliveries(loop).length} deliveries ${loopText} come back to the same state, and can repeat forever`,
      states: 1,
      deliveries: schedule.length,
      schedule: formatSchedule(schedule),
      step,
      url: scheduleLink(scenario, schedule, step),
      loop: loopText,
    });
  }
  violations.sort((p, q) => ORDER.indexOf(p.kind) - ORDER.indexOf(q.kind));
  const out: ExploreSummary = {
    algorithm: model.alg.id,
    n: model.n,
    complete: x.complete,
    states: x.states,
    transitions: x.transitions,
    terminalStates: a.terminalStates,
    schedules: a.schedules === null ? 'infinite' : a.schedules.toString(),
    leaders: a.leaders,
    messages: a.messages,
    violations,
    best: witness(a.best),
    worst: witness(a.worst),
  };
  if (a.histogram)
    out.histogram = a.histogram.map((b) => ({ messages: b.messages, schedules: b.schedules.toString() }));
  const stop = x.stoppedBy;
  if (stop !== null) out.stoppedBy = stop;
  return out;
}
