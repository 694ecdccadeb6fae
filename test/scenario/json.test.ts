import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { scenarioFromJson, scenarioToJson, SCENARIO_FORMAT, TRACE_FORMAT } from '../../src/scenario/json';
import { findPreset } from '../../src/scenario/presets';
import { runTraceJson, traceToJson } from '../../src/scenario/trace';
import type { FieldError, Result, Scenario } from '../../src/scenario/types';
import { decodeScenario, encodeScenario } from '../../src/scenario/url';
import { validScenario } from './arbitraries';

function scenario(link: string): Scenario {
  const d = decodeScenario(link);
  if (!d.ok) throw new Error(d.errors[0]!.message);
  return d.value;
}

function errors(r: Result<unknown>): FieldError[] {
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const LCR8 = 'v=1&alg=lcr&n=8&ids=desc&mode=sync';

describe('scenario files', () => {
  it('round trip: fromJson(toJson(s)) = s for random valid scenarios', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        expect(scenarioFromJson(scenarioToJson(s))).toEqual({ ok: true, value: s });
      }),
      { numRuns: 300 },
    );
  });

  it('is pretty, tagged with its format and version', () => {
    const text = scenarioToJson(scenario(`${LCR8}&step=3`));
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(data.format).toBe(SCENARIO_FORMAT);
    expect(data.v).toBe(1);
    expect(data.step).toBe(3);
    expect(text.split('\n').length).toBeGreaterThan(10);
    expect(text).toContain('\n  "algorithm": "lcr",\n');
  });

  it('writes an edge list one edge a line', () => {
    const text = scenarioToJson(scenario('v=1&alg=ghs&ids=1,2,3&edges=1-2:3,2-3:1.5&mode=sync'));
    expect(text).toContain('\n      {"a":1,"b":2,"w":3},\n      {"a":2,"b":3,"w":1.5}\n');
  });

  it('reads a hand-written file with only the fields it needs, defaults for the rest', () => {
    const r = scenarioFromJson(JSON.stringify({ format: SCENARIO_FORMAT, v: 1, algorithm: 'lcr' }));
    expect(r).toEqual(decodeScenario('v=1&alg=lcr'));
  });

  it('malformed JSON: the line and column', () => {
    const [e] = errors(scenarioFromJson('{\n  "format": "leader-election-lab/scenario",\n  "v": 1,,\n}'));
    expect(e!.field).toBe('json');
    expect(e!.message).toMatch(/^not valid JSON at line 3, column 10 /);
    expect(errors(scenarioFromJson('   '))[0]!.message).toBe('the file is empty');
  });

  it('wrong types: one error per field, named by its path', () => {
    const bad = {
      format: SCENARIO_FORMAT,
      v: 1,
      algorithm: 'lcr',
      topology: { kind: 'ring-uni', n: '8' },
      ids: { list: [3, 'x', 1] },
      timing: { mode: 'sync', maxDelay: 2.5 },
      seed: null,
      params: { announce: 'yes' },
    };
    const es = errors(scenarioFromJson(JSON.stringify(bad)));
    expect(es).toEqual([
      { field: 'topology.n', message: 'topology.n must be a whole number, not the text "8"' },
      { field: 'ids.list[1]', message: 'ids.list[1] must be a whole number, not the text "x"' },
      { field: 'timing.maxDelay', message: 'timing.maxDelay must be a whole number, not 2.5' },
      { field: 'seed', message: 'seed must be a whole number, not null' },
      { field: 'params.announce', message: 'params.announce must be true or false, not the text "yes"' },
    ]);
  });

  it('unknown fields, at the top and inside', () => {
    const es = errors(
      scenarioFromJson(
        JSON.stringify({
          format: SCENARIO_FORMAT,
          v: 1,
          algorithm: 'lcr',
          colour: 'red',
          timing: { mode: 'sync', speed: 2 },
        }),
      ),
    );
    expect(es.map((e) => e.field)).toEqual(['colour', 'timing.speed']);
    expect(es[0]!.message).toMatch(/colour is not a field of a scenario file/);
  });

  it('not a scenario file, or a newer one', () => {
    expect(errors(scenarioFromJson('[1, 2]'))[0]!.message).toMatch(/holds one object/);
    expect(errors(scenarioFromJson('{"v": 1, "algorithm": "lcr"}'))[0]).toEqual({
      field: 'format',
      message: `not a scenario file: "format": "${SCENARIO_FORMAT}" is missing`,
    });
    const newer = errors(
      scenarioFromJson(JSON.stringify({ format: SCENARIO_FORMAT, v: 2, algorithm: 'lcr', shape: 'new' })),
    );
    expect(newer).toEqual([
      {
        field: 'v',
        message: expect.stringMatching(
          /unsupported version v=2: made by a newer Leader Election Lab/,
        ) as unknown as string,
      },
    ]);
    expect(
      errors(scenarioFromJson(JSON.stringify({ format: SCENARIO_FORMAT, algorithm: 'lcr' })))[0],
    ).toEqual({
      field: 'v',
      message: 'v is missing',
    });
  });

  it('a file and a link give the same verdict, with the file’s field names', () => {
    const link = errors(decodeScenario('v=1&alg=lcr&ids=1,1,2'));
    const file = errors(
      scenarioFromJson(
        JSON.stringify({ format: SCENARIO_FORMAT, v: 1, algorithm: 'lcr', ids: { list: [1, 1, 2] } }),
      ),
    );
    expect(file).toEqual([{ field: 'ids', message: link[0]!.message }]);
    const n = errors(
      scenarioFromJson(
        JSON.stringify({
          format: SCENARIO_FORMAT,
          v: 1,
          algorithm: 'lcr',
          topology: { kind: 'ring-uni', n: 999999 },
        }),
      ),
    );
    expect(n).toEqual([
      { field: 'topology.n', message: errors(decodeScenario('v=1&alg=lcr&n=999999'))[0]!.message },
    ]);
  });

  it('agrees with the link on every random valid scenario', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        expect(scenarioFromJson(scenarioToJson(s))).toEqual(decodeScenario(encodeScenario(s)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('trace files', () => {
  const s = scenario(LCR8);
  const run = buildRun(s);
  if (!run.ok) throw new Error('LCR must build');
  const sim = new Simulation({ ...run.value }).runToEnd();
  const text = traceToJson(sim, s);
  const trace = JSON.parse(text) as {
    format: string;
    link: string;
    summary: { messages: number; events: number; leader: number; messagesByKind: Record<string, number> };
    finished: boolean;
    stepsWritten: number;
    steps: {
      step: number;
      time: number;
      kind: string;
      node: number;
      from?: number;
      message?: string;
      fields?: Record<string, unknown>;
      seq?: number;
      sends: { seq: number; to: number; message: string; deliverAt: number }[];
      note: string;
      roleBefore: string;
      roleAfter: string;
      changes?: Record<string, [unknown, unknown]>;
    }[];
  };

  it('holds the scenario, its link and the CLI summary', () => {
    expect(trace.format).toBe(TRACE_FORMAT);
    expect(decodeScenario(trace.link)).toEqual({ ok: true, value: s });
    expect(scenarioFromJson(text)).toEqual({ ok: true, value: s });
    // LCR, ids decreasing: n(n+1)/2 = 36 election messages and n = 8 for the announcement (C3)
    expect(trace.summary.messagesByKind).toEqual({ election: 36, elected: 8 });
    expect(trace.summary.leader).toBe(8);
    expect(trace.finished).toBe(true);
  });

  it('one record per step, every send delivered later with the same seq', () => {
    // n inits + one delivery per message
    expect(trace.steps.length).toBe(8 + 44);
    expect(trace.stepsWritten).toBe(trace.steps.length);
    expect(trace.steps.map((x) => x.step)).toEqual(trace.steps.map((_, i) => i + 1));
    expect(trace.steps.slice(0, 8).every((x) => x.kind === 'init' && x.time === 0)).toBe(true);
    const sends = trace.steps.flatMap((x) => x.sends.map((m) => ({ ...m, from: x.node })));
    expect(sends.length).toBe(trace.summary.messages);
    for (const m of sends) {
      const delivery = trace.steps.find((x) => x.seq === m.seq)!;
      expect(delivery).toMatchObject({
        kind: 'deliver',
        node: m.to,
        from: m.from,
        time: m.deliverAt,
        message: m.message,
      });
    }
    for (const x of trace.steps) expect(x.note.length).toBeGreaterThan(0);
  });

  it('labels messages and shows role changes and what changed in the inspector view', () => {
    const first = trace.steps[0]!;
    // ids desc: position 0 is 8, whose clockwise neighbour is 7; a sync send arrives in round 1
    expect(first).toMatchObject({ node: 8, sends: [{ to: 7, message: 'election(8)', deliverAt: 1 }] });
    const win = trace.steps.find((x) => x.roleAfter === 'leader' && x.roleBefore !== 'leader')!;
    expect(win).toMatchObject({ node: 8, message: 'election(8)', fields: { kind: 'election', uid: 8 } });
    expect(win.changes?.status).toEqual(['unknown', 'chosen']);
  });

  it('stops short when asked, and says so', () => {
    const short = JSON.parse(traceToJson(sim, s, { maxSteps: 10 })) as typeof trace & { notes: string[] };
    expect(short.steps.length).toBe(10);
    expect(short.notes.join(' ')).toMatch(/only the first 10 of 52 steps/);
  });

  it('exports up to the cursor, with the summary at the cursor', () => {
    const partial = new Simulation({ ...run.value });
    partial.seek(20);
    const t = JSON.parse(traceToJson(partial, s)) as typeof trace;
    expect(t.steps.length).toBe(20);
    expect(t.finished).toBe(false);
    expect(t.summary.events).toBe(20);
  });

  it('is valid JSON for every preset algorithm, ∞ included (GHS)', () => {
    for (const id of ['ghs-10', 'bully-coordinator-crash', 'hs-16']) {
      const preset = findPreset(id)!;
      const r = runTraceJson(scenario(preset.link));
      expect(r.ok).toBe(true);
      if (r.ok) {
        const t = JSON.parse(r.value) as typeof trace;
        expect(t.steps.length).toBe(t.summary.events);
      }
    }
  });
});
