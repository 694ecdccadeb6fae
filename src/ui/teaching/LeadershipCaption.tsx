import { useSim } from '../../store/react';
import type { LeadershipStrip } from '../../view/spacetime/leadershipStrip';
import type { Reign, Span } from '../../view/spacetime/leadership';

/** Sentences a screen reader (and the tests) read for the timeline: each reign, then split brain. */
const MAX_LISTED = 40;

const reignText = (r: Reign, unit: string): string =>
  `${r.node} leads${r.term === null ? '' : ` term ${r.term}`} from ${unit} ${r.from}${r.to === null ? ' on' : ` to ${r.to}`}`;

const spanText = (o: Span, unit: string): string =>
  `two or more lead at once from ${unit} ${o.from}${o.to === null ? ' on' : ` to ${o.to}`}`;

/**
 * What the leadership timeline shows, in words: when rows are left out, a visible line says so; the
 * reigns and split-brain spans are listed for screen readers (the canvas is one image to them).
 */
export function LeadershipCaption({ strip }: { strip: LeadershipStrip | null }) {
  useSim((s) => s.version);
  const n = useSim((s) => s.run.sim.n);
  const unit = useSim((s) => (s.scenario.timing.mode === 'sync' ? 'round' : 'time'));
  const ix = strip?.index;
  if (!strip || !ix) return null;
  const rows = strip.rows().length;
  const reigns = ix.reigns.slice(0, MAX_LISTED);
  const overlaps = ix.allOverlaps().slice(0, MAX_LISTED);
  return (
    <>
      {rows < n && (
        <p className="lead-note">
          Rows: the {rows} of {n} nodes that led so far.
        </p>
      )}
      <ul className="sr-only" aria-label="Leadership timeline">
        {reigns.length === 0 && <li>nobody leads yet</li>}
        {reigns.map((r, i) => (
          <li key={`r${i}`}>{reignText(r, unit)}</li>
        ))}
        {overlaps.map((o, i) => (
          <li key={`o${i}`}>{spanText(o, unit)}</li>
        ))}
      </ul>
    </>
  );
}
