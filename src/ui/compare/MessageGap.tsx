import { useStore } from 'zustand';
import type { SimStore } from '../../store/simStore';
import { countsOf } from '../../store/status';
import { fmt } from '../format';

/**
 * The two runs' messages in words, at the position shown: "HS sent 152, LCR 152: the same". The
 * second algorithm is named first, as it is the one the user brought in to compare.
 */
export function MessageGap({ first, second }: { first: SimStore; second: SimStore }) {
  useStore(first, (s) => s.version);
  useStore(second, (s) => s.version);
  useStore(first, (s) => s.cursor);
  useStore(second, (s) => s.cursor);
  const a = first.getState();
  const b = second.getState();
  const sa = countsOf(a).sent;
  const sb = countsOf(b).sent;
  const na = a.run.spec.algorithm.shortName;
  const nb = b.run.spec.algorithm.shortName;
  const ended = a.cursor >= a.knownSteps && !a.computing && b.cursor >= b.knownSteps && !b.computing;
  const gap = sa === sb ? 'the same' : sb > sa ? `${nb} ${fmt(sb - sa)} more` : `${na} ${fmt(sa - sb)} more`;
  return (
    <p className="cmp-gap" data-testid="message-gap">
      {ended ? '' : 'So far: '}
      {nb} sent {fmt(sb)}, {na} {fmt(sa)}: {gap}
    </p>
  );
}
