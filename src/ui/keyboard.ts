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

/**
 * Space = play/pause, → = step, ← = step back, PageDown / ] = next round (time unit), PageUp / [ =
 * previous round, Home = reset, End = the last step computed, Esc = close the list or leave
 * presentation mode, ? = shortcuts list (ShortcutsHelp lists them). Not while typing in a form field;
 * on a focused slider the arrows, Home, End and the page keys keep their own meaning (move the slider).
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
        case 'PageDown':
        case ']':
          if (onSlider) return;
          e.preventDefault();
          s.pause();
          s.seek(nextRoundCursor(s.run.sim.trace, s.knownSteps, s.cursor));
          break;
        case 'PageUp':
        case '[':
          if (onSlider) return;
          e.preventDefault();
          s.pause();
          s.seek(previousRoundCursor(s.run.sim.trace, s.cursor));
          break;
        case 'Home':
          if (onSlider) return;
          e.preventDefault();
          s.reset();
          break;
        case 'End':
          if (onSlider) return;
          e.preventDefault();
          s.pause();
          s.seek(s.knownSteps);
          break;
        case '?':
          e.preventDefault();
          toggleHelp();
          break;
        case 'Escape':
          // The list first; with no list open, Esc leaves presentation mode.
          if (document.querySelector('[aria-labelledby="shortcuts-title"]')) closeHelp();
          else if (presenting()) void setPresenting(false);
          break;
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, toggleHelp, closeHelp]);
}
