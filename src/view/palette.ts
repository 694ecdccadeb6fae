import type { Role } from '../engine/types';

/**
 * How each role is drawn. Colours from the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies), and a second cue for each role that needs no colour at all: the border style, the
 * shape, a marker in the label, and the leader's size.
 */
export interface RoleLook {
  label: string;
  /** What the role means, for the legend's tooltip. */
  meaning: string;
  fill: string;
  text: string;
  borderStyle: 'solid' | 'dashed' | 'dotted' | 'double';
  borderWidth: number;
  shape: 'ellipse' | 'round-rectangle' | 'octagon';
  /** Put before the id in the node label. */
  marker: string;
  /** Size relative to a normal node. */
  scale: number;
}

export const ROLE_ORDER: readonly Role[] = ['leader', 'candidate', 'relay', 'nonLeader', 'idle', 'crashed'];

export const ROLE_LOOK: Record<Role, RoleLook> = {
  leader: {
    label: 'leader',
    meaning: 'elected: large, thick double border, ★',
    fill: '#009E73',
    text: '#ffffff',
    borderStyle: 'double',
    borderWidth: 10,
    shape: 'ellipse',
    marker: '★',
    scale: 1.7,
  },
  candidate: {
    label: 'candidate',
    meaning: 'still in the running: solid border',
    fill: '#E69F00',
    text: '#000000',
    borderStyle: 'solid',
    borderWidth: 3,
    shape: 'ellipse',
    marker: '',
    scale: 1,
  },
  relay: {
    label: 'relay',
    meaning: 'defeated, passes messages on: dashed border',
    fill: '#56B4E9',
    text: '#000000',
    borderStyle: 'dashed',
    borderWidth: 4,
    shape: 'ellipse',
    marker: '',
    scale: 1,
  },
  nonLeader: {
    label: 'non-leader',
    meaning: 'knows it is not the leader: square',
    fill: '#0072B2',
    text: '#ffffff',
    borderStyle: 'solid',
    borderWidth: 3,
    shape: 'round-rectangle',
    marker: '',
    scale: 1,
  },
  idle: {
    label: 'idle',
    meaning: 'not started or asleep: white, dotted border',
    fill: '#ffffff',
    text: '#000000',
    borderStyle: 'dotted',
    borderWidth: 4,
    shape: 'ellipse',
    marker: '',
    scale: 1,
  },
  crashed: {
    label: 'crashed',
    meaning: 'failed: dark octagon, ✕',
    fill: '#3b3b3b',
    text: '#ffffff',
    borderStyle: 'dotted',
    borderWidth: 4,
    shape: 'octagon',
    marker: '✕',
    scale: 1,
  },
};

/**
 * Message kinds, by their index in the algorithm's `kinds`: Paul Tol's colour-blind-safe "muted"
 * scheme, kept apart from the role colours so a message is never read as a node state.
 */
// Ordered so the first kinds are the furthest from the role colours (green, orange, the blues).
const KIND_COLOURS = [
  '#332288',
  '#CC6677',
  '#AA4499',
  '#882255',
  '#999933',
  '#DDCC77',
  '#44AA99',
  '#88CCEE',
  '#117733',
];

export function kindColour(index: number): string {
  return KIND_COLOURS[((index % KIND_COLOURS.length) + KIND_COLOURS.length) % KIND_COLOURS.length]!;
}

/** The relative luminance of a #rrggbb colour (WCAG 2). */
export function relativeLuminance(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((v >> 16) & 255) + 0.7152 * lin((v >> 8) & 255) + 0.0722 * lin(v & 255);
}

/** The contrast ratio of two #rrggbb colours (WCAG 2): 1 (none) to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Mixes a #rrggbb colour with white by the fraction f. */
export function lighten(hex: string, f: number): string {
  const v = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * f);
  const r = mix((v >> 16) & 255);
  const g = mix((v >> 8) & 255);
  const b = mix(v & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

/**
 * What a graphic must reach against the background (WCAG 2.1's 3:1 for non-text contrast): Tol's
 * darkest kinds (indigo #332288, wine) are 1.3:1 on the dark theme's paper and vanished there.
 */
export const MIN_GRAPHIC_CONTRAST = 3;

/** Kind `index`'s colour on the theme's paper: on the dark theme lightened until it stands out 3:1. */
export function kindColourOn(index: number, dark: boolean): string {
  const base = kindColour(index);
  if (!dark) return base;
  const paper = GRAPH_THEMES.dark.paper;
  let f = 0;
  let c = base;
  while (contrastRatio(c, paper) < MIN_GRAPHIC_CONTRAST && f < 1) {
    f = Math.min(1, f + 0.05);
    c = lighten(base, f);
  }
  return c;
}

const KIND_COLOURS_ON = { light: [] as string[], dark: [] as string[] };

/** kindColourOn for one theme, remembered (the overlay asks per kind per frame). */
export function kindColours(dark: boolean): (index: number) => string {
  const cache = KIND_COLOURS_ON[dark ? 'dark' : 'light'];
  return (index) => (cache[index] ??= kindColourOn(index, dark));
}

/** Black or white, whichever reads better on the given #rrggbb colour. */
export function textOn(hex: string): string {
  return relativeLuminance(hex) > 0.22 ? '#000000' : '#ffffff';
}

/** The algorithm's kinds plus any it sent without declaring, in a stable order. */
export function kindIndex(kinds: readonly string[]): (kind: string) => number {
  const known = new Map(kinds.map((k, i) => [k, i]));
  return (kind) => {
    let i = known.get(kind);
    if (i === undefined) {
      i = known.size;
      known.set(kind, i);
    }
    return i;
  };
}

/**
 * Group colours (GHS's fragments), drawn as a ring around each node and along its tree edges. Kept
 * apart from the role fills in hue or lightness, and never the only cue: each group's name is written
 * on the graph.
 */
export const GROUP_COLOURS = [
  '#D81B60',
  '#1E88E5',
  '#7CB342',
  '#8E24AA',
  '#F4511E',
  '#00897B',
  '#6D4C41',
  '#FDD835',
  '#3949AB',
  '#C0CA33',
  '#5E35B1',
  '#00ACC1',
] as const;

export function groupColour(index: number): string {
  return GROUP_COLOURS[((index % GROUP_COLOURS.length) + GROUP_COLOURS.length) % GROUP_COLOURS.length]!;
}

/** How an edge state's look (EdgeLook) is drawn, in Cytoscape's model units and in the SVG. */
export const EDGE_LOOK = {
  thick: { width: 8, dash: null, opacity: 1 },
  thin: { width: 1.5, dash: null, opacity: 1 },
  faded: { width: 2, dash: [7, 6], opacity: 0.35 },
} as const;

/** The graph's colours in each theme (the canvas layers, the slide export; graphTheme.ts for Cytoscape). */
export const GRAPH_THEMES = {
  light: { paper: '#ffffff', ink: '#111111', edge: '#8a8a8a', arrow: '#5a5a5a', border: '#000000' },
  dark: { paper: '#1b1f24', ink: '#f2f2f2', edge: '#b4bcc4', arrow: '#d5dade', border: '#e6e6e6' },
} as const;
export type GraphTheme = (typeof GRAPH_THEMES)[keyof typeof GRAPH_THEMES];

/** The theme the page shows now. */
export function graphThemeOf(root: HTMLElement = document.documentElement): GraphTheme {
  return GRAPH_THEMES[root.dataset.theme === 'dark' ? 'dark' : 'light'];
}

/**
 * A timer running (a wait) is drawn in the ink, apart from every role's colour (a wait in the
 * candidate's orange made a waiting follower look like a candidate); the failure detector's notice of
 * a crash in red.
 */
export const WAIT_NOTICE = '#CC3311';
