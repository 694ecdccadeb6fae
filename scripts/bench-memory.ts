/**
 * Memory of a recorded run (docs/architecture.md, "What a recorded run costs"): the heap a browser-style
 * recording holds (Simulation with the trace, checkpoints and invariant checks on, plus the Replay's
 * indexes), measured with `process.memoryUsage().heapUsed` after a forced GC before and after each
 * recording; medians of several runs. A checkpoint's cost is the difference between the same recording
 * with the usual checkpoint spacing and with checkpoint 0 only, divided by the number of checkpoints.
 * Heap = `heapUsed + arrayBuffers` (typed arrays keep their contents outside the V8 heap).
 * Beside each figure, the recording model the browser's budget uses (src/store/recording.ts).
 *
 *   node --expose-gc --import tsx scripts/bench-memory.ts
 *
 * Node runs V8 without pointer compression: a Chromium tab holds the same run in fewer bytes.
 */
import { Simulation } from '../src/engine/simulation';
import { buildRun } from '../src/scenario/build';
import { parseFlat, type Flat } from '../src/scenario/parse';
import { Replay } from '../src/store/replay';
import { RecordingMeter } from '../src/store/recording';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('bench-memory: run node with --expose-gc');
  process.exit(2);
}

const WORKLOADS: { name: string; link: string }[] = [
  { name: 'LCR worst, async, n=600', link: 'alg=lcr&n=600&ids=desc&mode=async&maxDelay=4' },
  { name: 'HS random ids, sync, n=512', link: 'alg=hs&n=512&ids=random&seed=1&mode=sync' },
  { name: 'Bully complete, n=200', link: 'alg=bully&n=200' },
  { name: 'GHS complete, n=150', link: 'alg=ghs&topo=complete&n=150' },
];
const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3);

function spec(link: string) {
  const p = parseFlat(Object.fromEntries(new URLSearchParams(link)) as Flat);
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const r = buildRun(p.value);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

function heap(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  // typed arrays keep their contents outside the V8 heap
  return m.heapUsed + m.arrayBuffers;
}

/** Records the run to its end, as the browser does; returns the heap it holds and its size. */
function record(link: string, checkpointEvery?: number) {
  const s = spec(link);
  const before = heap();
  const sim = new Simulation({
    ...s,
    record: true,
    checkInvariants: true,
    ...(checkpointEvery ? { checkpointEvery } : {}),
  });
  const replay = new Replay(sim);
  sim.runToEnd();
  replay.index();
  const bytes = heap() - before;
  const out = {
    bytes,
    steps: sim.trace.length,
    sends: sim.recordedSends,
    checkpoints: sim.memory().checkpointCount,
    model: new RecordingMeter(sim).bytes(),
    hash: sim.traceHash(),
  };
  // keep the run alive until it has been measured
  if (replay.step !== 0) throw new Error('unreachable');
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

const rows: string[][] = [
  ['workload', 'steps', 'messages', 'heap', 'B/step', 'model B/step', 'checkpoints', 'B/checkpoint'],
];
for (const w of WORKLOADS) {
  const full: number[] = [];
  const bare: number[] = [];
  let last: ReturnType<typeof record> | null = null;
  for (let r = 0; r < RUNS; r++) {
    last = record(w.link);
    full.push(last.bytes);
    const onlyZero = record(w.link, Number.MAX_SAFE_INTEGER);
    bare.push(onlyZero.bytes);
    if (onlyZero.hash !== last.hash) throw new Error(`${w.name}: the checkpoint spacing changed the run`);
  }
  const heapFull = median(full);
  const perCheckpoint = (heapFull - median(bare)) / Math.max(1, last!.checkpoints - 1);
  rows.push([
    w.name,
    String(last!.steps),
    String(last!.sends),
    `${(heapFull / 2 ** 20).toFixed(1)} MB`,
    (heapFull / last!.steps).toFixed(0),
    (last!.model / last!.steps).toFixed(0),
    String(last!.checkpoints),
    perCheckpoint < 1024 ? `${perCheckpoint.toFixed(0)} B` : kb(perCheckpoint),
  ]);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log(
  `recorded runs (trace, checkpoints, event journal, Replay indexes) held on the heap; medians of ${RUNS} runs; ` +
    `B/checkpoint = (heap − heap with checkpoint 0 only) / checkpoints; node ${process.version} (no pointer compression)`,
);
