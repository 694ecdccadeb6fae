import type { AlgorithmResult, NodeId, Role } from '../engine/types';
import type { Global, Model } from '../scenario/model';

/**
 * The safety and liveness checks run on every state the explorer finds (docs/explorer.md,
 * "Monitors"). Breadth-first search finds each state first by a shortest path, so the first state
 * failing a check gives the shortest witness of that kind.
 */
export type ViolationKind =
  'two-leaders' | 'wrong-leader' | 'no-leader' | 'never-learns' | 'stuck' | 'handler-error' | 'cycle';

export interface Finding {
  kind: ViolationKind;
  message: string;
}

export class Monitors {
  private readonly roles: Role[] = [];
  private readonly largest: NodeId;
  private readonly expectLargest: boolean;
  /** With the announcement on (C3) every node must end knowing the leader; without, a leader must exist. */
  private readonly announces: boolean;

  constructor(
    private readonly model: Model,
    /** The node state behind an interned number. */
    private readonly stateOf: (id: number) => unknown,
  ) {
    const alg = model.alg;
    this.largest = Math.max(...model.ids);
    this.expectLargest = alg.explore?.leader === 'largest';
    this.announces = alg.counts.announcement?.on(model.params) ?? false;
  }

  private role(id: number): Role {
    let r = this.roles[id];
    if (r === undefined) {
      const s = this.stateOf(id);
      r = s === null || s === undefined ? 'idle' : this.model.alg.role(s);
      this.roles[id] = r;
    }
    return r;
  }

  /** The outcome the CLI would print for these node states (a run's `leader`). */
  result(g: Global): AlgorithmResult {
    const m = this.model;
    if (m.alg.result) return m.alg.result(g.nodes, m.ids, m.graph, m.params);
    for (let i = 0; i < m.n; i++) if (m.alg.role(g.nodes[i]) === 'leader') return { leader: m.ids[i]! };
    return { leader: null };
  }

  /** Checks that hold in every state: at most one leader, and only the right one. */
  onState(g: Global, nodeIds: ArrayLike<number>): Finding[] {
    const out: Finding[] = [];
    const leaders: NodeId[] = [];
    for (let i = 0; i < nodeIds.length; i++)
      if (this.role(nodeIds[i]!) === 'leader') leaders.push(this.model.ids[i]!);
    if (leaders.length > 1)
      out.push({
        kind: 'two-leaders',
        message: `${leaders.slice(0, -1).join(', ')} and ${leaders.at(-1)} are leader at once`,
      });
    if (this.expectLargest) {
      const { leader } = this.result(g);
      if (leader !== null && leader !== this.largest)
        out.push({
          kind: 'wrong-leader',
          message: `${leader} is elected, not the largest id ${this.largest}`,
        });
    }
    return out;
  }

  /** Checks of a state where nothing is left to happen: a leader, known to all, and nothing held back. */
  onTerminal(g: Global, nodeIds: ArrayLike<number>, leader: NodeId | null): Finding[] {
    const out: Finding[] = [];
    const m = this.model;
    if (leader === null) out.push({ kind: 'no-leader', message: 'the run ends with no leader' });
    else if (this.announces) {
      for (let i = 0; i < nodeIds.length; i++) {
        const r = this.role(nodeIds[i]!);
        if (r !== 'leader' && r !== 'nonLeader') {
          out.push({
            kind: 'never-learns',
            message: `the run ends and ${m.ids[i]} never learns the leader (it ends a ${r})`,
          });
          break;
        }
      }
    }
    const held = m.alg.explore?.held;
    if (held) {
      for (let i = 0; i < m.n; i++) {
        const k = g.nodes[i] === null ? 0 : held(g.nodes[i]);
        if (k > 0) {
          out.push({
            kind: 'stuck',
            message: `nothing is in flight, but ${m.ids[i]} still holds ${k} message${k === 1 ? '' : 's'} it never handles`,
          });
          break;
        }
      }
    }
    return out;
  }
}
