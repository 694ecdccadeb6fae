import { createStore, type StoreApi } from 'zustand/vanilla';
import { clampSpeed, type SimState, type SimStore } from './simStore';

/**
 * How two runs side by side move together.
 * - 'time': both show the same simulated time (a round of the synchronous run is one time unit; an
 *   asynchronous message takes 1…maxDelay units). Step = the next moment at which anything happens
 *   in either run, all of that moment's events at once.
 * - 'step': both show the same step number (the k-th event of each run), whatever its time.
 */
export type LinkBy = 'time' | 'step';

export interface LinkedState {
  linkBy: LinkBy;
  playing: boolean;
  /** Time units per second ('time') or steps per second ('step'). */
  speed: number;
  /** Simulated time both panes show ('time'); −1 before anything happened. */
  time: number;
  /** Step number both panes are asked for ('step'). */
  step: number;
  /** Bumps whenever a pane moved. */
  version: number;

  stepForward(): void;
  stepBack(): void;
  reset(): void;
  play(): void;
  pause(): void;
  toggle(): void;
  setLinkBy(linkBy: LinkBy): void;
  setSpeed(speed: number): void;
  /** Advances playback by `dt` seconds of wall time (one call per animation frame). */
  tick(dt: number): void;
  /** Whether every pane is at the end of its run. */
  atEnd(): boolean;
  atStart(): boolean;
}

export type LinkedStore = StoreApi<LinkedState>;

/** The number of recorded steps of a pane whose time is ≤ t (its cursor for "time t"). */
export function stepsThrough(s: SimState, t: number): number {
  const trace = s.run.sim.trace;
  let lo = 0;
  let hi = s.knownSteps;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const paneAtEnd = (s: SimState) => s.cursor >= s.knownSteps && !s.computing;

/** The time of the last step a pane has applied, or −1 at step 0. */
const lastTime = (s: SimState) => (s.cursor > 0 ? s.run.sim.trace[s.cursor - 1]!.time : -1);

export function createLinkedPlayback(
  panes: readonly SimStore[],
  options: { linkBy?: LinkBy; speed?: number } = {},
): LinkedStore {
  return createStore<LinkedState>()((set, get) => {
    /** Playing by step: the fraction of a step due, carried to the next frame. */
    let carry = 0;
    /** Sets every pane to show time t (playing: the clock runs continuously between steps). */
    const showTime = (t: number) => {
      for (const p of panes) {
        const s = p.getState();
        const k = t < 0 ? 0 : stepsThrough(s, t);
        if (k !== s.cursor) s.seek(k);
        const r = p.getState().run.replay;
        p.setState({ clock: Math.max(r.time, t) });
      }
      set({ time: t, version: get().version + 1 });
    };

    const showStep = (k: number) => {
      for (const p of panes) p.getState().seek(k);
      set({ step: k, version: get().version + 1 });
    };

    /**
     * The furthest step every pane can show now: a pane still computing can show only what it has
     * recorded, so the shared step waits for it (a finished, shorter run waits at its end instead).
     * Without this a fast pane ran ahead of a slow one and they parted at Pause (18 against 36).
     */
    const reachableStep = (k: number): number => {
      let out = k;
      for (const p of panes) {
        const s = p.getState();
        if (s.computing) out = Math.min(out, s.knownSteps);
      }
      return out;
    };

    /** The same for time: no later than the last recorded step of a pane still computing. */
    const reachableTime = (t: number): number => {
      let out = t;
      for (const p of panes) {
        const s = p.getState();
        if (s.computing) out = Math.min(out, s.knownSteps > 0 ? s.run.sim.trace[s.knownSteps - 1]!.time : 0);
      }
      return out;
    };

    const nextTime = (): number | null => {
      let next = Infinity;
      for (const p of panes) {
        const s = p.getState();
        if (s.cursor < s.knownSteps) next = Math.min(next, s.run.sim.trace[s.cursor]!.time);
      }
      return next === Infinity ? null : next;
    };

    return {
      linkBy: options.linkBy ?? 'time',
      playing: false,
      speed: clampSpeed(options.speed ?? 4),
      time: -1,
      step: 0,
      version: 0,

      atEnd() {
        return panes.every((p) => paneAtEnd(p.getState()));
      },

      atStart() {
        return panes.every((p) => p.getState().cursor === 0);
      },

      stepForward() {
        set({ playing: false });
        if (get().linkBy === 'step') {
          const k = Math.max(...panes.map((p) => p.getState().cursor));
          if (!get().atEnd()) showStep(k + 1);
          return;
        }
        const t = nextTime();
        if (t !== null) showTime(t);
      },

      stepBack() {
        set({ playing: false });
        if (get().linkBy === 'step') {
          const k = Math.max(...panes.map((p) => p.getState().cursor));
          showStep(Math.max(0, k - 1));
          return;
        }
        // Back to the latest moment before the latest one shown, in either run.
        const latest = Math.max(...panes.map((p) => lastTime(p.getState())));
        let prev = -1;
        for (const p of panes) {
          const s = p.getState();
          const k = stepsThrough(s, latest - 1e-9);
          if (k > 0) prev = Math.max(prev, s.run.sim.trace[k - 1]!.time);
        }
        showTime(latest <= 0 ? -1 : prev);
      },

      reset() {
        set({ playing: false });
        if (get().linkBy === 'step') showStep(0);
        else showTime(-1);
      },

      play() {
        if (get().atEnd()) get().reset();
        // Playing by time starts from what is shown: the latest time either pane has reached.
        if (get().linkBy === 'time') {
          const latest = Math.max(0, ...panes.map((p) => lastTime(p.getState())));
          set({ time: Math.max(get().time, latest) });
        } else set({ step: Math.max(...panes.map((p) => p.getState().cursor)) });
        carry = 0;
        set({ playing: true });
      },

      pause() {
        set({ playing: false });
        // Both panes at the position the link shows, whatever a pane's background work did meanwhile.
        if (get().linkBy === 'step') showStep(reachableStep(get().step));
        else if (get().time >= 0) showTime(get().time);
      },

      toggle() {
        if (get().playing) get().pause();
        else get().play();
      },

      setLinkBy(linkBy) {
        if (linkBy === get().linkBy) return;
        set({ linkBy, playing: false });
        // Re-align the panes under the new link, from the furthest one.
        if (linkBy === 'step') showStep(Math.max(...panes.map((p) => p.getState().cursor)));
        else showTime(Math.max(...panes.map((p) => lastTime(p.getState()))));
      },

      setSpeed(speed) {
        set({ speed: clampSpeed(speed) });
      },

      tick(dt) {
        const st = get();
        if (!st.playing || !(dt > 0)) return;
        if (st.linkBy === 'step') {
          // Whole steps only; the fraction waits for the next frame.
          // Driven by the step number, not by frames: a dropped frame only means a bigger dt here.
          const due = carry + dt * st.speed;
          const whole = Math.floor(due);
          carry = due - whole;
          if (whole > 0) {
            const k = reachableStep(st.step + whole);
            // Waiting for a slow pane: the steps it could not show are not owed later.
            if (k < st.step + whole) carry = 0;
            if (k !== st.step) showStep(k);
          }
          if (get().atEnd()) set({ playing: false });
          return;
        }
        const end = Math.max(
          0,
          ...panes.map((p) => {
            const s = p.getState();
            return s.knownSteps > 0 ? s.run.sim.trace[s.knownSteps - 1]!.time : 0;
          }),
        );
        const computing = panes.some((p) => p.getState().computing);
        let t = reachableTime(Math.max(0, st.time) + dt * st.speed);
        if (t >= end && !computing) t = end;
        showTime(t);
        if (t >= end && get().atEnd()) set({ playing: false });
      },
    };
  });
}
