import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/types';
import { components, connectedProblem, treeProblem } from '../../src/topology/connectivity';

function graph(ids: number[], pairs: [number, number][]): Graph {
  const pos = new Map(ids.map((id, i) => [id, i]));
  return {
    kind: 'custom',
    ids,
    directed: false,
    edges: pairs.map(([a, b]) => ({ a: pos.get(a)!, b: pos.get(b)!, w: 1 })),
    weighted: false,
    ring: false,
  };
}

describe('connectivity', () => {
  it('counts components and names each by its first position', () => {
    const g = graph(
      [1, 2, 3, 4, 5],
      [
        [1, 2],
        [4, 5],
      ],
    );
    const c = components(g);
    expect(c.count).toBe(3);
    expect([...c.component]).toEqual([0, 0, 2, 3, 3]);
  });

  it('a tree passes; a cycle and a disconnected forest are refused with their numbers', () => {
    expect(
      treeProblem(
        graph(
          [1, 2, 3, 4],
          [
            [1, 2],
            [2, 3],
            [3, 4],
          ],
        ),
      ),
    ).toBeNull();
    expect(
      treeProblem(
        graph(
          [1, 2, 3],
          [
            [1, 2],
            [2, 3],
            [3, 1],
          ],
        ),
      ),
    ).toBe('the graph is not a tree: it has a cycle (3 edges on 3 nodes; a tree has 2)');
    expect(
      treeProblem(
        graph(
          [1, 2, 3, 4],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ),
    ).toBe('the graph is not a tree: it is disconnected, 2 components among 4 nodes (3 cannot reach 1)');
    expect(
      treeProblem(
        graph(
          [1, 2, 3, 4],
          [
            [1, 2],
            [2, 3],
            [3, 1],
          ],
        ),
      ),
    ).toBe(
      'the graph is not a tree: it is disconnected, 2 components among 4 nodes (4 cannot reach 1), and it has a cycle',
    );
  });

  it('connectedProblem names a node the first cannot reach', () => {
    expect(
      connectedProblem(
        graph(
          [1, 2, 3],
          [
            [1, 2],
            [2, 3],
            [3, 1],
          ],
        ),
      ),
    ).toBeNull();
    expect(connectedProblem(graph([7, 8, 9], [[7, 8]]))).toBe(
      'the graph is disconnected: 2 components among 3 nodes (9 cannot reach 7)',
    );
  });
});
