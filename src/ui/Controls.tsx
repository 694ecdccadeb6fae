import type { RunHandle } from '../store/simStore';
import { useSimStore, useSim } from '../store/react';
import { fmtSpeed } from './format';
import { PlaybackButtons } from './PlaybackButtons';
import { SLIDER_MAX, sliderToSpeed, speedToSlider } from './speedScale';

/** A number per run handle, to key the timeline by its run. */
const runKeys = new WeakMap<RunHandle, number>();
let nextRunKey = 0;
const runKey = (run: RunHandle) => {
  let k = runKeys.get(run);
  if (k === undefined) runKeys.set(run, (k = nextRunKey++));
  return k;
};

/** Playback: every control a real button or slider with a name and its shortcut in the tooltip. */
export function Controls() {
  const store = useSimStore();
  const playing = useSim((s) => s.playing);
  const cursor = useSim((s) => s.cursor);
  const known = useSim((s) => s.knownSteps);
  const computing = useSim((s) => s.computing);
  const speed = useSim((s) => s.speed);
  const mode = useSim((s) => s.scenario.timing.mode);
  const run = useSim((s) => s.run);
  const atStart = cursor === 0;
  const atEnd = cursor >= known && !computing;
  const unit = mode === 'sync' ? 'rounds/s' : 'hops/s';
  const act = store.getState();
  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      <PlaybackButtons act={act} playing={playing} atStart={atStart} atEnd={atEnd} />
      <label
        className="speed"
        title="Playback speed, logarithmic: one hop is one round (sync) or one mean delay (async)"
      >
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          min={0}
          max={SLIDER_MAX}
          step={1}
          value={speedToSlider(speed)}
          onChange={(e) => act.setSpeed(sliderToSpeed(Number(e.target.value)))}
        />
        {/* not an <output>: that is a second role="status", and the status line must be the only one */}
        <span className="speed-value">
          {fmtSpeed(speed)} {unit}
        </span>
      </label>
      {/*
        One slider element per run. A new run first renders max = 0, and the browser clamps the thumb
        to 0 without React's value tracker seeing it: the tracker keeps the old run's last value, so
        when the new run has the same length, End (thumb to that same value) raised no change event
        and the thumb moved while the run stayed at step 0.
      */}
      <input
        key={runKey(run)}
        className="timeline"
        type="range"
        aria-label="Timeline"
        title="Timeline: drag to any step (← → step one, Home back to 0)"
        min={0}
        max={Math.max(known, 0)}
        step={1}
        value={cursor}
        onChange={(e) => act.seek(Number(e.target.value))}
      />
    </div>
  );
}
