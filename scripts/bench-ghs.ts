/**
 * GHS on hubs, and how `--max-steps` bounds wall time (issue 9 item 3). Every run is the CLI path:
 * the flat options parsed and built as `npm run sim` does, then a Simulation with recording off and
 * the trace hash on, run to its end or its step budget, and summarised. Prints medians.
 *
 * 1. GHS on a star (one hub of degree n − 1) against a random connected graph of the same n, in the
 *    same process run: the ratio of their times (the goal is ≤ 2 at n = 20,000).
 * 2. For every algorithm on its worst shape (long ring, complete graph, star), the time of the run
 *    stopped at 10⁴ and at 10⁵ steps: with a per-step cost that does not grow, the ratio is ~10.
 */
import { Simulation } from '../src/engine/simulation';
import { buildRun } from '../src/scenario/build';
import { parseFlat, type Flat } from '../src/scenario/parse';
import { summarize } from '../src/scenario/summary';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timed {
  /** Parse, build the graph and the simulation: the same whatever the step budget. */
  setupMs: number;
  /** Run to the end or the budget, and summarise. */
  runMs: number;
  steps: number;
  done: boolean;
}

function cliRun(flat: Flat, maxSteps?: number): Timed {
  const t0 = performance.now();
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const run = buildRun(parsed.value);
  if (!run.ok) throw new Error(run.errors.map((e) => e.message).join('; '));
  const sim = new Simulation({
    ...run.value,
    record: false,
    hash: true,
    ...(maxSteps ? { stepBudget: maxSteps } : {}),
  });
  const t1 = performance.now();
  sim.runToEnd();
  summarize(sim);
  const t2 = performance.now();
  return { setupMs: t1 - t0, runMs: t2 - t1, steps: sim.step, done: sim.terminated };
}

const fmtS = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

const runs = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const sizes = (process.argv[2] ?? '5000,20000').split(',').map(Number);

console.log(`### GHS: star against a random connected graph (CLI path, hash on; medians of ${runs} runs)`);
const hubRows: string[][] = [['n', 'mode', 'events', 'star', 'random', 'star / random']];
for (const n of sizes)
  for (const mode of ['sync', 'async']) {
    const star: number[] = [];
    const random: number[] = [];
    let events = '';
    for (let i = 0; i < runs; i++) {
      // Alternate the two so that a busy moment on the machine hits both alike.
      const s = cliRun({ alg: 'ghs', topo: 'star', n: String(n), mode });
      const r = cliRun({ alg: 'ghs', topo: 'random', n: String(n), mode });
      star.push(s.setupMs + s.runMs);
      random.push(r.setupMs + r.runMs);
      events = `${s.steps} / ${r.steps}`;
    }
    const [ms, mr] = [median(star), median(random)];
    hubRows.push([String(n), mode, events, fmtS(ms), fmtS(mr), (ms / mr).toFixed(2)]);
  }
table(hubRows);

console.log(`\n### --max-steps 10⁴ and 10⁵ on each algorithm's worst shape (run time, medians of ${runs})`);
const worst: [string, Flat][] = [
  ['lcr, ring, ids descending', { alg: 'lcr', n: '2000', ids: 'desc', mode: 'async' }],
  ['chang-roberts, ring, descending', { alg: 'chang-roberts', n: '2000', ids: 'desc', mode: 'async' }],
  ['hs, ring', { alg: 'hs', n: '8192', ids: 'random', mode: 'async' }],
  ['peterson, ring', { alg: 'peterson', n: '16384', ids: 'random', mode: 'async' }],
  ['bully, complete graph', { alg: 'bully', n: '400', mode: 'async' }],
  ['tree, star', { alg: 'tree', topo: 'star', n: '20000', mode: 'async' }],
  ['ghs, star', { alg: 'ghs', topo: 'star', n: '20000', mode: 'async' }],
  ['ghs, complete graph', { alg: 'ghs', topo: 'complete', n: '400', mode: 'async' }],
  ['ghs, random graph', { alg: 'ghs', topo: 'random', n: '20000', mode: 'async' }],
];
const stepRows: string[][] = [
  ['workload', 'setup', '10⁴ steps', '10⁵ steps', 'ratio', 'µs/step (10⁴ → 10⁵)'],
];
for (const [name, flat] of worst) {
  cliRun(flat, 10_000); // warm-up: compile the handlers before timing them
  const at = (budget: number) => {
    const t: Timed[] = [];
    for (let i = 0; i < runs; i++) t.push(cliRun(flat, budget));
    return { ...t[0]!, setupMs: median(t.map((x) => x.setupMs)), runMs: median(t.map((x) => x.runMs)) };
  };
  const a = at(10_000);
  const b = at(100_000);
  const per = (x: Timed) => ((1000 * x.runMs) / x.steps).toFixed(1);
  const ended = b.done ? ` (ends at ${b.steps})` : '';
  stepRows.push([
    name,
    `${a.setupMs.toFixed(0)} ms`,
    `${a.runMs.toFixed(0)} ms`,
    `${b.runMs.toFixed(0)} ms${ended}`,
    (b.runMs / a.runMs).toFixed(1),
    `${per(a)} → ${per(b)}`,
  ]);
}
table(stepRows);
console.log(
  'setup = parse, build the graph and the simulation (the same for any --max-steps); ratio = 10⁵-step time / 10⁴-step time.',
);
