/**
 * Broken links for the codec fuzz (test/scenario/fuzz.test.ts and scripts/fuzz-codec.ts): random text,
 * key soups, and mutations of valid links, all from a small seeded generator so a failure replays.
 */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** xorshift32: plenty for picking mutations. */
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  below(n: number): number {
    return this.next() % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() / 2 ** 32 < p;
  }
}

const KEYS = [
  'v',
  'alg',
  'topo',
  'n',
  'ids',
  'edges',
  'mode',
  'maxDelay',
  'seed',
  'announce',
  'initiators',
  'initiator',
  'wake',
  'crashed',
  'crashes',
  'coordinatorTo',
  'excludeKnownCrashed',
  'step',
  'z',
  '__proto__',
  'constructor',
  'V',
  'x',
];
const VALUES = [
  '1',
  '0',
  '-0',
  '9',
  '2',
  'lcr',
  'chang-roberts',
  'hs',
  'peterson',
  'bully',
  'tree',
  'ghs',
  'nope',
  'asc',
  'desc',
  'random',
  'sync',
  'async',
  'ring-uni',
  'ring-bi',
  'complete',
  'path',
  'star',
  'grid',
  'hypercube',
  'custom',
  '1,2,3',
  '1,1,2',
  '3,1,2,5',
  '1-2,2-3',
  '1-2:4,2-3:7,3-1:2',
  '1-1',
  '1-2,2-1',
  '8@5',
  '1@0,1@2',
  'lower',
  'all',
  'true',
  'no',
  '',
  ' ',
  '999999',
  '99999999999999999999',
  '1e309',
  '-5',
  '0.5',
  'NaN',
  '%',
  '%zz',
  '%E0%A4',
  '%00',
  'é',
  '\u{1F600}',
  '\uD800',
  'a=b',
  '&',
  '#',
  '?',
];
const JUNK = [
  '%',
  '%2',
  '%G1',
  '%E0%A4%A',
  '%00',
  '%25',
  '&',
  '&&',
  '=',
  '==',
  '#',
  '?',
  ',',
  ',,',
  ':',
  '@',
  '-',
  '+',
  ' ',
  '\t',
  '\n',
  'é',
  '\u{1F600}',
  '\uD800',
  '\uDFFF',
  '\u0000',
  '\uFFFF',
  'z=',
  '&z=',
  '&v=1',
  '&v=2',
  '&step=',
  '&step=99999999',
  '&n=0',
];
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const LZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

function randomChar(r: Rng): string {
  switch (r.below(4)) {
    case 0:
      return r.pick(ASCII);
    case 1:
      return r.pick(JUNK);
    case 2:
      return String.fromCharCode(r.below(0x10000));
    default:
      return LZ_ALPHABET[r.below(LZ_ALPHABET.length)]!;
  }
}

/** Text with no structure at all, or a soup of real keys with real and broken values. */
export function randomText(r: Rng): string {
  if (r.chance(0.4)) {
    const len = r.below(r.chance(0.1) ? 2000 : 120);
    let s = '';
    for (let i = 0; i < len; i++) s += randomChar(r);
    return s;
  }
  const parts: string[] = [];
  const count = 1 + r.below(10);
  if (r.chance(0.8)) parts.push(`v=${r.chance(0.8) ? '1' : r.pick(VALUES)}`);
  for (let i = 0; i < count; i++)
    parts.push(`${r.pick(KEYS)}=${r.chance(0.2) ? randomNumber(r) : r.pick(VALUES)}`);
  return (r.chance(0.3) ? r.pick(['#', '?', 'https://lab.example/#', 'http://x/?']) : '') + parts.join('&');
}

function randomNumber(r: Rng): string {
  return r.pick(['', '-']) + String(r.below(2 ** 31)) + (r.chance(0.2) ? '9'.repeat(r.below(30)) : '');
}

/** One to three mutations of a valid link. */
export function mutateLink(link: string, r: Rng): string {
  let s = link;
  const times = 1 + r.below(3);
  for (let k = 0; k < times; k++) s = mutateOnce(s, r);
  return s;
}

function mutateOnce(s: string, r: Rng): string {
  const at = r.below(s.length + 1);
  switch (r.below(12)) {
    case 0: // truncate
      return s.slice(0, at);
    case 1: // flip a character
      return s.slice(0, at) + randomChar(r) + s.slice(at + 1);
    case 2: // delete a run
      return s.slice(0, at) + s.slice(at + 1 + r.below(8));
    case 3: // insert junk
      return s.slice(0, at) + r.pick(JUNK) + s.slice(at);
    case 4: {
      // duplicate a key
      const parts = s.split('&');
      return `${s}&${r.pick(parts)}`;
    }
    case 5: // huge or odd numbers in place of a number
      return s.replace(
        /-?\d+/,
        r.pick(['99999999999999999999', '1e309', '-0', '9'.repeat(400), '0', '-1', '4294967296', '1000001']),
      );
    case 6: {
      // set a key to a random value
      const parts = s.split('&');
      parts[r.below(parts.length)] = `${r.pick(KEYS)}=${r.pick(VALUES)}`;
      return parts.join('&');
    }
    case 7: {
      // break the compressed part, or add a broken one
      const m = /z=([^&]*)/.exec(s);
      if (!m) return `${s}&z=${r.pick(['', 'garbage', 'N4Ig', '%%%', LZ_ALPHABET])}`;
      const z = m[1]!;
      const cut = r.below(z.length + 1);
      const broken = r.chance(0.5) ? z.slice(0, cut) : z.slice(0, cut) + randomChar(r) + z.slice(cut + 1);
      return s.replace(z, broken);
    }
    case 8: // unicode
      return s.slice(0, at) + r.pick(['é', '\u{1F600}', '\uD800', '\u0000', 'ß', '\u202E']) + s.slice(at);
    case 9: // %-garbage
      return s.slice(0, at) + r.pick(['%', '%G', '%E0%A4', '%C0%80', '%FF', '%0']) + s.slice(at);
    case 10: // repeat the whole thing
      return `${s}&${s}`;
    default: // swap separators
      return s.replace(r.pick(['&', '=', ',', '-', ':', '@']), r.pick(['', '&', '=', ',', ';', '#']));
  }
}
