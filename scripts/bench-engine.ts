/**
 * Engine benchmark (docs/architecture.md, Performance goals): LCR worst case (ids decreasing cw, n(n+1)/2 deliveries), async with
 * seeded delays and FIFO links, headless (recording off). Beside it, in the same process run, a bare
 * typed-array heap doing the same work — the baseline the engine is measured against — and, for sync
 * mode, a plain ring buffer (the upper bound). Prints medians of several runs.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { lcr } from '../src/algorithms/lcr';
import { Prng } from '../src/engine/prng';
import { EventQueue } from '../src/engine/queue';
import { Simulation } from '../src/engine/simulation';
import { ring } from '../src/topology/ring';
import { buildContexts } from '../src/engine/context';
import { TraceHasher } from '../src/engine/hash';

const desc = (n: number) => Array.from({ length: n }, (_, i) => n - i);

/** The engine as the CLI runs it: recording off, trace hash and monitors on (`hash: false` for comparison). */
function engineRun(n: number, mode: 'sync' | 'async', hash = true): { deliveries: number; ms: number } {
  const sim = new Simulation({
    algorithm: lcr,
    params: { announce: false },
    graph: ring(desc(n), false),
    timing: { mode, maxDelay: 10 },
    seed: 1,
    faults: { crashed: [], crashes: [] },
    record: false,
    hash,
    stepBudget: Number.MAX_SAFE_INTEGER,
  });
  const t0 = performance.now();
  sim.runToEnd();
  const ms = performance.now() - t0;
  return { deliveries: sim.getCounters().delivered, ms };
}

/** The baseline: the same LCR worst case on a typed-array binary heap, no framework, no allocation. */
function heapBaseline(n: number): { deliveries: number; ms: number } {
  const ids = Int32Array.from(desc(n));
  const cap = 1 << 16;
  let hTime = new Float64Array(cap);
  let hSeq = new Float64Array(cap);
  let hNode = new Int32Array(cap);
  let hVal = new Int32Array(cap);
  let size = 0;
  const linkLast = new Float64Array(n);
  const prng = new Prng(1);
  let seq = 0;
  const push = (t: number, node: number, v: number) => {
    if (size === hTime.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (l: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      hTime = grow(hTime);
      hSeq = grow(hSeq);
      hNode = grow(hNode);
      hVal = grow(hVal);
    }
    const s = seq++;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hTime[p]! < t || (hTime[p] === t && hSeq[p]! < s)) break;
      hTime[i] = hTime[p]!;
      hSeq[i] = hSeq[p]!;
      hNode[i] = hNode[p]!;
      hVal[i] = hVal[p]!;
      i = p;
    }
    hTime[i] = t;
    hSeq[i] = s;
    hNode[i] = node;
    hVal[i] = v;
  };
  const send = (now: number, from: number, v: number) => {
    const to = from + 1 === n ? 0 : from + 1;
    let at = now + prng.int(1, 10);
    if (linkLast[from]! > at) at = linkLast[from]!;
    linkLast[from] = at;
    push(at, to, v);
  };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) send(0, i, ids[i]!);
  let deliveries = 0;
  while (size > 0) {
    const now = hTime[0]!;
    const node = hNode[0]!;
    const v = hVal[0]!;
    const last = --size;
    if (last > 0) {
      const t = hTime[last]!;
      const s = hSeq[last]!;
      const nd = hNode[last]!;
      const vl = hVal[last]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        if (
          c + 1 < last &&
          (hTime[c + 1]! < hTime[c]! || (hTime[c + 1] === hTime[c] && hSeq[c + 1]! < hSeq[c]!))
        )
          c++;
        if (t < hTime[c]! || (t === hTime[c] && s < hSeq[c]!)) break;
        hTime[i] = hTime[c]!;
        hSeq[i] = hSeq[c]!;
        hNode[i] = hNode[c]!;
        hVal[i] = hVal[c]!;
        i = c;
      }
      hTime[i] = t;
      hSeq[i] = s;
      hNode[i] = nd;
      hVal[i] = vl;
    }
    deliveries++;
    const u = ids[node]!;
    if (v > u) send(now, node, v);
  }
  return { deliveries, ms: performance.now() - t0 };
}

/** Sync upper bound: rounds as plain ring buffers, no heap at all. */
function ringBufferBound(n: number): { deliveries: number; ms: number } {
  const ids = Int32Array.from(desc(n));
  let cur = new Int32Array(n).fill(-1);
  let next = new Int32Array(n).fill(-1);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) cur[(i + 1) % n] = ids[i]!;
  let deliveries = 0;
  for (let active = n; active > 0;) {
    active = 0;
    for (let i = 0; i < n; i++) {
      const v = cur[i]!;
      if (v < 0) continue;
      cur[i] = -1;
      deliveries++;
      if (v > ids[i]!) {
        next[(i + 1) % n] = v;
        active++;
      }
    }
    const t = cur;
    cur = next;
    next = t;
  }
  return { deliveries, ms: performance.now() - t0 };
}

/**
 * What any engine that calls the algorithm's own handler can reach in sync mode: the ring buffer
 * above, with LCR's `onMessage` called once per delivery (its reaction read for the forwarded uid) —
 * no counters, no monitors, no FIFO bookkeeping; with `hash`, the trace hash's words for the step and
 * its send (hash.ts: step, sender, seq, send). The engine cannot beat this ceiling, so its ratio
 * to the ring buffer is the most the sync goal can ask of it. With `handler` false, LCR's rule is
 * inline and only the hash is added: what the hash alone costs.
 */
function handlerCeiling(n: number, hash: boolean, handler = true): { deliveries: number; ms: number } {
  const graph = ring(desc(n), false);
  const ctx = buildContexts(graph, { mode: 'sync', maxDelay: 1 }, { crashed: [], crashes: [] }, false, 1);
  const params = { announce: false };
  const states = ctx.map((c) => lcr.init(c, params).state);
  const h = new TraceHasher(lcr.kinds);
  type Msg = Parameters<typeof lcr.onMessage>[2];
  let cur: (Msg | null)[] = new Array<Msg | null>(n).fill(null);
  let next: (Msg | null)[] = new Array<Msg | null>(n).fill(null);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) cur[(i + 1) % n] = { kind: 'election', uid: graph.ids[i]! };
  let deliveries = 0;
  let round = 1;
  for (let active = n; active > 0; round++) {
    active = 0;
    for (let i = 0; i < n; i++) {
      const m = cur[i];
      if (!m) continue;
      cur[i] = null;
      deliveries++;
      const from = i === 0 ? n - 1 : i - 1;
      // Without the handler, LCR's rule inline: forward a larger uid.
      const r = handler
        ? lcr.onMessage(states[i]!, graph.ids[from]!, m, ctx[i]!, params)
        : {
            state: states[i]!,
            send: m.kind === 'election' && m.uid > graph.ids[i]! ? [{ to: ctx[i]!.cw, msg: m }] : undefined,
          };
      states[i] = r.state;
      if (hash) {
        h.step('deliver', round, graph.ids[i]!);
        h.num(graph.ids[from]!);
        h.num(deliveries);
      }
      if (r.send) {
        const out = r.send[0]!;
        next[i + 1 === n ? 0 : i + 1] = out.msg;
        if (hash) h.send(out.to, round + 1, out.msg);
        active++;
      }
    }
    const t = cur;
    cur = next;
    next = t;
  }
  return { deliveries, ms: performance.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(f: () => { deliveries: number; ms: number }, runs: number) {
  f(); // warm-up
  const rates: number[] = [];
  let deliveries = 0;
  for (let i = 0; i < runs; i++) {
    const r = f();
    deliveries = r.deliveries;
    rates.push(r.deliveries / (r.ms / 1000));
  }
  return { deliveries, rate: median(rates) };
}

const fmt = (x: number) => `${(x / 1e6).toFixed(2)} M/s`;
const sizes = (process.argv[2] ?? '1000,5000').split(',').map(Number);
const rows: string[][] = [
  ['workload', 'deliveries', 'engine, hash on (as the CLI)', 'baseline', 'ratio', 'hash off', 'ratio'],
];
type Measured = ReturnType<typeof measure>;
/** One row: a rate with the hash on (and off, when measured) against a baseline's rate. */
const row = (label: string, on: Measured, base: Measured, baseName: string, off?: Measured) =>
  rows.push([
    label,
    String(on.deliveries),
    fmt(on.rate),
    `${fmt(base.rate)} (${baseName})`,
    (on.rate / base.rate).toFixed(2),
    off ? fmt(off.rate) : '',
    off ? (off.rate / base.rate).toFixed(2) : '',
  ]);
for (const n of sizes) {
  const runs = n <= 1000 ? 9 : 5;
  const base = measure(() => heapBaseline(n), runs);
  const eng = measure(() => engineRun(n, 'async'), runs);
  const bare = measure(() => engineRun(n, 'async', false), runs);
  if (eng.deliveries !== base.deliveries)
    throw new Error(`delivery counts differ: ${eng.deliveries} vs ${base.deliveries}`);
  row(`LCR worst async n=${n}`, eng, base, 'typed-array heap', bare);
  const bound = measure(() => ringBufferBound(n), runs);
  const sync = measure(() => engineRun(n, 'sync'), runs);
  row(
    `LCR worst sync n=${n}`,
    sync,
    bound,
    'ring buffer',
    measure(() => engineRun(n, 'sync', false), runs),
  );
  const ceiling = measure(() => handlerCeiling(n, true), runs);
  row(
    `  ceiling: ring buffer + LCR's handler`,
    ceiling,
    bound,
    'ring buffer',
    measure(() => handlerCeiling(n, false), runs),
  );
  row(
    `  ceiling: ring buffer + the hash only`,
    measure(() => handlerCeiling(n, true, false), runs),
    bound,
    'ring buffer',
  );
}

// The CLI as a user runs it (`npm run sim`, tsx, hash on) on LCR worst case async, against the bare
// heap's time for the same n in this process: start-up, parsing and the summary included.
for (const n of (process.env.BENCH_CLI ?? '10000')
  .split(',')
  .map(Number)
  .filter((x) => x > 0)) {
  const base = heapBaseline(n);
  const args = ['--import', 'tsx', 'src/cli/main.ts', '--algorithm', 'lcr', '--n', String(n)];
  const t0 = performance.now();
  const cli = spawnSync(
    process.execPath,
    [...args, '--ids', 'desc', '--mode', 'async', '--quiet', '--json'],
    {
      encoding: 'utf8',
    },
  );
  const ms = performance.now() - t0;
  if (cli.status !== 0) throw new Error(`the CLI failed: ${cli.stderr}`);
  const out = JSON.parse(cli.stdout) as { messagesByKind: { election: number } };
  if (out.messagesByKind.election !== base.deliveries)
    throw new Error(`election messages differ: ${out.messagesByKind.election} vs ${base.deliveries}`);
  rows.push([
    `CLI: LCR worst async n=${n}`,
    String(base.deliveries),
    `${(ms / 1000).toFixed(1)} s`,
    `${(base.ms / 1000).toFixed(1)} s (typed-array heap)`,
    `${(ms / base.ms).toFixed(2)}× the time`,
    '',
    '',
  ]);
}

// Memory per queued event: the queue's typed arrays per slot, plus the payload reference.
const q = new EventQueue(1 << 20);
const perSlot =
  8 /* key */ +
  8 /* seq */ +
  4 /* next in its bucket's list */ +
  1 /* type */ +
  4 /* node */ +
  4 /* from */ +
  8 /* sendTime */ +
  4 /* sendStep */ +
  4 /* free list */ +
  8; /* payload pointer */
void q;
// Stepping back in a recorded run of about 10^6 steps (goal: ≤ 50 ms).
{
  const n = 1414; // LCR worst case with the announcement: n(n+1)/2 + n deliveries + n wake-ups ≈ 10^6 steps
  const sim = new Simulation({
    algorithm: lcr,
    params: { announce: true },
    graph: ring(desc(n), false),
    timing: { mode: 'async', maxDelay: 10 },
    seed: 1,
    faults: { crashed: [], crashes: [] },
    stepBudget: Number.MAX_SAFE_INTEGER,
  }).runToEnd();
  const end = sim.step;
  const seeks: number[] = [];
  const backs: number[] = [];
  for (let i = 0; i < 41; i++) {
    const k = Math.floor((((i * 7919) % 1000) / 1000) * end);
    let t0 = performance.now();
    sim.seek(k);
    seeks.push(performance.now() - t0);
    t0 = performance.now();
    sim.stepBack();
    backs.push(performance.now() - t0);
  }
  const worst = (xs: number[]) => Math.max(...xs);
  rows.push([
    `seek to a random step of ${end}`,
    '',
    `${median(seeks).toFixed(2)} ms median`,
    `${worst(seeks).toFixed(1)} ms worst`,
    '',
    '',
    '',
  ]);
  rows.push([
    `step back at a random step`,
    '',
    `${median(backs).toFixed(2)} ms median`,
    `${worst(backs).toFixed(1)} ms worst`,
    '',
    '',
    '',
  ]);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log(
  `queue memory: ${perSlot} B per queued event (typed arrays + payload pointer; the message object is shared when forwarded)`,
);
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `medians of ${sizes.map((n) => (n <= 1000 ? 9 : 5)).join('/')} runs after a warm-up; node ${process.version}`,
);
