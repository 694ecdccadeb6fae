// The explorer of every schedule (docs/explorer.md): states per second of CPU on the cases the docs
// measure, median of 3. CPU time beside wall time, since this machine is shared.
import { exploreScenario } from '../src/explorer';
import { parseFlat } from '../src/scenario/parse';

const CASES: { label: string; flat: Record<string, string> }[] = [
  { label: 'LCR 6..1', flat: { alg: 'lcr', ids: '6,5,4,3,2,1' } },
  { label: 'LCR 8 desc', flat: { alg: 'lcr', n: '8', ids: 'desc' } },
  { label: 'Peterson 7 desc', flat: { alg: 'peterson', n: '7', ids: 'desc' } },
  { label: 'HS 6 desc', flat: { alg: 'hs', n: '6', ids: 'desc' } },
  { label: 'Franklin 6 desc', flat: { alg: 'franklin', n: '6', ids: 'desc' } },
  {
    label: 'GHS 5 nodes, 7 edges',
    flat: { alg: 'ghs', ids: '1,2,3,4,5', edges: '1-2:3,2-3:1,3-4:4,4-5:2,5-1:7,1-3:5,2-4:6' },
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const { label, flat } of CASES) {
  const parsed = parseFlat({ v: '1', mode: 'async', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const wall: number[] = [];
  const cpu: number[] = [];
  let states = 0;
  let transitions = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = exploreScenario(parsed.value, { maxStates: 2_000_000 });
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
    if (!r.ok || !r.summary.complete) throw new Error(`${label}: ${r.ok ? 'incomplete' : r.message}`);
    states = r.summary.states;
    transitions = r.summary.transitions;
  }
  const ms = median(cpu);
  console.log(
    `explore ${label.padEnd(22)} ${String(states).padStart(7)} states ${String(transitions).padStart(8)} transitions  cpu ${ms.toFixed(0).padStart(5)} ms  wall ${median(wall).toFixed(0).padStart(5)} ms  ${Math.round((states / ms) * 1000)} states/s`,
  );
}
