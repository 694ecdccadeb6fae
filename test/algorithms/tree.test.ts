import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/types';
import { simulate, summary } from '../util/run';

/** The centre(s) of a tree, by peeling leaves layer by layer (independent of the simulator). */
function centres(g: Graph): number[] {
  const n = g.ids.length;
  if (n === 1) return [g.ids[0]!];
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const { a, b } of g.edges) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  const deg = adj.map((x) => x.length);
  let layer = deg.flatMap((d, i) => (d === 1 ? [i] : []));
  let left = n;
  while (left > 2) {
    left -= layer.length;
    const next: number[] = [];
    for (const v of layer) for (const u of adj[v]!) if (--deg[u]! === 1) next.push(u);
    layer = next;
  }
  return layer.map((i) => g.ids[i]!).sort((a, b) => a - b);
}

const adjacent = (g: Graph, x: number, y: number) => {
  const [px, py] = [g.ids.indexOf(x), g.ids.indexOf(y)];
  return g.edges.some(({ a, b }) => (a === px && b === py) || (a === py && b === px));
};

describe('tree convergecast (§1.7, C11)', () => {
  it('golden: star with centre 3, sync: leader 3, up 4, elected 4, 2 rounds', () => {
    const s = summary({ alg: 'tree', ids: '1,2,3,4,5', edges: '3-1,3-2,3-4,3-5', mode: 'sync' });
    expect(s).toMatchObject({ leader: 3, messages: 8, messagesByKind: { up: 4, elected: 4 }, rounds: 2 });
    expect(s.saturated).toEqual([3]);
  });

  it('golden: path 1-2-3-4, sync: 2 and 3 saturated, leader 3, up 4, elected 3, 4 rounds', () => {
    const s = summary({ alg: 'tree', ids: '1,2,3,4', edges: '1-2,2-3,3-4', mode: 'sync' });
    expect(s).toMatchObject({ leader: 3, messages: 7, messagesByKind: { up: 4, elected: 3 }, rounds: 4 });
    expect(s.saturated).toEqual([2, 3]);
  });

  it('sync path: the middle node alone (odd n, up n − 1) or the two middle nodes (even n, up n), for any id order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 2, maxLength: 40 }),
        (ids) => {
          const n = ids.length;
          const s = summary({ alg: 'tree', topo: 'path', ids: ids.join(','), mode: 'sync' });
          const middle = n % 2 ? [ids[(n - 1) / 2]!] : [ids[n / 2 - 1]!, ids[n / 2]!];
          expect(s.saturated).toEqual([...middle].sort((a, b) => a - b));
          expect(s.messagesByKind.up).toBe(n % 2 ? n - 1 : n);
          expect(s.messagesByKind.elected).toBe(n - 1);
          // the larger of the two middle ids, not the largest id (C11)
          expect(s.leader).toBe(Math.max(...middle));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('sync star: the centre alone is saturated, n − 1 up and n − 1 elected (n ≥ 3)', () => {
    for (let n = 3; n <= 30; n++) {
      const ids = Array.from({ length: n }, (_, i) => n - i); // centre = first id = n… and also:
      const centreFirst = [1, ...ids.filter((x) => x !== 1)]; // a centre that is the smallest id
      for (const list of [ids, centreFirst]) {
        const s = summary({ alg: 'tree', topo: 'star', ids: list.join(','), mode: 'sync' });
        expect(s.saturated).toEqual([list[0]]);
        expect(s.leader).toBe(list[0]);
        expect(s.messagesByKind).toEqual({ up: n - 1, elected: n - 1 });
        expect(s.rounds).toBe(2);
      }
    }
  });

  it('random trees, sync: the saturated nodes are the tree centre(s); up = n − 1 (one) or n (two, adjacent)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        fc.constantFrom('asc', 'random'),
        (n, seed, order) => {
          const sim = simulate({
            alg: 'tree',
            topo: 'tree',
            n: String(n),
            ids: order,
            seed: String(seed),
            mode: 'sync',
          });
          const r = sim.result();
          const saturated = r.extra!.saturated as number[];
          expect(saturated).toEqual(centres(sim.graph));
          const c = sim.getCounters();
          expect(c.sentByKind.up ?? 0).toBe(n === 1 ? 0 : saturated.length === 1 ? n - 1 : n);
          expect(c.sentByKind.elected ?? 0).toBe(n - 1);
          expect(r.leader).toBe(Math.max(...saturated));
          if (saturated.length === 2) expect(adjacent(sim.graph, saturated[0]!, saturated[1]!)).toBe(true);
          expect(sim.violations).toEqual([]);
          expect(sim.terminated).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random trees, async: always n up messages and two adjacent saturated nodes (n ≥ 2); n − 1 elected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.nat(),
        fc.integer({ min: 1, max: 20 }),
        (n, seed, maxDelay) => {
          const sim = simulate({
            alg: 'tree',
            topo: 'tree',
            n: String(n),
            ids: 'random',
            seed: String(seed),
            mode: 'async',
            maxDelay: String(maxDelay),
          });
          const r = sim.result();
          const saturated = r.extra!.saturated as number[];
          expect(saturated.length).toBe(2);
          expect(adjacent(sim.graph, saturated[0]!, saturated[1]!)).toBe(true);
          expect(r.leader).toBe(saturated[1]);
          const c = sim.getCounters();
          expect(c.sentByKind.up).toBe(n);
          expect(c.sentByKind.elected).toBe(n - 1);
          // every node learns the leader
          expect(sim.nodeStates().every((s) => (s as { leader: number }).leader === r.leader)).toBe(true);
          expect(sim.violations).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('--no-announce drops the n − 1 elected messages; n = 1 elects itself with no message', () => {
    const s = summary({ alg: 'tree', ids: '1,2,3,4', edges: '1-2,2-3,3-4', mode: 'sync', announce: '0' });
    expect(s.messagesByKind).toEqual({ up: 4 });
    expect(s.leader).toBe(3);
    const one = summary({ alg: 'tree', topo: 'path', ids: '42', mode: 'async' });
    expect(one).toMatchObject({ leader: 42, messages: 0, saturated: [42] });
  });

  it('n = 2: both nodes saturated, the larger leads, 2 up + 1 elected', () => {
    const s = summary({ alg: 'tree', ids: '5,9', edges: '5-9', mode: 'sync' });
    expect(s).toMatchObject({ leader: 9, saturated: [5, 9], messagesByKind: { up: 2, elected: 1 } });
  });

  it('refuses a graph that is not a tree, saying why with the numbers', () => {
    expect(() => simulate({ alg: 'tree', ids: '1,2,3', edges: '1-2,2-3,3-1' })).toThrow(
      'the graph is not a tree: it has a cycle (3 edges on 3 nodes; a tree has 2)',
    );
    expect(() => simulate({ alg: 'tree', ids: '1,2,3,4', edges: '1-2,3-4' })).toThrow(
      'the graph is not a tree: it is disconnected, 2 components among 4 nodes (3 cannot reach 1)',
    );
  });

  it('sync decisions wait for the whole round: notes and the decide timer on the path 1-2-3-4', () => {
    const sim = simulate({ alg: 'tree', ids: '1,2,3,4', edges: '1-2,2-3,3-4', mode: 'sync' });
    const steps = sim.trace.map(
      (e) => `${e.time} ${e.kind} ${e.node}${e.timer ? '' : e.from !== undefined ? ` ←${e.from}` : ''}`,
    );
    // Hand-worked: leaves 1 and 4 send at 0; 2 and 3 hear them in round 1 and decide at its end;
    // their up messages cross in round 2; 3 (the larger) announces in round 3, 2 forwards in round 4.
    expect(steps).toEqual([
      '0 init 1',
      '0 init 2',
      '0 init 3',
      '0 init 4',
      '1 deliver 2 ←1',
      '1 deliver 3 ←4',
      '1 timer 2',
      '1 timer 3',
      '2 deliver 3 ←2',
      '2 deliver 2 ←3',
      '2 timer 3',
      '2 timer 2',
      '3 deliver 2 ←3',
      '3 deliver 4 ←3',
      '4 deliver 1 ←2',
    ]);
    expect(sim.trace[0]!.note).toBe('1 is a leaf: it sends up(1, 1) to 2');
    expect(sim.trace[6]!.note).toBe(
      '2 has heard from all its neighbours but 3 (1 up message): it sends up(2, 2) to 3',
    );
    expect(sim.trace[10]!.note).toBe(
      '3 hears from 2, to which it had sent up: 2 and 3 are both saturated, and the larger, 3, is the leader; it sends elected(3) to 2, 4',
    );
  });
});
