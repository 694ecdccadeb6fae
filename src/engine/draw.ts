/**
 * The random draws a randomized algorithm makes through its node context (NodeCtx.draw, C16).
 *
 * A draw is a pure function of (run seed, ring position of the node, draw index k): a counter-based
 * generator, murmur3's 32-bit hash of those words. It keeps no state, so
 * - the delay stream of async runs (C6) is untouched: every existing run keeps its trace hash;
 * - stepping back and seeking replay the same draws without checkpointing anything;
 * - the node's id is not an input: the same n and seed with other ids draw the same numbers at the
 *   same ring positions (an anonymous ring cannot tell its ids apart, and neither can the draws).
 * A value in [lo, hi] is taken by rejection, so every value is exactly equally likely: attempt j
 * hashes (seed, position, k, j) and is kept when it falls below the largest multiple of the range.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** One 32-bit block of murmur3_32 mixed into the running hash. */
function block(h: number, w: number): number {
  let k = Math.imul(w | 0, C1);
  k = rotl(k, 15);
  k = Math.imul(k, C2);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3_32 of four 32-bit words (seed 0). */
function hash4(w0: number, w1: number, w2: number, w3: number): number {
  let h = block(block(block(block(0, w0), w1), w2), w3);
  h ^= 16; // the key's length in bytes
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO32 = 0x100000000;

/**
 * A whole number uniform in [lo, hi] (hi − lo < 2^32), the k-th draw of the node at `position` in a
 * run with this seed (seeds are whole numbers below 2^32, as the scenario allows).
 */
export function drawAt(seed: number, position: number, k: number, lo: number, hi: number): number {
  const range = hi - lo + 1;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || range < 1 || range > TWO32)
    throw new RangeError(`draw: [${lo}, ${hi}] is not a range of whole numbers`);
  const limit = TWO32 - (TWO32 % range);
  for (let attempt = 0; ; attempt++) {
    const x = hash4(seed >>> 0, position, k, attempt);
    if (x < limit) return lo + (x % range);
  }
}

/** The word that keeps the loss draws apart from every node's draws (positions are far below it). */
const LOSS_STREAM = 0x6c6f7373;

/**
 * Whether the message with this send counter is lost when each is lost with probability `p` (C17): a
 * pure function of the seed and the counter, like the node draws, so the delays (C6) are drawn exactly as
 * without loss, and a seek replays the same fate. The caller never asks when p = 0.
 */
export function lostAt(seed: number, seq: number, p: number): boolean {
  const x = hash4(seed >>> 0, LOSS_STREAM, seq % TWO32, Math.floor(seq / TWO32));
  return x < p * TWO32;
}

/** The words that keep the duplicate draws apart from the loss draws and every node's draws. */
const DUP_STREAM = 0x64757031;
const COPY_DELAY_STREAM = 0x64757032;

/**
 * Whether the message with this send counter is delivered twice when each is with probability `p`
 * (C26): a pure function of the seed and the counter, like `lostAt`, on a stream of its own, so the
 * delays (C6) and the loss draws are the same with or without duplicates. Never asked when p = 0.
 */
export function duplicatedAt(seed: number, seq: number, p: number): boolean {
  const x = hash4(seed >>> 0, DUP_STREAM, seq % TWO32, Math.floor(seq / TWO32));
  return x < p * TWO32;
}

/**
 * How long after the original (or after the channel's last queued delivery) the copy of the message
 * with this send counter arrives in an async run (C26): uniform in [1, maxDelay], from its own stream.
 */
export function copyDelay(seed: number, seq: number, maxDelay: number): number {
  return drawAt(seed, COPY_DELAY_STREAM, seq, 1, Math.max(1, maxDelay));
}
