/**
 * FNV-1a over a canonical text of each step, in two 32-bit lanes with different offset bases, giving a
 * 64-bit identifier of a run. Only Math.imul and string char codes: the same in Node and Chromium.
 */
const PRIME = 0x01000193;

export class TraceHasher {
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

  num(x: number): void {
    this.str(String(x));
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

/** A message as canonical text, e.g. `out(9,4,cw)`: field values in declaration order. */
export function canonicalMessage(msg: { kind: string }): string {
  const parts: string[] = [];
  const o = msg as unknown as Record<string, unknown>;
  for (const k in o) if (k !== 'kind') parts.push(formatValue(o[k]));
  return `${msg.kind}(${parts.join(',')})`;
}

function formatValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(formatValue).join(',')}]`;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
