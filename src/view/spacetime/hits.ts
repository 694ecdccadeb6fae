import { distToSegment2 } from './geometry';

/** Arrows as drawn (content coordinates): what a click or a hover is tested against. */
export class Hits {
  count = 0;
  x0 = new Float64Array(256);
  y0 = new Float64Array(256);
  x1 = new Float64Array(256);
  y1 = new Float64Array(256);
  /** Message index (in the TraceIndex) and its state as drawn (DELIVERED, IN_FLIGHT, DROPPED). */
  msg = new Int32Array(256);
  state = new Uint8Array(256);

  reset(): void {
    this.count = 0;
  }

  push(x0: number, y0: number, x1: number, y1: number, i: number, state: number): void {
    const h = this.count;
    if (h >= this.x0.length) this.grow(this.x0.length * 2);
    this.x0[h] = x0;
    this.y0[h] = y0;
    this.x1[h] = x1;
    this.y1[h] = y1;
    this.msg[h] = i;
    this.state[h] = state;
    this.count++;
  }

  /** The arrow nearest (cx, cy) closer than √d2, later arrows (drawn on top) first; −1 if none. */
  nearest(cx: number, cy: number, d2: number): { i: number; d2: number } {
    let best = -1;
    for (let h = this.count - 1; h >= 0; h--) {
      const d = distToSegment2(cx, cy, this.x0[h]!, this.y0[h]!, this.x1[h]!, this.y1[h]!);
      if (d < d2) {
        d2 = d;
        best = this.msg[h]!;
      }
    }
    return { i: best, d2 };
  }

  private grow(size: number): void {
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T) => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.x0 = g(this.x0);
    this.y0 = g(this.y0);
    this.x1 = g(this.x1);
    this.y1 = g(this.y1);
    this.msg = g(this.msg);
    this.state = g(this.state);
  }
}
