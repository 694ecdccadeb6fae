import type { TraceEntry } from '../engine/types';

/**
 * The trace hash of version 1 (until December 2026): FNV-1a over a text of every step, in two 32-bit
 * lanes. The engine now hashes numbers (engine/hash.ts, version 2); this reads a recorded trace so that
 * a trace file exported before the change can still have its `traceHash` checked against a re-run.
 */
const PRIME = 0x01000193;

class TextHasher {
  a = 0x811c9dc5;
  b = 0x050c5d1f;

  str(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, PRIME);
      b = Math.imul(b ^ c, PRIME) ^ (b >>> 15);
    }
    // a separator so that "1" + "23" differs from "12" + "3"
    this.a = Math.imul(a ^ 0x1f, PRIME);
    this.b = Math.imul(b ^ 0x1f, PRIME) ^ (b >>> 15);
  }

  value(v: unknown): void {
    if (v === null || typeof v !== 'object') {
      this.str(String(v));
      return;
    }
    if (Array.isArray(v)) {
      this.str('[');
      for (const item of v) this.value(item);
      this.str(']');
      return;
    }
    this.str('{');
    const o = v as Record<string, unknown>;
    for (const k in o) {
      this.str(k);
      this.value(o[k]);
    }
    this.str('}');
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** The version-1 hash of a recorded run's first `steps` steps. */
export function legacyTraceHash(trace: readonly TraceEntry[], steps = trace.length): string {
  const h = new TextHasher();
  for (let k = 0; k < steps; k++) {
    const e = trace[k]!;
    h.str(e.kind);
    h.str(String(e.time));
    h.str(String(e.node));
    if (e.kind === 'deliver' || e.kind === 'drop') {
      h.str(String(e.from));
      h.value(e.msg);
    } else if (e.kind === 'timer') h.value(e.timerData);
    for (const s of e.sends) {
      h.str(String(s.to));
      h.str(String(s.deliverAt));
      h.value(s.msg);
    }
  }
  return h.hex();
}
