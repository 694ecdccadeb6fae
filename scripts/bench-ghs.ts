/**
 * GHS on hubs, and how `--max-steps` bounds wall time (issue 9 item 3). Every run is the CLI path:
 * the flat options parsed and built as `npm run sim` does, then a Simulation with recording off and
 * the trace hash on, run to its end or its step budget, and summarised. Prints medians.
 *
 * 1. GHS on a star (one hub of degree n − 1) against a random connected graph of the same n, in the
 *    same process run: the ratio of their times (the goal is ≤ 2 at n = 20,000).
 * 2. For every algorithm on its worst shape (long ring, complete graph, star), the time of the run
 *    stopped at 10⁴ and at 10⁵ steps: with a per-step cost that does not grow, the ratio is ~10.
 *
 * Both print wall time and CPU time (process.cpuUsage: this process, user + system). On a machine
 * shared with other work, wall time swings by 2–3× from one run to the next; CPU time much less.
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
  /** CPU time of setup and run together. */
  cpuMs: number;
  /** CPU time of the run alone. */
  runCpuMs: number;
  steps: number;
  done: boolean;
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function cliRun(flat: Flat, maxSteps?: number): Timed {
  const c0 = cpuNow();
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
  const c1 = cpuNow();
  const t1 = performance.now();
  sim.runToEnd();
  summarize(sim);
  const t2 = performance.now();
  const c2 = cpuNow();
  return {
    setupMs: t1 - t0,
    runMs: t2 - t1,
    cpuMs: c2 - c0,
    runCpuMs: c2 - c1,
    steps: sim.step,
    done: sim.terminated,
  };
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

const runs = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const sizes = (process.argv[2] ?? '5000,20000').split(',').map(Number);

console.log(`### GHS: star against a random connected graph (CLI path, hash on; medians of ${runs} runs)`);
const hubRows: string[][] = [
  ['n', 'mode', 'events star / random', 'star', 'random', 'star / random', 'on cpu time'],
];
for (const n of sizes)
  for (const mode of ['sync', 'async']) {
    const star: Timed[] = [];
    const random: Timed[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate the two so that a busy moment on the machine hits both alike.
      star.push(cliRun({ alg: 'ghs', topo: 'star', n: String(n), mode }));
      random.push(cliRun({ alg: 'ghs', topo: 'random', n: String(n), mode }));
    }
    const wall = (t: Timed[]) => median(t.map((x) => x.setupMs + x.runMs));
    const cpu = (t: Timed[]) => median(t.map((x) => x.cpuMs));
    hubRows.push([
      String(n),
      mode,
      `${star[0]!.steps} / ${random[0]!.steps}`,
      fmtS(wall(star)),
      fmtS(wall(random)),
      (wall(star) / wall(random)).toFixed(2),
      (cpu(star) / cpu(random)).toFixed(2),
    ]);
  }
table(hubRows);

console.log(`\n### --max-steps 10⁴ and 10⁵ on each algorithm's worst shape (medians of ${runs})`);
const worst: [string, Flat][] = [
  ['lcr, ring, ids descending', { alg: 'lcr', n: '2000', ids: 'desc', mode: 'async' }],
  ['chang-roberts, ring, descending', { alg: 'chang-roberts', n: '2000', ids: 'desc', mode: 'async' }],
  // n = 4,096: big enough for 10⁵ steps, small enough that the first 10⁴ are not all wake-ups.
  ['hs, ring', { alg: 'hs', n: '4096', ids: 'random', mode: 'async' }],
  ['peterson, ring', { alg: 'peterson', n: '4096', ids: 'random', mode: 'async' }],
  ['bully, complete graph', { alg: 'bully', n: '400', mode: 'async' }],
  ['tree, star', { alg: 'tree', topo: 'star', n: '20000', mode: 'async' }],
  ['ghs, star', { alg: 'ghs', topo: 'star', n: '20000', mode: 'async' }],
  ['ghs, complete graph', { alg: 'ghs', topo: 'complete', n: '400', mode: 'async' }],
  ['ghs, random graph', { alg: 'ghs', topo: 'random', n: '20000', mode: 'async' }],
];
const stepRows: string[][] = [
  [
    'workload',
    'setup',
    '10⁴ steps: wall / cpu',
    '10⁵ steps: wall / cpu',
    'cpu ratio',
    'cpu µs/step, 10⁴ → 10⁵',
  ],
];
for (const [name, flat] of worst) {
  cliRun(flat, 10_000); // warm-up: compile the handlers before timing them
  const at = (budget: number): Timed => {
    const t: Timed[] = [];
    for (let i = 0; i < runs; i++) t.push(cliRun(flat, budget));
    return {
      ...t[0]!,
      setupMs: median(t.map((x) => x.setupMs)),
      runMs: median(t.map((x) => x.runMs)),
      runCpuMs: median(t.map((x) => x.runCpuMs)),
    };
  };
  const a = at(10_000);
  const b = at(100_000);
  const ms = (x: Timed) => `${x.runMs.toFixed(0)} / ${x.runCpuMs.toFixed(0)} ms`;
  const per = (x: Timed) => ((1000 * x.runCpuMs) / x.steps).toFixed(1);
  stepRows.push([
    name,
    `${a.setupMs.toFixed(0)} ms`,
    ms(a),
    `${ms(b)}${b.done ? ` (ends at ${b.steps})` : ''}`,
    (b.runCpuMs / a.runCpuMs).toFixed(1),
    `${per(a)} → ${per(b)}`,
  ]);
}
table(stepRows);
console.log(
  'setup = parse, build the graph and the simulation (the same for any --max-steps); cpu ratio = 10⁵-step / 10⁴-step run.',
);
console.log(
  'Steps differ in kind, so the ratio strays from 10 either way: wake-ups come first (the first 10⁴ steps of a 20,000-node run are all wake-ups, one send each), and on a hub or a complete graph the early steps send the most.',
);
