import { useEffect, useRef, useState } from 'react';
import { useSim, useSimStore } from '../../store/react';
import { ROLE_LOOK } from '../../view/palette';
import { mountSpaceTime, type SpaceTimeView } from '../../view/spacetime/diagram';
import { mountLeadership, type LeadershipStrip } from '../../view/spacetime/leadershipStrip';
import { LeadershipCaption } from './LeadershipCaption';
import './teaching.css';

declare global {
  interface Window {
    /** The space-time diagram of the main view, for the end-to-end tests (reading it changes nothing). */
    __lelSpaceTime?: SpaceTimeView | null;
    /** The leadership timeline under it, likewise. */
    __lelLeadership?: LeadershipStrip | null;
  }
}

/**
 * Host of the space-time diagram: the canvas view is mounted once and driven by the store, not by
 * React; this component only adds the title, the zoom buttons and a text summary for screen readers.
 */
export function SpaceTimePanel({
  expose = true,
  minSpan = 0,
  leadership = true,
}: {
  expose?: boolean;
  minSpan?: number;
  /** The leadership timeline under the diagram (the compare panes leave it out: no room for both). */
  leadership?: boolean;
}) {
  const store = useSimStore();
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<SpaceTimeView | null>(null);
  const leadBox = useRef<HTMLDivElement>(null);
  const [strip, setStrip] = useState<LeadershipStrip | null>(null);
  const mode = useSim((s) => s.scenario.timing.mode);
  const run = useSim((s) => s.run);
  // Mirrors the view's mode for the button: a window following the cursor, or the whole run.
  const [fitted, setFitted] = useState(false);
  useEffect(() => setFitted(false), [run]);
  const zoom = (factor: number) => {
    view.current?.zoomBy(factor);
    setFitted(view.current?.fitted ?? false);
  };

  useEffect(() => {
    const v = mountSpaceTime(box.current!, store);
    view.current = v;
    const lead = leadership ? mountLeadership(leadBox.current!, store, v) : null;
    setStrip(lead);
    if (expose) {
      window.__lelSpaceTime = v;
      window.__lelLeadership = lead;
    }
    return () => {
      lead?.destroy();
      if (expose && lead && window.__lelLeadership === lead) window.__lelLeadership = null;
      v.destroy();
      view.current = null;
      if (expose && window.__lelSpaceTime === v) window.__lelSpaceTime = null;
    };
  }, [store, expose, leadership]);

  useEffect(() => view.current?.setMinSpan(minSpan), [minSpan]);

  const unit = mode === 'sync' ? 'rounds' : 'time';
  return (
    <section className="spacetime" aria-label="Space-time diagram">
      <div className="st-head">
        <h2>Space-time</h2>
        <span className="st-hint">{unit} →</span>
        <span className="st-zoom">
          <button
            type="button"
            aria-label="Zoom time out"
            title="Zoom the time axis out"
            onClick={() => zoom(0.5)}
          >
            −
          </button>
          <button
            type="button"
            aria-label={fitted ? 'Follow the cursor' : 'Fit time'}
            title={
              fitted
                ? 'A window round the current time that scrolls with it'
                : 'Fit the whole run in the width'
            }
            onClick={() => {
              if (fitted) view.current?.follow();
              else view.current?.fit();
              setFitted(!fitted);
            }}
          >
            {fitted ? 'Follow' : 'Fit'}
          </button>
          <button
            type="button"
            aria-label="Zoom time in"
            title="Zoom the time axis in (then scroll sideways)"
            onClick={() => zoom(2)}
          >
            +
          </button>
        </span>
      </div>
      <div className="st-box" ref={box} data-testid="spacetime" />
      {leadership && (
        <>
          <div className="lead-head">
            <h3 id="lead-title">Leadership</h3>
            <span className="lead-key">
              <span
                className="lead-swatch"
                style={{ background: ROLE_LOOK.leader.fill }}
                aria-hidden="true"
              />{' '}
              believes it leads
              <span className="lead-swatch lead-two" aria-hidden="true" /> two at once
            </span>
          </div>
          <div
            className="lead-box"
            ref={leadBox}
            data-testid="leadership"
            aria-labelledby="lead-title"
            role="img"
          />
          <LeadershipCaption strip={strip} />
        </>
      )}
      <p className="sr-only">
        One line per node, one arrow per message from its send time to its delivery time. Click an arrow to go
        to its delivery step, a line to select the node, the time axis to go to that time.
      </p>
    </section>
  );
}
