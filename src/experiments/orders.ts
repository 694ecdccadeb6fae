import { Prng } from '../engine/prng';
import type { NodeId } from '../engine/types';
import type { Flat } from '../scenario/parse';

/**
 * The id orders an experiment runs. `asc`, `desc` and `random` are the scenario's own id orders;
 * `worst` and `best` are defined per algorithm below, because what makes a ring expensive depends
 * on the algorithm (a sorted ring is LCR's worst case and Peterson's best).
 */
export const ORDER_NAMES = ['worst', 'best', 'random', 'asc', 'desc'] as const;
export type OrderName = (typeof ORDER_NAMES)[number];

export function isOrderName(x: string): x is OrderName {
  return (ORDER_NAMES as readonly string[]).includes(x);
}

/** What worst and best mean for one algorithm, and the scenario keys that build them. */
interface Profile {
  /** One sentence each, shown in the panel and the CLI's --help; null = no such arrangement is known. */
  worst: string | null;
  best: string | null;
  /** The flat (URL) keys of the run besides alg, n, mode and seed. */
  arrange(order: OrderName, n: number, seed: number): Flat;
}

const byIds = (order: OrderName): Flat => ({
  ids: order === 'worst' ? 'desc' : order === 'best' ? 'asc' : order,
});

/** LCR and Chang–Roberts (all initiate): C1 — the worst ring has ids decreasing along the send direction. */
const lcrProfile: Profile = {
  worst:
    'ids decreasing clockwise (desc): every uid travels to the first larger one, n(n+1)/2 election messages',
  best: 'ids increasing clockwise (asc): every uid but the largest dies after one hop, 2n−1 election messages',
  arrange: (order) => byIds(order),
};

/**
 * Hirschberg–Sinclair: a sorted ring (either way; the ring is bidirectional, so both are mirror
 * images) is the cheapest ring for n ≤ 9 by enumeration (algorithms.md, "HS min"). No closed-form
 * worst ring is known to us; `worst` runs a reversed bit-reversal ring, which keeps many candidates
 * alive in every phase. It is a heavy ring, not a proven maximum, so only the bound is drawn beside it.
 */
const hsProfile: Profile = {
  worst:
    'reversed bit-reversal ring: many candidates survive each phase (heavy, not a proven maximum; compare with the bound)',
  best: 'sorted ring (asc): every process but the largest is defeated in phase 0; the minimum over all rings for n ≤ 9',
  arrange: (order, n) => (order === 'worst' ? { ids: bitReversalRing(n).join(',') } : byIds(order)),
};

/** Peterson: sorted rings give 3n election messages (the minimum); `worst` is built to reach the bound. */
const petersonProfile: Profile = {
  worst:
    'a ring built so that exactly ⌊a/2⌋ of a active processes survive every phase: 2n⌊log n⌋ + n election messages, the bound',
  best: 'sorted ring (asc): one phase with many active processes, then one left: 3n election messages',
  arrange: (order, n) => (order === 'worst' ? { ids: petersonWorstRing(n).join(',') } : byIds(order)),
};

/**
 * Bully (no crash, sync): the count depends only on the detector's rank k (algorithms.md §1.5), not on
 * how ids sit in the complete graph. worst = the lowest id detects (n² − 1), best = the highest
 * (n − 1); `random` draws the detector's rank from the seed as well as the ids.
 */
const bullyProfile: Profile = {
  worst: 'the lowest id detects the failure (k = 1): n² − 1 messages with no crash',
  best: 'the highest id detects (k = n): it declares at once, n − 1 COORDINATOR messages',
  arrange: (order, n, seed) => {
    if (order === 'worst') return { ids: 'asc' };
    if (order === 'best') return { ids: 'asc', initiator: String(n) };
    if (order === 'random') return { ids: 'random', initiator: String(new Prng(seed).int(1, n)) };
    return byIds(order);
  },
};

/** Algorithms where no id order is known to be worst or best: only asc, desc and random run. */
const unordered: Profile = { worst: null, best: null, arrange: (order) => byIds(order) };

const PROFILES: Record<string, Profile> = {
  lcr: lcrProfile,
  'chang-roberts': lcrProfile,
  hs: hsProfile,
  peterson: petersonProfile,
  bully: bullyProfile,
};

export function profileOf(algorithm: string): Profile {
  return PROFILES[algorithm] ?? unordered;
}

/** What `order` means for `algorithm`, one sentence (null when the algorithm has no such order). */
export function describeOrder(algorithm: string, order: OrderName): string | null {
  const p = profileOf(algorithm);
  if (order === 'worst') return p.worst;
  if (order === 'best') return p.best;
  if (order === 'random') return 'ids 1..n in a random order drawn from the seed';
  return order === 'asc' ? 'ids 1..n increasing clockwise' : 'ids 1..n decreasing clockwise';
}

/**
 * Peterson's worst ring. A process stays active iff its upstream active neighbour holds a local
 * maximum of the active temporary ids, and then takes that id; so the next phase's active ids are the
 * local maxima, in ring order. Build the phases top-down: from the last phase's single id, put a
 * fresh smaller id after every id of the phase above (one more at the end when the size is odd).
 * Every id of the phase above is then a local maximum and no fresh id is one, so a active processes
 * leave exactly ⌊a/2⌋, and the sizes run n, ⌊n/2⌋, … 1: ⌊log n⌋ phases with two or more active.
 */
export function petersonWorstRing(n: number): NodeId[] {
  const sizes: number[] = [];
  for (let a = n; a >= 1; a = Math.floor(a / 2)) sizes.push(a);
  let next = n;
  let ring: NodeId[] = [next--];
  for (let i = sizes.length - 2; i >= 0; i--) {
    const below: NodeId[] = [];
    for (const id of ring) below.push(id, next--);
    if (sizes[i]! % 2 === 1) below.push(next--);
    ring = below;
  }
  return ring;
}

/**
 * Position p gets the reverse of p's bits (over ⌈log n⌉ bits), skipping values ≥ n, and the ids are
 * ranked from the largest down, so large ids sit far apart, as the survivors of every HS phase must.
 */
export function bitReversalRing(n: number): NodeId[] {
  let bits = 0;
  while (1 << bits < n) bits++;
  const out: NodeId[] = [];
  for (let p = 0; p < 1 << bits; p++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (p & (1 << b)) r |= 1 << (bits - 1 - b);
    if (r < n) out.push(n - r);
  }
  return out;
}
