import type { Core, StylesheetJson } from 'cytoscape';
import { drawingRules } from './style';

/** Graph colours for the dark theme; the role fills stay as the legend shows them. */
const DARK: StylesheetJson = [
  { selector: 'node', style: { 'border-color': '#e6e6e6' } },
  { selector: 'node.sel', style: { 'underlay-color': '#ffffff', 'underlay-opacity': 0.45 } },
  {
    selector: 'edge',
    style: { 'line-color': '#b4bcc4', 'target-arrow-color': '#d5dade', 'source-arrow-color': '#d5dade' },
  },
  { selector: 'edge.weighted', style: { color: '#f2f2f2', 'text-background-color': '#1b1f24' } },
  { selector: 'node.service', style: { color: '#f2f2f2', 'text-background-color': '#1b1f24' } },
  ...drawingRules('#e6e6e6'),
  // after `edge`: a cut link stays red on the dark theme too (C17)
  { selector: 'edge.down', style: { 'line-color': '#ff6b6b' } },
];

/**
 * Keeps a Cytoscape instance's edge and border colours in step with <html data-theme>, now and on
 * every later change. Returns the function that stops following.
 */
export function followTheme(cy: Core, root: HTMLElement = document.documentElement): () => void {
  // The instance's own stylesheet as the graph view made it (it differs for large graphs).
  // (Style.json() exists in Cytoscape 3 but is missing from its type declarations.)
  const base = (cy.style() as unknown as { json(): StylesheetJson }).json();
  const apply = (on: boolean) =>
    cy
      .style()
      .fromJson(on ? [...base, ...DARK] : base)
      .update();
  let dark = root.dataset.theme === 'dark';
  if (dark) apply(true);
  const observer = new MutationObserver(() => {
    const next = root.dataset.theme === 'dark';
    if (next === dark || cy.destroyed()) return;
    dark = next;
    apply(dark);
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
