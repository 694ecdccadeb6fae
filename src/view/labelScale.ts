import type { Core, StylesheetJson } from 'cytoscape';
import { NODE_SIZE } from './layout';
import { ROLE_LOOK, ROLE_ORDER } from './palette';

/**
 * Node ids that stay readable from the back row: when the fitted zoom would draw an id smaller
 * than MIN_ID_PX on screen, the label grows in model units instead (as far as it fits inside its
 * disc). Only small graphs are read id by id; large ones keep the stylesheet as it is.
 */
export const MIN_ID_PX = 16.5;
/** The stylesheet's node font sizes (style.ts): ordinary nodes, and roles drawn larger. */
export const NODE_FONT = 18;
export const BIG_NODE_FONT = 24;
/** Graphs above this size are not labelled for reading (and keep their per-frame cost). */
export const MAX_SCALED_NODES = 64;
const MAX_SCALE = 1.6;
/** Bold system-ui digits are about 0.62 em wide; a label keeps a border's width clear inside the disc. */
const CHAR_EM = 0.62;
const INNER = NODE_SIZE - 6;

/** The factor for the label font at this zoom, for a longest label of `chars` characters. */
export function labelScale(zoom: number, chars: number): number {
  if (!(zoom > 0)) return 1;
  const want = MIN_ID_PX / (NODE_FONT * zoom);
  const fits = INNER / (CHAR_EM * NODE_FONT * Math.max(1, chars));
  return Math.max(1, Math.min(want, fits, MAX_SCALE));
}

/** The rules that set the label sizes for factor `s` (appended after the graph's own stylesheet). */
export function labelRules(s: number): StylesheetJson {
  const big = ROLE_ORDER.filter((role) => ROLE_LOOK[role].scale !== 1).map((role) => ({
    selector: `node.${role}`,
    style: { 'font-size': BIG_NODE_FONT * s },
  }));
  return [{ selector: 'node', style: { 'font-size': NODE_FONT * s } }, ...big];
}

type WithJson = { json(): StylesheetJson };

/**
 * Keeps the label sizes of a small graph in step with its zoom. Attach after followTheme: a theme
 * change rebuilds the stylesheet from its base, and this observer (created later, so told later)
 * puts the label rules back. Returns the function that stops following.
 */
export function followZoom(cy: Core, root: HTMLElement = document.documentElement): () => void {
  let mine: string | null = null;
  let applied = 1;
  let raf = 0;
  const apply = (force: boolean) => {
    raf = 0;
    if (cy.destroyed()) return;
    const nodes = cy.nodes();
    if (nodes.length === 0 || nodes.length > MAX_SCALED_NODES) return;
    let chars = 1;
    nodes.forEach((n) => {
      chars = Math.max(chars, String(n.data('label') ?? '').length);
    });
    const s = labelScale(cy.zoom(), chars);
    if (!force && Math.abs(s - applied) < 0.02) return;
    const style = cy.style() as unknown as WithJson & ReturnType<Core['style']>;
    let base = style.json();
    const rules = labelRules(s);
    // Drop our previous rules if they are still the stylesheet's last ones (nobody rebuilt it).
    if (mine !== null) {
      const k = rules.length;
      const tail = base.slice(-k);
      if (JSON.stringify(tail) === mine) base = base.slice(0, -k);
    }
    if (s === 1 && mine === null) return;
    const next = s === 1 ? [] : rules;
    style.fromJson([...base, ...next]).update();
    mine = s === 1 ? null : JSON.stringify(style.json().slice(-rules.length));
    applied = s;
  };
  const schedule = () => {
    if (!raf) raf = requestAnimationFrame(() => apply(false));
  };
  cy.on('zoom', schedule);
  cy.on('data', 'node', schedule);
  const observer = new MutationObserver(() => {
    // followTheme has just rebuilt the stylesheet without our rules.
    mine = null;
    applied = 1;
    apply(true);
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  apply(true);
  return () => {
    observer.disconnect();
    if (raf) cancelAnimationFrame(raf);
    if (!cy.destroyed()) {
      cy.removeListener('zoom', schedule);
      cy.removeListener('data', 'node', schedule);
    }
  };
}
