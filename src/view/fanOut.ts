/**
 * Where the messages queued on one channel sit along it. Each message's own place is the fraction of
 * its delay that has passed; FIFO keeps a later message behind the one ahead of it. When the queue is
 * longer than the room behind the first one, the later messages used to stop at the sender, all on one
 * spot: here they are spread along the link instead, `gap` apart, or as far apart as the link allows.
 */
export interface FanOutScratch {
  depth: Int32Array;
  length: Int32Array;
}

export function fanOutScratch(size: number): FanOutScratch {
  return { depth: new Int32Array(size), length: new Int32Array(size) };
}

/**
 * `prev[i]` is the message ahead of i on its channel (−1 for the first), always an earlier index;
 * `p[i]` its own place in [0, 1] and `gap[i]` the wanted distance behind the one ahead (a fraction of
 * its link). Writes each message's place, in [0, 1], to `out`; O(count), no allocation.
 */
export function fanOut(
  count: number,
  prev: Int32Array,
  p: Float64Array,
  gap: Float64Array,
  out: Float64Array,
  scratch: FanOutScratch,
): void {
  const { depth, length } = scratch;
  // How deep each message is in its queue, and (back to front) how long its queue is.
  for (let i = 0; i < count; i++) {
    const a = prev[i]!;
    depth[i] = a >= 0 ? depth[a]! + 1 : 0;
    length[i] = 0;
  }
  for (let i = count - 1; i >= 0; i--) {
    if (length[i] === 0) length[i] = depth[i]! + 1;
    const a = prev[i]!;
    if (a >= 0) length[a] = length[i]!;
  }
  // Front to back: behind the one ahead, by the gap the link has room for.
  for (let i = 0; i < count; i++) {
    const a = prev[i]!;
    const g = spacing(gap[i]!, length[i]!);
    out[i] = a >= 0 ? Math.min(p[i]!, out[a]! - g) : p[i]!;
  }
  // Back to front: a message pushed behind the sender moves to it and pushes the ones ahead forward.
  for (let i = count - 1; i >= 0; i--) {
    if (out[i]! < 0) out[i] = 0;
    const a = prev[i]!;
    if (a >= 0) {
      const g = spacing(gap[i]!, length[i]!);
      if (out[a]! < out[i]! + g) out[a] = Math.min(1, out[i]! + g);
    }
  }
}

/** The gap between neighbours in a queue of `length`: the wanted one, or what the link holds. */
function spacing(gap: number, length: number): number {
  return length > 1 ? Math.min(gap, 1 / (length - 1)) : gap;
}
