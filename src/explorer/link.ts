import { toFlat } from '../scenario/encode';
import { formatSchedule, type Delivery } from '../scenario/schedule';
import type { Scenario } from '../scenario/types';
import { flatToQuery } from '../scenario/url';

/** The URL key of a delivery schedule (src/scenario/schedule.ts: what a link replays). */
export const SCHEDULE_KEY = 'sched';

/**
 * A link hash (`#v=1&alg=…&mode=async&…&sched=5-1,4-5`) that opens this scenario with this delivery
 * schedule, at `step` if given. The scenario keys are encodeScenario's, in its order, never
 * compressed: a compressed link carries only v, z and step outside its compressed part. A schedule's
 * text (ids, `-` and `,`) needs no escaping. An empty schedule (nothing to deliver) is left out.
 */
export function scheduleLink(s: Scenario, schedule: readonly Delivery[], step?: number): string {
  const asynchronous: Scenario = { ...s, timing: { ...s.timing, mode: 'async' } };
  if (step === undefined) delete asynchronous.step;
  else asynchronous.step = step;
  // A scenario read from a link may carry a schedule of its own: this one replaces it.
  const { step: at, [SCHEDULE_KEY]: _replaced, ...keys } = toFlat(asynchronous);
  const sched = schedule.length > 0 ? `&${SCHEDULE_KEY}=${formatSchedule(schedule)}` : '';
  return `#${flatToQuery(keys)}${sched}${at !== undefined ? `&step=${at}` : ''}`;
}
