import { useEffect } from 'react';
import type { SimStore } from '../store/simStore';

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

/**
 * Space = play/pause, → = step, ← = step back, Home = reset, ? = shortcuts list. Not while typing
 * in a form field; on a focused slider the arrows and Home keep their own meaning (move the slider).
 */
export function useKeyboard(store: SimStore, toggleHelp: () => void, closeHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (typingIn(e.target)) return;
      const t = e.target;
      const onSlider = t instanceof HTMLInputElement && t.type === 'range';
      const onToggle = t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio');
      const s = store.getState();
      switch (e.key) {
        case ' ':
          if (onToggle) return;
          // On a focused button Space would also click it: the shortcut wins, consistently.
          e.preventDefault();
          s.toggle();
          break;
        case 'ArrowRight':
          if (onSlider) return;
          e.preventDefault();
          s.stepForward();
          break;
        case 'ArrowLeft':
          if (onSlider) return;
          e.preventDefault();
          s.stepBack();
          break;
        case 'Home':
          if (onSlider) return;
          e.preventDefault();
          s.reset();
          break;
        case '?':
          e.preventDefault();
          toggleHelp();
          break;
        case 'Escape':
          closeHelp();
          break;
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, toggleHelp, closeHelp]);
}
