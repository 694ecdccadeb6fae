import type { AnyModule } from '../../src/algorithms/contract';
import { buildContexts } from '../../src/engine/context';
import type { Graph, NodeCtx, NodeId } from '../../src/engine/types';
import type { RunSpec } from '../../src/scenario/build';

/**
 * A second, deliberately naive implementation of the explorer's model, for the tests only: it walks
 * every maximal delivery sequence one by one, with no merging of states and no graph, copying the
 * whole system at each step. Channels are keyed by "from>to" ids; nothing is shared with
 * src/explorer/ except the algorithm's own handlers and the engine's node contexts.
 */

type Msg = { kind: string };

export interface System {
  states: unknown[];
  chans: Map<string, Msg[]>;
  byKind: Record<string, number>;
}

export interface NaiveFigures {
  schedules: number;
  leaders: (NodeId | null)[];
  min: number;
  max: number;
  minByKind: Record<string, number>;
  maxByKind: Record<string, number>;
  /** Schedules by the messages they send: count → how many schedules send exactly that. */
  histogram: Record<number, number>;
}

export class Naive {
  readonly ctx: NodeCtx[];
  readonly ids: NodeId[];
  readonly alg: AnyModule;
  readonly params: unknown;
  readonly graph: Graph;

  constructor(run: Pick<RunSpec, 'algorithm' | 'params' | 'graph' | 'faults'>) {
    this.alg = run.algorithm;
    this.params = run.params;
    this.graph = run.graph;
    this.ids = run.graph.ids;
    this.ctx = buildContexts(run.graph, { mode: 'async', maxDelay: 1 }, run.faults, false);
  }

  private apply(
    sys: System,
    i: number,
    r: { state: unknown; send?: readonly { to: NodeId; msg: Msg }[] },
  ): void {
    sys.states[i] = r.state;
    for (const s of r.send ?? []) {
      const key = `${this.ids[i]}>${s.to}`;
      sys.chans.set(key, [...(sys.chans.get(key) ?? []), s.msg]);
      sys.byKind[s.msg.kind] = (sys.byKind[s.msg.kind] ?? 0) + 1;
    }
  }

  start(): System {
    const sys: System = { states: [], chans: new Map(), byKind: {} };
    this.ids.forEach((_, i) => this.apply(sys, i, this.alg.init(this.ctx[i]!, this.params)));
    return sys;
  }

  private copy(sys: System): System {
    return { states: [...sys.states], chans: new Map(sys.chans), byKind: { ...sys.byKind } };
  }

  /** Channels with a message in flight, as "from>to". */
  enabled(sys: System): string[] {
    return [...sys.chans.entries()].filter(([, q]) => q.length > 0).map(([k]) => k);
  }

  /** Delivers the oldest message on channel "from>to"; a new system, the old one untouched. */
  deliver(sys: System, key: string): System {
    const next = this.copy(sys);
    const [from, to] = key.split('>').map(Number) as [number, number];
    const q = next.chans.get(key)!;
    next.chans.set(key, q.slice(1));
    const i = this.ids.indexOf(to);
    this.apply(next, i, this.alg.onMessage(next.states[i], from, q[0]!, this.ctx[i]!, this.params));
    return next;
  }

  /** When nothing is in flight: every node's barrier call (C12), or null when none acts. */
  barrier(sys: System): System | null {
    if (!this.alg.onBarrier) return null;
    const next = this.copy(sys);
    let acted = false;
    this.ids.forEach((_, i) => {
      const r = this.alg.onBarrier!(sys.states[i], this.ctx[i]!, this.params);
      if (r !== null) {
        acted = true;
        this.apply(next, i, r);
      }
    });
    return acted ? next : null;
  }

  leader(sys: System): NodeId | null {
    if (this.alg.result) return this.alg.result(sys.states, this.ids, this.graph, this.params).leader;
    const i = sys.states.findIndex((s) => this.alg.role(s) === 'leader');
    return i < 0 ? null : this.ids[i]!;
  }

  /** Every maximal schedule, one at a time; `limit` guards against a case too big for a test. */
  figures(limit = 2_000_000): NaiveFigures {
    const out: NaiveFigures = {
      schedules: 0,
      leaders: [],
      min: Infinity,
      max: -Infinity,
      minByKind: {},
      maxByKind: {},
      histogram: {},
    };
    const leaders = new Set<NodeId | null>();
    const ends: Record<string, number>[] = [];
    const walk = (sys: System): void => {
      const keys = this.enabled(sys);
      if (keys.length === 0) {
        const b = this.barrier(sys);
        if (b) return walk(b);
        if (++out.schedules > limit) throw new Error('too many schedules for the naive enumerator');
        leaders.add(this.leader(sys));
        const total = Object.values(sys.byKind).reduce((a, b) => a + b, 0);
        out.min = Math.min(out.min, total);
        out.max = Math.max(out.max, total);
        out.histogram[total] = (out.histogram[total] ?? 0) + 1;
        ends.push(sys.byKind);
        return;
      }
      for (const k of keys) walk(this.deliver(sys, k));
    };
    walk(this.start());
    const kinds = new Set(ends.flatMap((e) => Object.keys(e)));
    for (const k of kinds) {
      out.minByKind[k] = Math.min(...ends.map((e) => e[k] ?? 0));
      out.maxByKind[k] = Math.max(...ends.map((e) => e[k] ?? 0));
    }
    out.leaders = [...leaders].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
    return out;
  }

  /**
   * The fewest deliveries after which `bad` holds, by trying every sequence of that length (no
   * merging): the independent check that the explorer's witness is a shortest one.
   */
  shortest(bad: (sys: System) => boolean, maxDepth: number): number | null {
    for (let d = 0; d <= maxDepth; d++) {
      const reach = (sys: System, left: number): boolean => {
        if (bad(sys)) return true;
        if (left === 0) return false;
        const keys = this.enabled(sys);
        if (keys.length === 0) {
          const b = this.barrier(sys);
          return b ? reach(b, left) : false;
        }
        return keys.some((k) => reach(this.deliver(sys, k), left - 1));
      };
      if (reach(this.start(), d)) return d;
    }
    return null;
  }

  /** Replays a schedule in text form ("1-2,2-3"), returning the system after each delivery. */
  replay(schedule: string): System[] {
    let sys = this.start();
    const out = [sys];
    for (const step of schedule === '' ? [] : schedule.split(',')) {
      if (this.enabled(sys).length === 0) sys = this.barrier(sys) ?? sys;
      const m = /^(-?\d+)-(-?\d+)$/.exec(step);
      if (!m) throw new Error(`not a delivery: ${step}`);
      const key = `${m[1]}>${m[2]}`;
      if (!(sys.chans.get(key)?.length ?? 0)) throw new Error(`nothing in flight on ${step}`);
      sys = this.deliver(sys, key);
      out.push(sys);
    }
    return out;
  }
}
