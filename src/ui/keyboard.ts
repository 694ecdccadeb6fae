import { useEffect } from 'react';
import { nextRoundCursor, previousRoundCursor } from '../store/rounds';
import type { SimStore } from '../store/simStore';
import { presenting, setPresenting } from './presentation/theme';

/** Inputs where keys type text: shortcuts stay out of their way. */
function typingIn(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return (
    el instanceof HTMLInputElement &&
    !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type)
  );
}

interface ShortcutContext {
  store: SimStore;
  toggleHelp(): void;
  closeHelp(): void;
}

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** The keys as the shortcuts list names them. */
  label: string;
  what: string;
  /** On a focused slider the key keeps its own meaning (moves the slider). */
  slider?: 'yields';
  /** On a focused checkbox or radio button the key keeps its own meaning (ticks it). */
  toggle?: 'yields';
  /** Whether the browser's own action for the key is stopped (default yes). */
  keepDefault?: boolean;
  /** What the key does; absent for keys the focused element handles (listed so the list is whole). */
  run?(c: ShortcutContext): void;
}

/**
 * Every key the simulator answers to: the one table the handler dispatches on and the `?` list
 * (ShortcutsHelp) is made from, so the list cannot miss a key. None acts while typing in a text field.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: [' '],
    label: 'Space',
    what: 'Play / Pause',
    toggle: 'yields',
    // On a focused button Space would also click it: the shortcut wins, consistently.
    run: ({ store }) => store.getState().toggle(),
  },
  {
    keys: ['ArrowRight'],
    label: '→',
    what: 'Step forward',
    slider: 'yields',
    run: ({ store }) => store.getState().stepForward(),
  },
  {
    keys: ['ArrowLeft'],
    label: '←',
    what: 'Step back',
    slider: 'yields',
    run: ({ store }) => store.getState().stepBack(),
  },
  {
    keys: ['PageDown', ']'],
    label: 'PageDown or ]',
    what: 'Next round (sync) or time unit (async): every step of it',
    slider: 'yields',
    run: ({ store }) => {
      const s = store.getState();
      s.pause();
      s.seek(nextRoundCursor(s.run.sim.trace, s.knownSteps, s.cursor));
    },
  },
  {
    keys: ['PageUp', '['],
    label: 'PageUp or [',
    what: 'Back to the start of the round',
    slider: 'yields',
    run: ({ store }) => {
      const s = store.getState();
      s.pause();
      s.seek(previousRoundCursor(s.run.sim.trace, s.cursor));
    },
  },
  {
    keys: ['Home'],
    label: 'Home',
    what: 'Reset to step 0',
    slider: 'yields',
    run: ({ store }) => store.getState().reset(),
  },
  {
    keys: ['End'],
    label: 'End',
    what: 'Go to the last step (as far as computed)',
    slider: 'yields',
    run: ({ store }) => {
      const s = store.getState();
      s.pause();
      s.seek(s.knownSteps);
    },
  },
  {
    keys: ['?'],
    label: '?',
    what: 'Show or hide this list',
    run: ({ toggleHelp }) => toggleHelp(),
  },
  {
    keys: ['Escape'],
    label: 'Esc',
    what: 'Close this list, or leave presentation mode',
    keepDefault: true,
    run: ({ closeHelp }) => {
      // The list first; with no list open, Esc leaves presentation mode.
      if (document.querySelector('[aria-labelledby="shortcuts-title"]')) closeHelp();
      else if (presenting()) void setPresenting(false);
    },
  },
  {
    keys: ['Tab'],
    label: 'Tab',
    what: 'Next control; in the graph, each node and each message in flight',
  },
  {
    keys: ['Enter'],
    label: 'Enter',
    what: 'On a node or message: inspect it; on an event log line: go to that step',
  },
  {
    keys: ['ContextMenu'],
    label: 'Shift F10',
    what: 'On a node: the live menu — crash or recover it now, the run going on from this step',
  },
  {
    keys: ['ArrowUp', 'ArrowDown'],
    label: '↑ ↓',
    what: 'In the event log: the line before or after, shown in full',
  },
];

const BY_KEY = new Map<string, Shortcut>();
for (const s of SHORTCUTS) if (s.run) for (const k of s.keys) BY_KEY.set(k, s);

/**
 * The simulator's shortcuts (SHORTCUTS). Not while typing in a form field; on a focused slider the
 * arrows, Home, End and the page keys keep their own meaning (move the slider).
 */
export function useKeyboard(store: SimStore, toggleHelp: () => void, closeHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (typingIn(e.target)) return;
      const shortcut = BY_KEY.get(e.key);
      if (!shortcut?.run) return;
      const t = e.target;
      if (shortcut.slider && t instanceof HTMLInputElement && t.type === 'range') return;
      if (shortcut.toggle && t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio'))
        return;
      if (!shortcut.keepDefault) e.preventDefault();
      shortcut.run({ store, toggleHelp, closeHelp });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, toggleHelp, closeHelp]);
}
