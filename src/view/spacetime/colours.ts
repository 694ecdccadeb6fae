import { kindColours } from '../palette';

/** The diagram's colours, read from the page's theme (CSS custom properties) once per draw. */
export interface Ink {
  ink: string;
  panel: string;
  muted: string;
  line: string;
  accent: string;
  now: string;
  focus: string;
  bad: string;
  dark: boolean;
  /** The colour of message kind `i` on this background (the overlay's, kindColourOn). */
  kind(i: number): string;
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const v = parseInt(m[1]!, 16);
  return (0.2126 * ((v >> 16) & 255) + 0.7152 * ((v >> 8) & 255) + 0.0722 * (v & 255)) / 255;
}

export function readInk(el: Element): Ink {
  const css = getComputedStyle(el);
  const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const panel = get('--panel', '#ffffff');
  const dark = luminance(panel) < 0.35;
  const kinds = kindColours(dark);
  return {
    ink: get('--ink', '#111111'),
    panel,
    muted: get('--muted', '#4a4a4a'),
    line: get('--line', '#c8c8c8'),
    accent: get('--accent', '#1f4e9c'),
    now: get('--now', '#ffe7a0'),
    focus: get('--focus', '#b35900'),
    bad: get('--bad', '#a40000'),
    dark,
    kind: kinds,
  };
}
