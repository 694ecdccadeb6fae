import type { AnyModule } from '../../src/algorithms/contract';
import { takesOption } from '../../src/scenario/options';
import type { Flat } from '../../src/scenario/parse';

/**
 * A scenario that suits an algorithm, in the flat (URL/CLI) form: its first topology, 8 nodes with
 * seeded random ids; Bully also gets its highest id crashed so the detector has something to detect.
 * Used by the store tests and the end-to-end tests, which loop over the registry.
 */
export function suitableFlat(alg: AnyModule, mode: 'sync' | 'async' = 'sync', n = 8): Flat {
  const f: Flat = { v: '1', alg: alg.id, n: String(n), ids: 'random', seed: '3', mode };
  if (mode === 'async') f.maxDelay = '4';
  if (takesOption(alg.id, 'crashed')) f.crashed = String(n);
  return f;
}

/** The same scenario as CLI arguments. */
export function cliArgs(f: Flat): string[] {
  const names: Record<string, string> = {
    alg: '--algorithm',
    n: '--n',
    ids: '--ids',
    seed: '--seed',
    mode: '--mode',
    maxDelay: '--max-delay',
    crashed: '--crashed',
    topo: '--topology',
    edges: '--edges',
    initiators: '--initiators',
    initiator: '--initiator',
    wake: '--wake',
  };
  const out: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (k === 'v') continue;
    const name = names[k];
    if (!name) throw new Error(`cliArgs: no CLI option for ${k}`);
    out.push(name, v);
  }
  return out;
}
