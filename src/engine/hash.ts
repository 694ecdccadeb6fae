/**
 * The trace hash (version 2): a 64-bit identifier of a run, computed from numbers only. Each step is a
 * short stream of 32-bit words — a tag, then ids, times and message fields — mixed into two lanes:
 * murmur3's block mix and an FNV-style multiply with a shift. Message kinds are small integer codes
 * (their place in the algorithm's `kinds`), other strings a memoised FNV-1a code, so a step costs no
 * text formatting and, on the headless path, no allocation. Only Math.imul, shifts and a Float64Array
 * view: the same words and the same hash in Node and Chromium. docs/architecture.md ("The trace hash")
 * spells the stream out; test/engine/hash.test.ts recomputes it from a recorded trace.
 */
export const HASH_VERSION = 2;

/**
 * Reserved words: markers and type tags, in one block of 256 values. A number that is a 32-bit integer
 * outside the block is written as itself (one word); any other number as ESCAPE and its two IEEE-754
 * words. So the stream can be read back unambiguously, and a step of integers costs one word a field.
 */
const RESERVED = 0x7ff8_0000;
const isReserved = (w: number) => w >>> 8 === RESERVED >>> 8;
export const ESCAPE = RESERVED;
/** Opens a step: STEP + its kind's code. */
export const STEP = RESERVED + 0x10;
export const STEP_CODE = {
  init: 1,
  deliver: 2,
  timer: 3,
  crash: 4,
  recover: 5,
  drop: 6,
  barrier: 7,
} as const;
/** Opens each message a step sends: then its receiver, its delivery time, the message. */
export const SEND = RESERVED + 0x20;
/** Type tags of values that are not numbers. */
export const T_STRING = RESERVED + 0x31;
export const T_TRUE = RESERVED + 0x32;
export const T_FALSE = RESERVED + 0x33;
export const T_NULL = RESERVED + 0x34;
export const T_UNDEFINED = RESERVED + 0x35;
/** Then the length, then the items. */
export const T_ARRAY = RESERVED + 0x36;
/** Then per key its string code and its value, then T_END. */
export const T_OBJECT = RESERVED + 0x37;
export const T_END = RESERVED + 0x38;

const SEED_A = 0x811c9dc5;
const SEED_B = 0x050c5d1f;
/** Strings seen beyond this many are coded afresh each time instead of memoised. */
const MEMO_LIMIT = 4096;

const f64 = new Float64Array(1);
const u32 = new Int32Array(f64.buffer);

/** FNV-1a over the string's UTF-16 code units: the code of a string that is not a message kind. */
export function stringCode(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** murmur3's finaliser: every input bit reaches every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class TraceHasher {
  a = SEED_A;
  b = SEED_B;
  private readonly kindCodes = new Map<string, number>();
  private readonly strings = new Map<string, number>();
  private lastKind = '';
  private lastCode = 0;

  /** `kinds`: the algorithm's message kinds; kind i is coded i + 1. */
  constructor(kinds: readonly string[] = []) {
    kinds.forEach((k, i) => this.kindCodes.set(k, i + 1));
  }

  word(w: number): void {
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    let a = this.a ^ Math.imul(k, 0x1b873593);
    a = (a << 13) | (a >>> 19);
    this.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    const b = Math.imul(this.b ^ w, 0x01000193);
    this.b = b ^ (b >>> 15);
  }

  /** A number: itself when a 32-bit integer outside the reserved block, else ESCAPE and its two words. */
  num(x: number): void {
    if ((x | 0) === x && !isReserved(x)) this.word(x);
    else {
      f64[0] = x;
      this.word(ESCAPE);
      this.word(u32[0]!);
      this.word(u32[1]!);
    }
  }

  str(s: string): void {
    this.word(T_STRING);
    this.word(this.code(s));
  }

  private code(s: string): number {
    let c = this.strings.get(s);
    if (c === undefined) {
      c = stringCode(s);
      if (this.strings.size < MEMO_LIMIT) this.strings.set(s, c);
    }
    return c;
  }

  private kindCode(kind: string): number {
    // Most steps of a run carry the kind of the step before.
    if (kind === this.lastKind) return this.lastCode;
    const c = this.kindCodes.get(kind) ?? this.code(kind);
    this.lastKind = kind;
    this.lastCode = c;
    return c;
  }

  /** A message: its kind's code, then its fields' values in declaration order, without their names. */
  message(msg: { kind: string }): void {
    this.word(this.kindCode(msg.kind));
    const o = msg as unknown as Record<string, unknown>;
    for (const k in o) if (k !== 'kind') this.value(o[k]);
  }

  /** Any plain value (a field, a timer's payload): tagged, objects with their keys' codes. */
  value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        this.num(v);
        return;
      case 'string':
        this.str(v);
        return;
      case 'boolean':
        this.word(v ? T_TRUE : T_FALSE);
        return;
      case 'undefined':
        this.word(T_UNDEFINED);
        return;
      case 'object':
        break;
      default:
        this.str(String(v));
        return;
    }
    if (v === null) {
      this.word(T_NULL);
      return;
    }
    if (Array.isArray(v)) {
      this.word(T_ARRAY);
      this.word(v.length);
      for (let i = 0; i < v.length; i++) this.value(v[i]);
      return;
    }
    this.word(T_OBJECT);
    const o = v as Record<string, unknown>;
    for (const k in o) {
      this.word(this.code(k));
      this.value(o[k]);
    }
    this.word(T_END);
  }

  /** Opens a step: its kind, time and node. */
  step(kind: keyof typeof STEP_CODE, time: number, node: number): void {
    this.word(STEP + STEP_CODE[kind]);
    this.num(time);
    this.num(node);
  }

  /** One message the step sends. */
  send(to: number, deliverAt: number, msg: { kind: string }): void {
    this.word(SEND);
    this.num(to);
    this.num(deliverAt);
    this.message(msg);
  }

  hex(): string {
    return fmix(this.a).toString(16).padStart(8, '0') + fmix(this.b).toString(16).padStart(8, '0');
  }
}
