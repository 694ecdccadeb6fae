import { MAX_JSON, TRACE_FORMAT } from '../../scenario/json';
import { SlicedJson } from '../../scenario/slicedJson';
import { SLICE_MS } from '../../store/limits';
import { afterNextFrame, type Schedule } from '../../store/schedule';
import { salvage } from '../../scenario/salvage';
import { checkFile, checkParsed, type Checked } from './check';

/** Files longer than this are read in slices, one per animation frame; shorter ones at once. */
export const SLICED_FROM = 1_000_000;

/**
 * The largest trace file the page opens, in bytes. A trace the page itself exports of Bully on a
 * complete graph of 400 (160,798 steps) is 55 MB, past MAX_JSON; a scenario file stays bounded by
 * MAX_JSON, trace or not being known only once the file is read.
 */
export const MAX_TRACE_FILE = 128_000_000;

export interface Reading {
  /** Settles once the file is read (or refused); never if cancelled. */
  done: Promise<Checked>;
  cancel(): void;
}

/**
 * Checks a file's text like checkFile, a slice of SLICE_MS at a time when it is long, calling
 * `progress` with the fraction read after each slice. The page answers clicks meanwhile.
 */
export function readFileText(
  text: string,
  name: string,
  progress: (fraction: number) => void,
  options: { schedule?: Schedule; now?: () => number } = {},
): Reading {
  if (text.length <= SLICED_FROM) return { done: Promise.resolve(checkFile(text, name)), cancel: () => {} };
  const schedule = options.schedule ?? afterNextFrame;
  const now = options.now ?? (() => performance.now());
  const reader = new SlicedJson(text);
  let cancelSlice: (() => void) | null = null;
  const done = new Promise<Checked>((resolve) => {
    const slice = () => {
      const until = now() + SLICE_MS;
      if (!reader.read(() => now() >= until)) {
        progress(reader.fraction);
        cancelSlice = schedule(slice);
        return;
      }
      progress(1);
      resolve(finish(reader, text.length, name));
    };
    cancelSlice = schedule(slice);
  });
  return { done, cancel: () => cancelSlice?.() };
}

function finish(reader: SlicedJson, length: number, name: string): Checked {
  if (reader.error !== null) return refused(name, 'json', reader.error);
  const data = reader.value;
  // Only a trace may be longer than MAX_JSON: its steps are checked and dropped, never kept.
  if (data.format !== TRACE_FORMAT && length > MAX_JSON)
    return refused(name, 'json', `the file is ${length} characters long; at most ${MAX_JSON} are read`);
  return checkParsed(data, name);
}

function refused(name: string, field: string, message: string): Checked {
  return {
    ok: false,
    problem: {
      source: 'file',
      what: name,
      errors: [{ field, message }],
      salvaged: salvage({}),
      given: null,
    },
  };
}
