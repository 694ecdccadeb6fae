import type { AnyAlgorithm, InvariantViolation, NodeId, Role } from './types';

/** What the end-of-run monitors read of a finished run. */
export interface FinalView {
  step: number;
  /** Set when the step budget stopped the run before it was over. */
  budgetExceeded: boolean;
  stepBudget: number;
  /** The run's outcome (Algorithm.result, crashed processes left out). */
  leader: NodeId | null;
  ids: readonly NodeId[];
  states: readonly unknown[];
  crashed(position: number): boolean;
}

const and = (ids: readonly NodeId[]): string =>
  ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;

const some = (ids: readonly NodeId[]): string =>
  ids.length > 6 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : and(ids);

/**
 * The safety and liveness monitors every run is watched by (docs/algorithms.md §2.1): at most one
 * leader at any moment (per term where the algorithm has terms), every live process learns the same
 * leader, and the run terminates with a leader. A violation is recorded with its step and never thrown.
 * Like the FIFO check, the step monitor follows the frontier only: the engine calls it once per step
 * ever executed, so its tables are never checkpointed.
 */
export class Monitors {
  readonly violations: InvariantViolation[] = [];
  /** Positions whose role is leader now (one-leader-at-once). */
  private readonly leaders = new Set<number>();
  /** Per term, the first process that led it (algorithms with terms). */
  private readonly termLeader = new Map<number, NodeId>();
  private finished = false;

  constructor(
    private readonly algorithm: AnyAlgorithm,
    private readonly params: unknown,
    private readonly ids: readonly NodeId[],
  ) {}

  /** One step of process `position` changed its role from `before` to `after`. */
  step(step: number, position: number, before: Role, after: Role, state: unknown): void {
    if (before !== 'leader' && after !== 'leader') return;
    const term = this.algorithm.term;
    if (term) {
      if (after !== 'leader') return;
      const t = term(state);
      const id = this.ids[position]!;
      const first = this.termLeader.get(t);
      if (first === undefined) this.termLeader.set(t, id);
      else if (first !== id)
        this.violations.push({ step, message: `two leaders in term ${t}: ${first} and ${id}` });
      return;
    }
    if (after === 'leader') {
      if (this.leaders.has(position)) return;
      this.leaders.add(position);
      if (this.leaders.size > 1) {
        const who = [...this.leaders].map((p) => this.ids[p]!).sort((x, y) => x - y);
        this.violations.push({ step, message: `${who.length} processes are leader at once: ${and(who)}` });
      }
    } else this.leaders.delete(position);
  }

  /** The end of the run: termination with a leader, and every live process knowing that leader. */
  finish(run: FinalView): void {
    if (this.finished) return;
    this.finished = true;
    const at = run.step;
    if (run.budgetExceeded) {
      this.violations.push({ step: at, message: `the run did not terminate within ${run.stepBudget} steps` });
      return;
    }
    if (run.leader === null) {
      this.violations.push({ step: at, message: 'the run ended with no leader' });
      return;
    }
    const known = this.algorithm.knownLeader;
    if (!known) return;
    const wrong: NodeId[] = [];
    const unaware: NodeId[] = [];
    for (let i = 0; i < run.ids.length; i++) {
      if (run.crashed(i)) continue;
      const s = run.states[i];
      const l = s === null ? null : known(s, this.params);
      if (l === undefined) return; // these params tell nobody the outcome
      if (l === null) unaware.push(run.ids[i]!);
      else if (l !== run.leader) wrong.push(run.ids[i]!);
    }
    if (wrong.length)
      this.violations.push({
        step: at,
        message: `${some(wrong)} ${wrong.length > 1 ? 'follow' : 'follows'} another leader than ${run.leader}`,
      });
    if (unaware.length)
      this.violations.push({
        step: at,
        message: `${some(unaware)} never ${unaware.length > 1 ? 'learn' : 'learns'} that ${run.leader} is the leader`,
      });
  }
}
