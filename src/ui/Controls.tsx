import { useSimStore, useSim } from '../store/react';
import { fmtSpeed } from './format';
import { PlaybackButtons } from './PlaybackButtons';
import { SLIDER_MAX, sliderToSpeed, speedToSlider } from './speedScale';

/** Playback: every control a real button or slider with a name and its shortcut in the tooltip. */
export function Controls() {
  const store = useSimStore();
  const playing = useSim((s) => s.playing);
  const cursor = useSim((s) => s.cursor);
  const known = useSim((s) => s.knownSteps);
  const computing = useSim((s) => s.computing);
  const speed = useSim((s) => s.speed);
  const mode = useSim((s) => s.scenario.timing.mode);
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
      <input
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
