// The long codec fuzz: `npm run fuzz [-- ITERATIONS [SEED]]` (default 1,000,000). Feeds random text,
// key soups and mutations of valid links to decodeScenario (and, for a share of them, salvage), and
// checks what the unit fuzz checks: never a throw, every error names a field and says something, a
// valid result re-encodes to itself and builds or is refused by buildRun with a message. Prints the
// throughput, the slowest input, and which fields the errors were about.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { buildRun } from '../src/scenario/build';
import { PRESETS } from '../src/scenario/presets';
import { salvage } from '../src/scenario/salvage';
import { decodeScenario, encodeScenario } from '../src/scenario/url';
import { validScenario } from '../test/scenario/arbitraries';
import { mutateLink, randomText, Rng } from '../test/scenario/mutate';

const iterations = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
if (!Number.isSafeInteger(iterations) || iterations < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [ITERATIONS] [SEED]\n');
  process.exit(2);
}

const links = [
  ...PRESETS.map((p) => p.link),
  ...fc.sample(validScenario, { numRuns: 2000, seed }).map(encodeScenario),
];
const r = new Rng(seed);
const byField = new Map<string, number>();
let ok = 0;
let refused = 0;
let built = 0;
let tried = 0;
let failures = 0;
let slowest = { ms: 0, text: '' };
const started = performance.now();

function fail(text: string, why: string): void {
  failures++;
  if (failures <= 10)
    process.stdout.write(`FAIL ${why}\n     input: ${JSON.stringify(text.slice(0, 300))}\n`);
}

for (let i = 0; i < iterations; i++) {
  const text = i % 2 === 0 ? randomText(r) : mutateLink(r.pick(links), r);
  const t0 = performance.now();
  try {
    const d = decodeScenario(text);
    if (d.ok) {
      ok++;
      const again = decodeScenario(encodeScenario(d.value));
      if (!isDeepStrictEqual(again, d)) fail(text, 'a valid result does not re-encode to itself');
      // Building is the slow part (graph generation); every 8th valid result is enough.
      if (ok % 8 === 1) {
        tried++;
        const run = buildRun(d.value);
        if (run.ok) built++;
        else if (run.errors.some((e) => !e.field || !e.message.trim()))
          fail(text, 'buildRun error without field or message');
      }
    } else {
      refused++;
      if (d.errors.length === 0) fail(text, 'refused without an error');
      for (const e of d.errors) {
        if (!e.field || !e.message.trim()) fail(text, `error without field or message: ${JSON.stringify(e)}`);
        byField.set(e.field, (byField.get(e.field) ?? 0) + 1);
      }
    }
    if (i % 10 === 3) {
      const s = salvage(text);
      if (s.scenario && !decodeScenario(encodeScenario(s.scenario)).ok)
        fail(text, 'salvage kept an invalid scenario');
    }
  } catch (e) {
    fail(text, `threw ${String(e)}`);
  }
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, text };
  if ((i + 1) % 100_000 === 0) process.stdout.write(`  ${i + 1} …\n`);
}

const seconds = (performance.now() - started) / 1000;
const fields = [...byField].sort((a, b) => b[1] - a[1]).slice(0, 12);
process.stdout.write(
  [
    `codec fuzz: ${iterations} inputs (seed ${seed}) in ${seconds.toFixed(1)} s, ${Math.round(iterations / seconds)} inputs/s`,
    `  valid: ${ok} (buildRun on ${tried} of them: ${built} built, ${tried - built} refused with a message), refused: ${refused}`,
    `  errors by field: ${fields.map(([f, n]) => `${f.slice(0, 20)} ${n}`).join(', ')}`,
    `  slowest input: ${slowest.ms.toFixed(1)} ms (${JSON.stringify(slowest.text.slice(0, 80))}${slowest.text.length > 80 ? '…' : ''}, ${slowest.text.length} chars)`,
    failures
      ? `FAILED: ${failures} inputs broke the contract`
      : 'PASS: no throw, every error specific, every valid result stable',
  ].join('\n') + '\n',
);
process.exit(failures ? 1 : 0);
