import type { SimStore } from '../store/simStore';
import type { GraphView } from '../view/graphView';

/**
 * `window.__lel`: what the end-to-end tests and the browser benchmark read (the store, Cytoscape's
 * role classes, the overlay's counters, frame counts). Reading it changes nothing.
 */
export interface LelHook {
  store: SimStore;
  view: GraphView | null;
}

declare global {
  interface Window {
    __lel?: LelHook;
  }
}

export function exposeStore(store: SimStore): void {
  window.__lel = { store, view: window.__lel?.view ?? null };
}

export function exposeView(view: GraphView | null): void {
  if (window.__lel) window.__lel.view = view;
}
