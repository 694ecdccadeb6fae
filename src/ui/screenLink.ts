import { SCREENS } from '../scenario/keys';
import { linkBody, queryToFlat } from '../scenario/url';

export type Screen = 'simulator' | (typeof SCREENS)[number];

/** The screen a link opens on: its `screen` key when that names one, else the simulator. */
export function screenOf(link: string): Screen {
  const flat = queryToFlat(link);
  const s = flat.ok ? flat.value.screen?.trim() : undefined;
  return (SCREENS as readonly string[]).includes(s ?? '') ? (s as Screen) : 'simulator';
}

/**
 * The hash `#…` for a link shown on `screen`: its `screen` key replaced, or dropped for the simulator.
 * The key goes last, outside a compressed part (`v=1&z=…&step=5&screen=experiments`), so the rest of
 * the link is byte for byte the simulator's.
 */
export function withScreen(link: string, screen: Screen): string {
  const parts = linkBody(link)
    .split('&')
    .filter((p) => p !== '' && !p.startsWith('screen='));
  if (screen !== 'simulator') parts.push(`screen=${screen}`);
  return `#${parts.join('&')}`;
}
