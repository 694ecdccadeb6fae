import { bully } from './bully';
import { changRoberts } from './chang-roberts';
import type { AnyModule } from './contract';
import { floodmax } from './floodmax';
import { franklin } from './franklin';
import { ghs } from './ghs';
import { hs } from './hs';
import { itaiRodeh } from './itai-rodeh';
import { lcr } from './lcr';
import { lease } from './lease';
import { peterson } from './peterson';
import { raft } from './raft';
import { tree } from './tree';
import { zookeeper } from './zookeeper';

/**
 * Every algorithm, in the order the UI lists them. Adding an algorithm is one line here: the CLI,
 * the links, the editor, the experiments and the contract test (test/algorithms/contract.test.ts)
 * all read this list.
 */
const MODULES = [
  lcr,
  changRoberts,
  hs,
  peterson,
  franklin,
  bully,
  tree,
  ghs,
  floodmax,
  itaiRodeh,
  raft,
  lease,
  zookeeper,
] as const;

export const ALGORITHMS: readonly AnyModule[] = MODULES;

/** The algorithm a fresh page opens on. */
export const DEFAULT_ALGORITHM: string = lcr.id;

/** The algorithms the experiments panel starts with ticked: the O(n²) ring against the O(n log n) one. */
export const EXPERIMENT_DEFAULTS: readonly string[] = [lcr.id, hs.id];

export function findAlgorithm(id: string): AnyModule | undefined {
  return ALGORITHMS.find((a) => a.id === id);
}

type ParamsOf<A> = A extends { defaults: infer P } ? P : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** Every algorithm's params, merged: a key two algorithms share must have one type. */
type AllParams = UnionToIntersection<ParamsOf<(typeof MODULES)[number]>>;

/**
 * The options a scenario may carry, derived from the registry: each is absent (the algorithm's
 * default) or a value of the type its declaration reads.
 */
export type ScenarioParams = { [K in keyof AllParams]?: NonNullable<AllParams[K]> };
