import type { PresetDef } from '../algorithms/contract';
import { ALGORITHMS } from '../algorithms/registry';

/**
 * Named teaching scenarios, declared by each algorithm's module. Each is a link (the hash body), so a
 * preset, a shared link and a CLI run (`--url`) are the same run; `watch` is the one thing to look
 * for, with the count it should reach.
 */
export type Preset = PresetDef;

export const PRESETS: readonly Preset[] = ALGORITHMS.flatMap((a) => a.presets);

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
