import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NodeId } from '../engine/types';
import { parseFlat } from '../scenario/parse';
import { toggleNode } from '../scenario/toggle';
import type { FieldError, Result, Scenario } from '../scenario/types';
import { Background, type Progress } from './background';
import { defaultScenario } from './defaults';
import { draftToFlat, prepare, scenarioToDraft, withAlgorithm, type Draft } from './draft';
import {
  BROWSER_MAX_STEPS,
  CHECK_EVERY,
  DEFAULT_SPEED,
  LONG_JUMP,
  PLAY_BUDGET_MS,
  PUBLISH_MS,
  SLICE_MS,
} from './limits';
import { clampSpeed, playFrame, timeScale } from './playback';
import { catchUp, type ContinueFrom } from './continue';
import { newRun, type RunHandle } from './run';
import { afterNextFrame, type Schedule } from './schedule';

export { clampSpeed, timeScale } from './playback';
export type { RunHandle } from './run';

export type Selection =
  | { kind: 'node'; id: NodeId }
  | { kind: 'message'; seq: number }
  /** A link of the graph, by the ids of its ends (the live controls cut and heal it). */
  | { kind: 'link'; a: NodeId; b: NodeId }
  | null;

export interface SimState {
  scenario: Scenario;
  /** Mutable objects: compare `version`, not their contents. A new load gives a new handle. */
  run: RunHandle;
  /** Bumps whenever the cursor or the recorded trace changes. */
  version: number;
  /** Current step (0 = initial state). */
  cursor: number;
  /** Steps recorded so far; grows while `computing`. */
  knownSteps: number;
  computing: boolean;
  /** The run terminated (or hit its step budget) within what the browser records. */
  complete: boolean;
  /** The run is longer than BROWSER_MAX_STEPS or the memory budget: only its beginning is recorded. */
  truncated: boolean;
  /** Why recording stopped when the memory budget did it (src/store/recording.ts); null otherwise. */
  stopNote: string | null;
  /** The algorithm threw while computing: the message, with the step it broke at. */
  failure: string | null;
  playing: boolean;
  /** Hops per second (rounds/s in sync mode). */
  speed: number;
  /** Simulated time shown by the view; moves continuously while playing. */
  clock: number;
  selection: Selection;
  draft: Draft;
  /** Problems with the last Apply (or node toggle), each naming its field. */
  errors: FieldError[];
  /** One line telling what the last action did, e.g. after a node toggle. */
  notice: string | null;
  /**
   * The notice, when a live control (crash now, cut now, drop this message…) wrote it: the graph says
   * it where the lecturer clicked, and the editor does not open to say it (that moved the graph under
   * the pointer). A later notice from anywhere else differs from it, and opens the editor as before.
   */
  liveNotice: string | null;

  load(scenario: Scenario): Result<RunHandle>;
  setDraft(patch: Partial<Draft>): void;
  applyDraft(): boolean;
  /** Puts the run on screen back into the editor, dropping what was typed since and its errors. */
  revertDraft(): void;
  stepForward(): void;
  stepBack(): void;
  seek(k: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
  reset(): void;
  setSpeed(speed: number): void;
  select(selection: Selection): void;
  /** Advances the playback clock by `dt` seconds of wall time (called once per animation frame). */
  tick(dt: number): void;
  /** Toggles a node in the algorithm's per-node option (src/scenario/toggle.ts) and restarts the run. */
  toggleNode(id: NodeId): void;
  /**
   * Runs `scenario` instead, from the cursor: it must agree with the run on screen up to there (a
   * fault added at the current time, src/scenario/live.ts). The cursor, playback and selection stay;
   * `notice` says what changed.
   */
  /** `step`: where the new run picks up, the cursor by default (a drop taken back: before it, C25). */
  continueWith(scenario: Scenario, notice: string, step?: number): boolean;
  /** Computes the rest of the run now (tests, benchmarks). */
  finishComputing(): void;
  dispose(): void;
}

export type SimStore = StoreApi<SimState>;

export interface SimStoreOptions {
  scenario?: Scenario;
  /** How background chunks are scheduled; tests pass a manual queue. */
  schedule?: Schedule;
  maxSteps?: number;
  /** Bytes a recorded run may hold (RECORDING_BUDGET by default). */
  recordingBudget?: number;
  speed?: number;
  /** The clock that times background slices (tests pass a fake one). */
  now?: () => number;
}

export function createSimStore(options: SimStoreOptions = {}): SimStore {
  const schedule = options.schedule ?? afterNextFrame;
  const maxSteps = options.maxSteps ?? BROWSER_MAX_STEPS;
  const now = options.now ?? (() => performance.now());
  /** A step asked for (a link's `step`, a seek) beyond what has been computed so far. */
  let pendingStep: number | null = null;
  /** When a slice's progress was last published (PUBLISH_MS). */
  let published = -Infinity;

  // A scenario that cannot be loaded (a bad link) leaves the default loaded, with its errors shown.
  let initial = options.scenario ?? defaultScenario();
  let initialSpec = prepare(initial);
  const initialErrors = initialSpec.ok ? [] : initialSpec.errors;
  if (!initialSpec.ok) {
    initial = defaultScenario();
    initialSpec = prepare(initial);
    if (!initialSpec.ok)
      throw new Error(`the default scenario cannot run: ${initialSpec.errors[0]!.message}`);
  }

  return createStore<SimState>()((set, get) => {
    /** Moves the replay to step k and returns the state fields that follow from it. */
    const moveTo = (k: number): Pick<SimState, 'cursor' | 'version'> => {
      const s = get();
      const r = s.run.replay;
      // No further than the steps published: the cursor never runs ahead of what the page shows.
      const target = Math.max(0, Math.min(Math.floor(k), r.trace.length, s.knownSteps));
      if (!s.computing && s.failure === null && Math.abs(target - r.step) > LONG_JUMP) r.syncFromSim(target);
      else r.moveTo(target);
      return { cursor: r.step, version: s.version + 1 };
    };

    /**
     * After a background slice: publish the progress (at most every PUBLISH_MS while it computes,
     * at once when it ends or a step asked for is reached), then move to that step.
     */
    const onSlice = (run: RunHandle, p: Progress) => {
      if (get().run !== run) return;
      const reached = pendingStep !== null && (pendingStep <= p.knownSteps || !p.computing);
      const t = now();
      if (p.computing && !reached && t - published < PUBLISH_MS) return;
      published = t;
      set({ ...p, version: get().version + 1 });
      if (reached && pendingStep !== null) {
        const k = pendingStep;
        pendingStep = null;
        const moved = moveTo(k);
        set({ ...moved, clock: run.replay.time });
      }
    };
    const background = new Background(
      {
        schedule,
        limit: maxSteps,
        budgetMs: SLICE_MS,
        maxCheckEvery: CHECK_EVERY,
        now,
        recordingBudget: options.recordingBudget,
      },
      onSlice,
    );

    /** Loads a run at step 0, or with `from`, computed up to the cursor and shown there at once. */
    const load = (scenario: Scenario, from?: ContinueFrom): Result<RunHandle> => {
      const spec = prepare(scenario);
      if (!spec.ok) {
        set({ errors: spec.errors });
        return spec;
      }
      const { step, ...rest } = scenario;
      const run = newRun(rest, spec.value);
      const prev = get();
      pendingStep = step !== undefined && step > 0 ? step : null;
      published = -Infinity;
      const { reached, failure } = from ? catchUp(run, from.step) : { reached: 0, failure: null };
      const keep =
        (prev.selection?.kind === 'node' && run.replay.positionOf(prev.selection.id) >= 0) ||
        (from !== undefined && prev.selection !== null);
      set({
        scenario: rest,
        run,
        version: prev.version + 1,
        cursor: reached,
        knownSteps: reached,
        computing: failure === null,
        complete: false,
        truncated: false,
        stopNote: null,
        failure,
        playing: failure === null && from !== undefined && prev.playing,
        clock: reached > 0 ? prev.clock : 0,
        selection: keep ? prev.selection : null,
        draft: scenarioToDraft(rest, prev.draft),
        errors: [],
        // A live control's notice is about the run it changed: a run loaded otherwise drops it
        // (continueWith sets the next one after this).
        ...(prev.liveNotice !== null && prev.notice === prev.liveNotice ? { notice: null } : {}),
        liveNotice: null,
      });
      if (failure === null) background.start(run);
      return { ok: true, value: run };
    };

    const atEnd = (s: SimState) => s.cursor >= s.knownSteps && !s.computing;

    const { step: initialStep, ...initialScenario } = initial;
    const run0 = newRun(initialScenario, initialSpec.value);
    // The first slice runs from the scheduler, after this initializer has returned the state.
    background.start(run0);
    if (initialStep !== undefined && initialStep > 0) pendingStep = initialStep;

    return {
      scenario: run0.scenario,
      run: run0,
      version: 0,
      cursor: 0,
      knownSteps: 0,
      computing: true,
      complete: false,
      truncated: false,
      stopNote: null,
      failure: null,
      playing: false,
      speed: clampSpeed(options.speed ?? DEFAULT_SPEED),
      clock: 0,
      selection: null,
      draft: scenarioToDraft(initial),
      errors: initialErrors,
      notice: null,
      liveNotice: null,

      load,

      setDraft(patch) {
        let draft: Draft = { ...get().draft };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) draft[k] = v;
        if (patch.alg !== undefined) draft = withAlgorithm(draft, patch.alg);
        set({ draft });
      },

      applyDraft() {
        const parsed = parseFlat(draftToFlat(get().draft));
        if (!parsed.ok) {
          set({ errors: parsed.errors, notice: null });
          return false;
        }
        const r = load(parsed.value);
        if (r.ok) set({ notice: null });
        return r.ok;
      },

      revertDraft() {
        const s = get();
        set({ draft: scenarioToDraft(s.scenario, s.draft), errors: [], notice: null });
      },

      stepForward() {
        const s = get();
        if (s.cursor < s.knownSteps) {
          const moved = moveTo(s.cursor + 1);
          set({ ...moved, playing: false, clock: s.run.replay.time });
        } else {
          if (s.computing) pendingStep = s.cursor + 1;
          set({ playing: false });
        }
      },

      stepBack() {
        const s = get();
        const moved = moveTo(s.cursor - 1);
        set({ ...moved, playing: false, clock: s.run.replay.time });
      },

      seek(k) {
        const s = get();
        if (!Number.isFinite(k)) return;
        pendingStep = k > s.knownSteps && s.computing ? Math.floor(k) : null;
        const moved = moveTo(k);
        set({ ...moved, clock: s.run.replay.time });
      },

      play() {
        const s = get();
        if (atEnd(s) && s.knownSteps > 0) {
          const moved = moveTo(0);
          set({ ...moved, clock: 0, playing: true });
        } else set({ playing: true, clock: Math.max(s.clock, s.run.replay.time) });
      },

      pause() {
        if (get().playing) set({ playing: false });
      },

      toggle() {
        if (get().playing) get().pause();
        else get().play();
      },

      reset() {
        const moved = moveTo(0);
        set({ ...moved, playing: false, clock: 0 });
      },

      setSpeed(speed) {
        set({ speed: clampSpeed(speed) });
      },

      select(selection) {
        set({ selection });
      },

      tick(dt) {
        const s = get();
        if (!s.playing || !(dt > 0)) return;
        const r = s.run.replay;
        const f = playFrame(
          {
            timeAt: (k) => r.sim.recorded.timeAt(k),
            known: Math.min(s.knownSteps, r.trace.length),
            cursor: s.cursor,
            clock: s.clock,
            computing: s.computing,
          },
          dt * s.speed * timeScale(s.scenario.timing),
        );
        if (f.cursor === s.cursor) {
          set({ clock: f.clock, playing: f.playing });
          return;
        }
        // The frame's share of the cursor's work is measured time: short of it, the clock waits.
        const deadline = now() + PLAY_BUDGET_MS;
        const cursor = r.moveToward(f.cursor, () => now() >= deadline);
        const short = cursor !== f.cursor;
        set({
          cursor,
          version: s.version + 1,
          clock: short ? Math.max(s.clock, r.time) : f.clock,
          playing: short || f.playing,
        });
      },

      toggleNode(id) {
        const s = get();
        const t = toggleNode(s.scenario, id, s.run.sim.graph.ids);
        if (!t.ok) {
          set(t.errors.length ? { errors: t.errors, notice: t.notice } : { notice: t.notice });
          return;
        }
        const r = load(t.scenario);
        if (r.ok) set({ notice: t.notice });
        else set({ notice: `${id} cannot be toggled: ${r.errors[0]!.message}` });
      },

      continueWith(scenario, notice, step) {
        const r = load(scenario, { step: step ?? get().cursor });
        if (r.ok) set({ notice, liveNotice: notice });
        return r.ok;
      },

      finishComputing() {
        background.finish(get().run);
      },

      dispose() {
        background.stop();
        pendingStep = null;
      },
    };
  });
}
