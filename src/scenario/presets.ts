import type { AnyModule, PresetDef } from '../algorithms/contract';
import { ALGORITHMS, findAlgorithm } from '../algorithms/registry';

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

/**
 * The gallery's shelves, in the order a course meets them. Every algorithm brings presets, so one
 * list would soon outgrow a 1280×720 screen; a shelf each keeps every card readable without scrolling.
 */
export const PRESET_SHELVES = [
  'Rings',
  'Graphs and trees',
  'Crashes',
  'Consensus',
  'Coordination services',
  'Side by side',
] as const;
export type PresetShelf = (typeof PRESET_SHELVES)[number];

/**
 * An algorithm's shelf, read from what it declares: one that runs against service nodes (a lease
 * store, a ZooKeeper server), then a protocol that runs until a horizon (Raft), then one built around
 * crashes or time (Bully), then where it runs. A shelf holds at most six cards: 1280×720 shows them.
 */
export function shelfOf(mod: AnyModule): PresetShelf {
  if (mod.services !== undefined) return 'Coordination services';
  if (mod.until !== undefined) return 'Consensus';
  if (mod.faults || mod.timed !== undefined) return 'Crashes';
  if (mod.topologies.every((t) => t.startsWith('ring'))) return 'Rings';
  return 'Graphs and trees';
}

/** A preset that opens the compare screen (`screen=compare`): two runs side by side. */
export function sideBySide(p: Preset): boolean {
  return new URLSearchParams(p.link).get('screen') === 'compare';
}

/** The shelf of one preset: its algorithm's, or 'Side by side' for a comparison. */
function shelfOfIn(mod: AnyModule, p: Preset): PresetShelf {
  return sideBySide(p) ? 'Side by side' : shelfOf(mod);
}

/** The shelves with their presets, empty shelves left out. */
export function presetShelves(): { shelf: PresetShelf; presets: readonly Preset[] }[] {
  return PRESET_SHELVES.map((shelf) => ({
    shelf,
    presets: ALGORITHMS.flatMap((a) => a.presets.filter((p) => shelfOfIn(a, p) === shelf)),
  })).filter((s) => s.presets.length > 0);
}

/** The shelf a preset is on. */
export function shelfOfPreset(id: string): PresetShelf | undefined {
  for (const a of ALGORITHMS) {
    const p = a.presets.find((q) => q.id === id);
    if (p) return shelfOfIn(a, p);
  }
  return undefined;
}

/** The shelf the gallery opens on: the one of the algorithm on screen. */
export function shelfOfAlgorithm(id: string): PresetShelf {
  const mod = findAlgorithm(id);
  return mod ? shelfOf(mod) : PRESET_SHELVES[0];
}
