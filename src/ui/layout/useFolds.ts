import { useCallback, useState, useSyncExternalStore } from 'react';
import { presenting } from '../presentation/theme';
import { loadFolds, saveFold, type Folds, type LayoutMode, type PanelId } from './folds';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function subscribePresenting(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-presenting'] });
  return () => observer.disconnect();
}

/** The page's layout mode: presentation mode lives on <html data-presenting> (see presentation/theme.ts). */
export function useLayoutMode(): LayoutMode {
  return useSyncExternalStore(subscribePresenting, () => (presenting() ? 'present' : 'normal'));
}

/**
 * The open panels for the current layout mode; a toggle that remembers the reader's choice, and
 * `reveal`, which opens a panel for something it must show (not remembered: the next visit starts
 * as the reader left it).
 */
export function useFolds(): {
  mode: LayoutMode;
  folds: Folds;
  toggle(panel: PanelId): void;
  reveal(panel: PanelId): void;
} {
  const mode = useLayoutMode();
  // One state per mode, read from storage the first time the mode is seen.
  const [state, setState] = useState<Partial<Record<LayoutMode, Folds>>>({});
  const folds = state[mode] ?? loadFolds(mode, window.innerWidth, storage());
  const toggle = useCallback(
    (panel: PanelId) =>
      setState((prev) => {
        const cur = prev[mode] ?? loadFolds(mode, window.innerWidth, storage());
        const open = !cur[panel];
        saveFold(mode, panel, open, storage());
        return { ...prev, [mode]: { ...cur, [panel]: open } };
      }),
    [mode],
  );
  const reveal = useCallback(
    (panel: PanelId) =>
      setState((prev) => {
        const cur = prev[mode] ?? loadFolds(mode, window.innerWidth, storage());
        return cur[panel] ? prev : { ...prev, [mode]: { ...cur, [panel]: true } };
      }),
    [mode],
  );
  return { mode, folds, toggle, reveal };
}
