/**
 * A decoder for lz-string's URI-safe format (`LZ.compressToEncodedURIComponent`) that stops once the
 * output passes `maxChars`. lz-string's own decoder has no such limit: a 100 kB link whose codes each
 * repeat the previous entry plus one character expands quadratically (~10⁹ characters) and would freeze
 * the tab. For every stream lz-string writes, this returns exactly what lz-string would.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export type Inflated = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'too-large' };

export function inflateUriComponent(input: string, maxChars: number): Inflated {
  // Links pasted through mail clients turn '+' into ' ', as lz-string also allows for.
  const z = input.replace(/ /g, '+');
  if (z === '') return { ok: false, reason: 'damaged' };
  const length = z.length;
  // Six bits per character, highest bit first; each code is read lowest bit first (lz-string's order).
  let index = 0;
  const nextChar = (): number => {
    const c = index < length ? z.charCodeAt(index) : 0;
    index++;
    // A character outside the alphabet reads as zero bits, as in lz-string.
    return c < 128 ? Math.max(0, VALUE[c]!) : 0;
  };
  let val = nextChar();
  let position = 32;
  const read = (bits: number): number => {
    let out = 0;
    for (let power = 1, k = 0; k < bits; k++, power <<= 1) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = nextChar();
      }
      if (bit) out |= power;
    }
    return out;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const result: string[] = [];

  const first = read(2);
  if (first === 2) return { ok: true, text: '' };
  if (first === 3) return { ok: false, reason: 'damaged' };
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  result.push(w);
  let total = 1;
  for (;;) {
    if (index > length) return { ok: false, reason: 'damaged' };
    let c = read(numBits);
    if (c === 2) return { ok: true, text: result.join('') };
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = c >= 3 ? dictionary[c] : undefined;
    if (known !== undefined) entry = known;
    else if (c === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: 'damaged' };
    total += entry.length;
    if (total > maxChars) return { ok: false, reason: 'too-large' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
