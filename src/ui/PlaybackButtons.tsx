import { BackIcon, PauseIcon, PlayIcon, ResetIcon, StepIcon } from './icons';

export interface PlaybackActions {
  reset(): void;
  stepBack(): void;
  toggle(): void;
  stepForward(): void;
}

/**
 * Reset / Step back / Play–Pause / Step forward as named buttons with their shortcuts in the tooltip;
 * shared by the simulator and the sync-vs-async comparison so both read and behave the same.
 */
export function PlaybackButtons(props: {
  act: PlaybackActions;
  playing: boolean;
  atStart: boolean;
  atEnd: boolean;
  resetTitle?: string;
}) {
  const { act, playing, atStart, atEnd } = props;
  return (
    <>
      <button
        type="button"
        aria-label="Reset"
        title={props.resetTitle ?? 'Reset to step 0 (Home)'}
        onClick={act.reset}
        disabled={atStart}
      >
        <ResetIcon /> Reset
      </button>
      <button
        type="button"
        aria-label="Step back"
        title="Step back (←)"
        onClick={act.stepBack}
        disabled={atStart}
      >
        <BackIcon /> Back
      </button>
      <button
        type="button"
        className="play"
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        onClick={act.toggle}
      >
        {playing ? <PauseIcon /> : <PlayIcon />} {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        aria-label="Step forward"
        title="Step forward (→)"
        onClick={act.stepForward}
        disabled={atEnd}
      >
        Step <StepIcon />
      </button>
    </>
  );
}
