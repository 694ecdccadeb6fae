import { describe, expect, it } from 'vitest';
import { grown } from '../../src/engine/grown';

describe('grown', () => {
  it('keeps every element and its type, and zero-fills the new room', () => {
    const f = grown(Float64Array.of(1.5, -2), 4);
    expect(f).toBeInstanceOf(Float64Array);
    expect([...f]).toEqual([1.5, -2, 0, 0]);
    const i = grown(Int32Array.of(7, -8, 9), 5);
    expect(i).toBeInstanceOf(Int32Array);
    expect([...i]).toEqual([7, -8, 9, 0, 0]);
    const u = grown(Uint8Array.of(255), 3);
    expect(u).toBeInstanceOf(Uint8Array);
    expect([...u]).toEqual([255, 0, 0]);
  });
});
