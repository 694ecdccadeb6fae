/**
 * Which panels around the graph are open. The graph gets the room by default: at a projector's
 * 1280×720 every panel starts folded (the editor too); on a wide screen the editor starts open.
 * Each reader's choice is remembered in localStorage, separately for presentation mode, so a
 * lecturer's open pseudo-code while preparing does not shrink the graph once presenting.
 */
export type PanelId = 'editor' | 'spacetime' | 'code' | 'log';
export type LayoutMode = 'normal' | 'present';
export type Folds = Readonly<Record<PanelId, boolean>>;

export const PANELS: readonly PanelId[] = ['editor', 'spacetime', 'code', 'log'];
export const FOLDS_KEY = 'lel-panels';
/** From this window width the editor fits beside a graph that still has half the window. */
export const WIDE_EDITOR = 1600;

/** Open (true) or folded, before the reader has chosen. */
export function defaultFolds(mode: LayoutMode, width: number): Folds {
  return { editor: mode === 'normal' && width >= WIDE_EDITOR, spacetime: false, code: false, log: false };
}

type Stored = Partial<Record<LayoutMode, Partial<Record<PanelId, boolean>>>>;

function readStored(storage: Storage | null): Stored {
  try {
    const raw = storage?.getItem(FOLDS_KEY);
    const v: unknown = raw ? JSON.parse(raw) : null;
    return v && typeof v === 'object' ? (v as Stored) : {};
  } catch {
    // Unreadable or refused storage: the defaults.
    return {};
  }
}

/** The defaults overlaid with what was remembered (only booleans for known panels count). */
export function loadFolds(mode: LayoutMode, width: number, storage: Storage | null): Folds {
  const out: Record<PanelId, boolean> = { ...defaultFolds(mode, width) };
  const saved = readStored(storage)[mode];
  if (saved && typeof saved === 'object')
    for (const p of PANELS) if (typeof saved[p] === 'boolean') out[p] = saved[p];
  return out;
}

export function saveFold(mode: LayoutMode, panel: PanelId, open: boolean, storage: Storage | null): void {
  const all = readStored(storage);
  all[mode] = { ...all[mode], [panel]: open };
  try {
    storage?.setItem(FOLDS_KEY, JSON.stringify(all));
  } catch {
    // Not remembered; the panel still opens or folds on this page.
  }
}
