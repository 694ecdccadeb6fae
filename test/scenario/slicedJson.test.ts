import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlicedJson } from '../../src/scenario/slicedJson';

/** Reads `text` with a look at the clock after every member and every 64 steps, all of them "enough". */
function readInSlices(text: string) {
  const r = new SlicedJson(text);
  let slices = 0;
  while (!r.read(() => true)) slices++;
  return { r, slices };
}

const withoutSteps = (v: Record<string, unknown>) => ({ ...v, steps: [] });

describe('SlicedJson: a large JSON object read a slice at a time, every byte checked', () => {
  it('keeps the members, checks and counts the steps without keeping them, and reads in many slices', () => {
    const steps = Array.from({ length: 1000 }, (_, k) => ({
      step: k + 1,
      node: k % 7,
      note: `step "${k}" \\ }]`,
    }));
    const file = {
      format: 'leader-election-lab/trace',
      scenario: { algorithm: 'bully', n: 400 },
      steps,
      cursor: 1000,
    };
    const text = JSON.stringify(file, null, 2);
    const { r, slices } = readInSlices(text);
    expect(r.error).toBeNull();
    expect(r.value).toEqual(withoutSteps(file));
    expect(r.bulkCount).toBe(1000);
    // One slice per member before the steps, one per 64 steps, one per member after.
    expect(slices).toBeGreaterThanOrEqual(Math.floor(1000 / 64));
    expect(r.fraction).toBe(1);
  });

  it('a key "__proto__" is a member, as JSON.parse makes it, not the prototype', () => {
    const text = '{"__proto__": {"polluted": 1}, "steps": []}';
    const { r } = readInSlices(text);
    expect(Object.keys(r.value)).toEqual(['__proto__', 'steps']);
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect((r.value as { polluted?: number }).polluted).toBeUndefined();
  });

  it('refuses in the words of a file read at once: line, column and position', () => {
    const text = '{\n  "format": "x",\n  "steps": [\n    {"a": 1},\n    {"a": 2,}\n  ]\n}';
    const { r } = readInSlices(text);
    const pos = text.indexOf(',}') + 1;
    expect(r.error).toMatch(new RegExp(`^not valid JSON at line 5, column \\d+ \\(position ${pos}\\): `));
    expect(readInSlices('').r.error).toBe('the file is empty');
    expect(readInSlices('{"steps": [1, 2').r.error).toMatch(
      /^not valid JSON at line 1, column 16 \(position 15\): Unexpected end of JSON input$/,
    );
  });

  it('property: the same verdict and the same members as JSON.parse, on objects and on broken copies of them', () => {
    const object = fc.record({
      format: fc.string(),
      scenario: fc.jsonValue(),
      steps: fc.array(fc.jsonValue(), { maxLength: 200 }),
      tail: fc.jsonValue(),
    });
    const breakage = fc.tuple(
      fc.nat(),
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', ' ', 'a', '1', '\\', ''),
    );
    fc.assert(
      fc.property(object, fc.boolean(), fc.option(breakage), (obj, spaced, broken) => {
        let text = JSON.stringify(obj, null, spaced ? 2 : undefined);
        if (broken) {
          const [at, c] = broken;
          const i = at % text.length;
          text = text.slice(0, i) + c + text.slice(i + 1);
        }
        let expected: unknown;
        let ok = true;
        try {
          expected = JSON.parse(text);
        } catch {
          ok = false;
        }
        const { r } = readInSlices(text);
        const isObject = typeof expected === 'object' && expected !== null && !Array.isArray(expected);
        if (!ok || !isObject) {
          expect(r.error).not.toBeNull();
          return;
        }
        expect(r.error).toBeNull();
        const e = expected as Record<string, unknown>;
        // The steps are counted (when they are an array), not kept.
        if (Array.isArray(e.steps)) {
          expect(r.bulkCount).toBe(e.steps.length);
          expect(r.value).toEqual(withoutSteps(e));
        } else expect(r.value).toEqual(e);
      }),
      { numRuns: 500 },
    );
  });
});
