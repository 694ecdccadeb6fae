import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { parseFlat } from '../../src/scenario/parse';
import { traceToJson, TraceWriter } from '../../src/scenario/trace';
import type { Scenario } from '../../src/scenario/types';

function finished(flat: Record<string, string>): { sim: Simulation; scenario: Scenario } {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const r = buildRun(p.value);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return { sim: new Simulation({ ...r.value, record: true, hash: true }).runToEnd(), scenario: p.value };
}

/** Writes in slices of `every` asks of `enough`, taking the text after each slice. */
function sliced(w: TraceWriter, every: number): { text: string; slices: number; fractions: number[] } {
  const parts: string[] = [];
  const fractions: number[] = [];
  let slices = 0;
  for (;;) {
    let asked = 0;
    const done = w.write(() => ++asked >= every);
    parts.push(w.take());
    fractions.push(w.fraction);
    slices++;
    if (done) break;
  }
  return { text: parts.join(''), slices, fractions };
}

describe('the trace written in slices', () => {
  it('is the same text as written at once, in about steps / 64 slices of one ask each', () => {
    const { sim, scenario } = finished({ alg: 'bully', n: '30' });
    const whole = traceToJson(sim, scenario);
    const w = new TraceWriter(sim, scenario);
    const { text, slices, fractions } = sliced(w, 1);
    expect(text).toBe(whole);
    // Asked after every 64 steps, except after the last: ⌈steps / 64⌉ slices.
    expect(slices).toBe(Math.ceil(sim.step / 64));
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThan(fractions[i - 1]!);
    // A file one can read back: every step, in order.
    const data = JSON.parse(text) as { steps: { step: number }[]; stepsWritten: number };
    expect(data.stepsWritten).toBe(sim.step);
    expect(data.steps.map((s) => s.step)).toEqual(Array.from({ length: sim.step }, (_, i) => i + 1));
  });

  it('writes a run of no steps, and a capped one, like traceToJson', () => {
    const { sim, scenario } = finished({ alg: 'lcr', n: '8' });
    const capped = new TraceWriter(sim, scenario, { maxSteps: 100 });
    expect(sliced(capped, 1).text).toBe(traceToJson(sim, scenario, { maxSteps: 100 }));
    const none = new TraceWriter(sim, scenario, { maxSteps: 0 });
    const text = sliced(none, 1).text;
    expect(text).toBe(traceToJson(sim, scenario, { maxSteps: 0 }));
    expect((JSON.parse(text) as { steps: unknown[] }).steps).toEqual([]);
  });
});
