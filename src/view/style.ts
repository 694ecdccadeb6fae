import type { StylesheetJson } from 'cytoscape';
import { NODE_SIZE } from './layout';
import { EDGE_LOOK, ROLE_LOOK, ROLE_ORDER } from './palette';

/**
 * An algorithm's drawing (DrawingDecl): edge states by their look, a thick edge in its group's colour,
 * the convergecast's direction as an arrow, a node's group as a coloured ring. After the theme's edge
 * colours, so the dark theme appends them again (graphTheme.ts).
 */
export function drawingRules(ink: string): StylesheetJson {
  return [
    {
      selector: 'node.grouped',
      style: { 'outline-color': 'data(gc)', 'outline-width': 7, 'outline-offset': 2 },
    },
    { selector: 'edge.look-thick', style: { width: EDGE_LOOK.thick.width, 'line-color': ink } },
    { selector: 'edge.tinted', style: { 'line-color': 'data(ec)' } },
    { selector: 'edge.look-thin', style: { width: EDGE_LOOK.thin.width } },
    {
      selector: 'edge.look-faded',
      style: {
        width: EDGE_LOOK.faded.width,
        'line-style': 'dashed',
        'line-dash-pattern': [...EDGE_LOOK.faded.dash],
        opacity: EDGE_LOOK.faded.opacity,
      },
    },
    {
      selector: 'edge.up-tgt',
      style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': ink, 'arrow-scale': 1.1 },
    },
    {
      selector: 'edge.up-src',
      style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': ink, 'arrow-scale': 1.1 },
    },
  ];
}

/**
 * Cytoscape's stylesheet: one class per role (see palette.ts), arrows for directed links, weights.
 * `big` graphs have no Cytoscape edges (the EdgeLayer draws them), so no edge rules either.
 */
export function graphStyle(big = false): StylesheetJson {
  // Only what differs from the base rule: Cytoscape's cost grows with properties × elements.
  const roles: StylesheetJson = ROLE_ORDER.map((role) => {
    const look = ROLE_LOOK[role];
    const style: Record<string, string | number> = {
      'background-color': look.fill,
      color: look.text,
      'border-style': look.borderStyle,
      'border-width': look.borderWidth,
    };
    if (look.shape !== 'ellipse') style.shape = look.shape;
    if (look.scale !== 1) {
      style.width = NODE_SIZE * look.scale;
      style.height = NODE_SIZE * look.scale;
      style['font-size'] = 24;
      style['z-index'] = 20;
    }
    return { selector: `node.${role}`, style };
  });
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-family': 'system-ui, "Segoe UI", Roboto, sans-serif',
        'font-weight': 'bold',
        'font-size': 18,
        'min-zoomed-font-size': 7,
        'border-color': '#000000',
        width: NODE_SIZE,
        height: NODE_SIZE,
      },
    },
    ...roles,
    {
      // A service's name is a word, wider than the disc: written under it, in ink on the paper.
      selector: 'node.service',
      style: {
        'text-valign': 'bottom',
        'text-margin-y': 5,
        color: '#222222',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
    {
      // The selected node: a dark halo behind it.
      selector: 'node.sel',
      style: {
        'underlay-color': '#000000',
        'underlay-opacity': 0.3,
        'underlay-padding': 10,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 2.5,
        'line-color': '#8a8a8a',
        'curve-style': 'straight',
        'target-arrow-color': '#5a5a5a',
        'source-arrow-color': '#5a5a5a',
        'arrow-scale': 1.3,
      },
    },
    ...(big
      ? []
      : ([
          { selector: 'edge.fwd', style: { 'target-arrow-shape': 'triangle' } },
          { selector: 'edge.back', style: { 'source-arrow-shape': 'triangle' } },
        ] as StylesheetJson)),
    {
      selector: 'edge.loop',
      style: {
        'curve-style': 'bezier',
        'loop-direction': '0deg',
        'loop-sweep': '-60deg',
        'control-point-step-size': 60,
      },
    },
    {
      selector: 'edge.weighted',
      style: {
        label: 'data(w)',
        'font-size': 15,
        'font-weight': 'bold',
        color: '#222222',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 7,
      },
    },
    ...(big ? [] : drawingRules('#222222')),
    // A link cut at the cursor's time (C17): dashed and red, readable from the back of the room; last,
    // so that an algorithm's edge look (a thick Branch) does not hide the cut.
    { selector: 'edge.down', style: { 'line-style': 'dashed', 'line-color': '#c62828', width: 4 } },
    {
      selector: 'edge.sel',
      style: { width: 7, 'underlay-color': '#1565c0', 'underlay-opacity': 0.35, 'underlay-padding': 4 },
    },
  ];
}
