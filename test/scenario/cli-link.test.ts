import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { PRESETS } from '../../src/scenario/presets';
import type { Scenario } from '../../src/scenario/types';
import { decodeScenario, encodeScenario } from '../../src/scenario/url';

/** What the page does with a link: decode, build, run to the end (recording on, as in the UI). */
function hashInPage(link: string): string {
  const d = decodeScenario(link);
  if (!d.ok) throw new Error(d.errors[0]!.message);
  const r = buildRun(d.value);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return new Simulation({ ...r.value }).runToEnd().traceHash();
}

function hashInCli(link: string): string {
  const out = execFileSync('npm', ['run', '--silent', 'sim', '--', '--url', link, '--json'], {
    encoding: 'utf8',
  });
  return (JSON.parse(out.trim().split('\n').pop()!) as { traceHash: string }).traceHash;
}

describe('a link and a terminal run are the same run', () => {
  it('decode → buildRun → Simulation gives the CLI’s traceHash, readable and compressed links alike', () => {
    const ids = Array.from({ length: 120 }, (_, i) => ((i * 37) % 120) + 1000);
    const long: Scenario = {
      v: 1,
      algorithm: 'lcr',
      topology: { kind: 'ring-uni', n: ids.length },
      ids: { list: ids },
      timing: { mode: 'async', maxDelay: 7 },
      seed: 5,
      params: {},
      faults: { crashed: [], crashes: [] },
    };
    const compressed = `https://lab.example/#${encodeScenario(long)}`;
    expect(compressed).toContain('z=');
    const links = [
      PRESETS.find((p) => p.id === 'lcr-worst')!.link,
      'v=1&alg=chang-roberts&n=12&ids=random&mode=async&seed=42',
      compressed,
    ];
    for (const link of links) expect(hashInCli(link), link.slice(0, 60)).toBe(hashInPage(link));
  });
});
