import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { applyTheme, currentTheme, initialTheme, presenting, setPresenting, type Theme } from './theme';
import './presentation.css';

// Before the first paint of anything that imports this: no flash of the wrong theme.
if (typeof document !== 'undefined' && !document.documentElement.dataset.theme)
  applyTheme(initialTheme(), false);

/** Re-renders on any change of <html>'s theme or presentation attributes, whoever made it. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'data-presenting'],
  });
  return () => observer.disconnect();
}

/** The dark/light switch, remembered for the next visit. */
export function ThemeButton() {
  const theme = useSyncExternalStore(subscribe, currentTheme);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="look-button"
      aria-pressed={dark}
      aria-label="Dark theme"
      title={
        dark ? 'Dark theme is on: click for the light theme' : 'Light theme is on: click for the dark theme'
      }
      onClick={() => {
        const next: Theme = dark ? 'light' : 'dark';
        applyTheme(next, true);
      }}
    >
      Dark
    </button>
  );
}

/**
 * Presentation mode: large type, high contrast, the editor hidden, full screen where the browser
 * allows it (a refusal is said in the tooltip, never thrown). Esc leaves it: in full screen the
 * browser takes that key to leave full screen, so leaving the full screen we asked for leaves the
 * mode too (outside full screen the keyboard shortcut does, src/ui/keyboard.ts); so does the button.
 */
export function PresentationButton() {
  const on = useSyncExternalStore(subscribe, presenting);
  const [refused, setRefused] = useState(false);
  const full = useRef(false);
  useEffect(() => {
    // The layout changes size: let the views (Cytoscape, canvases) see it at once.
    window.dispatchEvent(new Event('resize'));
  }, [on]);
  useEffect(() => {
    const onChange = () => {
      if (document.fullscreenElement || !full.current) return;
      full.current = false;
      if (presenting()) void setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return (
    <button
      type="button"
      className="look-button"
      aria-pressed={on}
      aria-label="Presentation mode"
      data-fullscreen-refused={refused ? '' : undefined}
      title={
        on
          ? 'Presentation mode is on: click to leave it'
          : refused
            ? 'Presentation mode: large type, no editor (the browser refused full screen last time)'
            : 'Presentation mode: large type, high contrast, no editor, full screen'
      }
      onClick={() => {
        const next = !on;
        void setPresenting(next).then((isFull) => {
          full.current = next && isFull;
          setRefused(next && !isFull);
        });
      }}
    >
      Present
    </button>
  );
}

/** The page's look, for the simulator's header. */
export function LookButtons() {
  return (
    <div className="look-buttons" role="group" aria-label="Look">
      <PresentationButton />
      <ThemeButton />
    </div>
  );
}
