import { SCREENS } from '../scenario/keys';
import { linkBody, queryToFlat } from '../scenario/url';

export type Screen = 'simulator' | (typeof SCREENS)[number];

/** The screen a link opens on: its `screen` key when that names one, else the simulator. */
export function screenOf(link: string): Screen {
  const flat = queryToFlat(link);
  const s = flat.ok ? flat.value.screen?.trim() : undefined;
  return (SCREENS as readonly string[]).includes(s ?? '') ? (s as Screen) : 'simulator';
}

/** The compare screen's second algorithm a link names (`vs=hs`), or null: sync against async. */
export function versusOf(link: string): string | null {
  const flat = queryToFlat(link);
  const vs = flat.ok ? flat.value.vs?.trim() : undefined;
  return vs ? vs : null;
}

/** The hash with a viewer's key set to `value`, or dropped for null; the key goes last. */
function withViewerKey(link: string, key: string, value: string | null): string {
  const parts = linkBody(link)
    .split('&')
    .filter((p) => p !== '' && !p.startsWith(`${key}=`));
  if (value !== null) parts.push(`${key}=${value}`);
  return `#${parts.join('&')}`;
}

/**
 * The hash `#…` for a link shown on `screen`: its `screen` key replaced, or dropped for the simulator.
 * The key goes last, outside a compressed part (`v=1&z=…&step=5&screen=experiments`), so the rest of
 * the link is byte for byte the simulator's. The simulator has no second algorithm: `vs` goes with it.
 */
export function withScreen(link: string, screen: Screen): string {
  const shown = screen === 'simulator' ? withViewerKey(link, 'vs', null) : link;
  return withViewerKey(shown, 'screen', screen === 'simulator' ? null : screen);
}

/** The hash with the compare screen's second algorithm (`vs=<id>`) set, or dropped for null. */
export function withVersus(link: string, vs: string | null): string {
  return withViewerKey(link, 'vs', vs);
}
