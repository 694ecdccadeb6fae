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

/** Black or white, whichever reads better on the given #rrggbb colour. */
export function textOn(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * lin((v >> 16) & 255) + 0.7152 * lin((v >> 8) & 255) + 0.0722 * lin(v & 255);
  return lum > 0.22 ? '#000000' : '#ffffff';
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
