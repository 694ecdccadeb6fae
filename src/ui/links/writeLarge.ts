import { TraceWriter } from '../../scenario/trace';
import { SLICE_MS } from '../../store/limits';
import { afterNextFrame, type Schedule } from '../../store/schedule';
import type { SimStore } from '../../store/simStore';

/** Where an export is: waiting for the run to be computed, then writing the file. */
export type ExportProgress = { phase: 'computing'; steps: number } | { phase: 'writing'; fraction: number };

export type ExportResult = { ok: true; blob: Blob; steps: number } | { ok: false; reason: string };

export interface TraceExport {
  done: Promise<ExportResult>;
  cancel(): void;
}

/**
 * Exports the store's whole run as a trace file without holding the tab: it waits for the background
 * computation to reach the end of the run (the same as a link's run; before, one synchronous
 * `finishComputing` held the tab for the whole of Bully n = 400), then writes the file a SLICE_MS
 * slice per frame (TraceWriter), each slice's text moved into a Blob at once so the JS heap never
 * holds the whole 55 MB. Loading another run stops it.
 */
export function exportTrace(
  store: SimStore,
  progress: (p: ExportProgress) => void,
  options: { schedule?: Schedule; now?: () => number } = {},
): TraceExport {
  const schedule = options.schedule ?? afterNextFrame;
  const now = options.now ?? (() => performance.now());
  const run = store.getState().run;
  let stopSlices: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;
  let finish: (r: ExportResult) => void = () => {};
  const done = new Promise<ExportResult>((resolve) => {
    finish = (r) => {
      unsubscribe?.();
      stopSlices?.();
      unsubscribe = stopSlices = null;
      finish = () => {};
      resolve(r);
    };
  });
  const replaced = () => finish({ ok: false, reason: 'another run was loaded' });

  const write = () => {
    const s = store.getState();
    const writer = new TraceWriter(run.sim, s.scenario);
    const parts: Blob[] = [];
    const slice = () => {
      if (store.getState().run !== run) return replaced();
      const until = now() + SLICE_MS;
      const complete = writer.write(() => now() >= until);
      parts.push(new Blob([writer.take()]));
      progress({ phase: 'writing', fraction: writer.fraction });
      if (!complete) stopSlices = schedule(slice);
      else finish({ ok: true, blob: new Blob(parts, { type: 'application/json' }), steps: writer.count });
    };
    stopSlices = schedule(slice);
  };

  if (!store.getState().computing) write();
  else {
    progress({ phase: 'computing', steps: store.getState().knownSteps });
    unsubscribe = store.subscribe((s) => {
      if (s.run !== run) return replaced();
      if (s.computing) return progress({ phase: 'computing', steps: s.knownSteps });
      unsubscribe?.();
      unsubscribe = null;
      write();
    });
  }
  return { done, cancel: () => finish({ ok: false, reason: 'cancelled' }) };
}
