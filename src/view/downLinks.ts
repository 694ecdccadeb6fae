import type { Core } from 'cytoscape';
import { IdIndex } from '../engine/links';
import { NetworkFaults } from '../engine/network';
import type { Simulation } from '../engine/simulation';

/**
 * The links cut at the cursor's time (C17: a link down, or a partition between its ends) get the
 * class `down`, drawn dashed red. Only runs with such faults pay for it: the others return at once.
 */
export function markDownLinks(cy: Core, sim: Simulation, time: number): void {
  const f = sim.faults;
  if (!f.down?.length && !f.part?.length) return;
  const net = new NetworkFaults({ ...f, loss: 0 }, new IdIndex(sim.graph.ids), sim.n, sim.seed);
  cy.edges().forEach((e) => {
    const a = Number(e.data('source').slice(1));
    const b = Number(e.data('target').slice(1));
    const cut = net.cut(a, b, time) !== 0;
    if (cut !== e.hasClass('down')) e.toggleClass('down', cut);
  });
}
