import type { Core } from 'cytoscape';
import type { NodeId } from '../engine/types';
import type { Selection } from '../store/simStore';

/** The selected link (the live controls act on it) gets the class `sel`, drawn wide in the accent. */
export function markSelectedLink(cy: Core, ids: readonly NodeId[], sel: Selection): void {
  const a = sel?.kind === 'link' ? ids.indexOf(sel.a) : -1;
  const b = sel?.kind === 'link' ? ids.indexOf(sel.b) : -1;
  cy.edges().forEach((e) => {
    const s = Number(String(e.data('source')).slice(1));
    const t = Number(String(e.data('target')).slice(1));
    const on = (s === a && t === b) || (s === b && t === a);
    if (on !== e.hasClass('sel')) e.toggleClass('sel', on);
  });
}
