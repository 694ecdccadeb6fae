import type { Explorer } from './explorer';

/** How many schedules send exactly `messages` messages. */
export interface HistogramBar {
  messages: number;
  schedules: bigint;
}

/**
 * The schedules counted by the messages they send, over the merged state graph (never one by one):
 * in topological order, each state carries how many paths reach it with each message count so far,
 * and passes them on along its transitions, adding what each sends. Two paths into one state may have
 * sent different numbers of messages (a state remembers what it needs, not its history), so the
 * counts are per path, not per state. A state's counts are dropped once passed on, so only the
 * states between the processed and the unprocessed ones hold any.
 */
export function messageHistogram(x: Explorer, order: Int32Array, isTerminal: Uint8Array): HistogramBar[] {
  const to = x.edgeTo.view();
  const sent = x.edgeSent.view();
  const at: (Map<number, bigint> | undefined)[] = new Array(x.states);
  at[0] = new Map([[x.initialSent, 1n]]);
  const total = new Map<number, bigint>();
  for (const s of order) {
    const here = at[s];
    if (here === undefined) continue;
    at[s] = undefined;
    if (isTerminal[s]) for (const [m, c] of here) total.set(m, (total.get(m) ?? 0n) + c);
    const [a, b] = x.edgesOf(s);
    for (let e = a; e < b; e++) {
      const t = to[e]!;
      const w = sent[e]!;
      let there = at[t];
      if (there === undefined) at[t] = there = new Map();
      for (const [m, c] of here) there.set(m + w, (there.get(m + w) ?? 0n) + c);
    }
  }
  return [...total]
    .map(([messages, schedules]) => ({ messages, schedules }))
    .sort((p, q) => p.messages - q.messages);
}
