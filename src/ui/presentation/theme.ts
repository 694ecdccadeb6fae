/**
 * The page's look: a light or a dark theme (remembered in localStorage; on a first visit the
 * system's prefers-color-scheme decides), and presentation mode (large type, high contrast, no
 * editor, full screen where the browser allows it). Both live as attributes on <html>, so every
 * stylesheet and the canvas views (which read CSS custom properties) follow them.
 */
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'lel-theme';

function stored(): Theme | null {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return v === 'dark' || v === 'light' ? v : null;
  } catch {
    // Storage can be refused (privacy settings, sandboxed frames): fall back to the system.
    return null;
  }
}

/** The remembered theme, else the system's preference. */
export function initialTheme(): Theme {
  const s = stored();
  if (s) return s;
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  if (!remember) return;
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered; the theme still applies to this page.
  }
}

export function presenting(): boolean {
  return document.documentElement.hasAttribute('data-presenting');
}

/**
 * Turns presentation mode on or off. Full screen is asked for but never required: a refusal (no
 * user gesture, a permissions policy, an iframe, a browser without the API) leaves the mode on in
 * the window. Resolves to whether the page went full screen.
 */
export async function setPresenting(on: boolean): Promise<boolean> {
  const root = document.documentElement;
  if (on) root.setAttribute('data-presenting', '');
  else root.removeAttribute('data-presenting');
  try {
    if (on) {
      if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') return false;
      if (!document.fullscreenElement) await root.requestFullscreen({ navigationUI: 'hide' });
      return document.fullscreenElement !== null;
    }
    if (document.fullscreenElement && typeof document.exitFullscreen === 'function')
      await document.exitFullscreen();
    return false;
  } catch {
    return false;
  }
}
