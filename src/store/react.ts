import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimState, SimStore } from './simStore';

/** The store a panel reads; several can coexist (side-by-side runs), each under its own provider. */
export const SimStoreContext = createContext<SimStore | null>(null);

export function useSimStore(): SimStore {
  const store = useContext(SimStoreContext);
  if (!store) throw new Error('useSimStore: no SimStoreContext provider above this component');
  return store;
}

/** Subscribes a component to one slice of the store; it re-renders only when that slice changes. */
export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(useSimStore(), selector);
}
