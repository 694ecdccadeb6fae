/**
 * A large JSON object read a slice at a time, so the page keeps answering while a trace file of tens
 * of megabytes is opened (a trace of Bully on a complete graph of 400 is 55 MB; one JSON.parse of it
 * held the tab for seconds). The object's members are parsed one by one; one member, `bulk` (a trace
 * file's "steps"), is an array whose elements are each checked with JSON.parse and then dropped — the
 * page re-runs a trace from its scenario, so only the count of steps is kept.
 *
 * Every byte is still checked: the same text refused by JSON.parse is refused here, at the same
 * position, in the same words as a file read at once (`not valid JSON at line …, column …`).
 */

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

type Phase = 'open' | 'member' | 'bulk' | 'close' | 'done';

export class SlicedJson {
  /** The members read so far (the bulk member as an empty array). */
  readonly value: Record<string, unknown> = {};
  /** Elements of the bulk member read (and checked) so far. */
  bulkCount = 0;
  /** Why the text is not JSON (null while it is, so far). */
  error: string | null = null;
  private pos = 0;
  private phase: Phase = 'open';
  private firstMember = true;
  private firstElement = true;

  constructor(
    private readonly text: string,
    private readonly bulk = 'steps',
  ) {}

  /** How much of the text has been read, 0…1. */
  get fraction(): number {
    return this.text.length === 0 ? 1 : Math.min(1, this.pos / this.text.length);
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  /**
   * Reads on until the end (or the first error) or until `enough()` says stop; it is asked after each
   * member and after every 64 elements of the bulk member. Returns whether the reading is over.
   */
  read(enough: () => boolean): boolean {
    try {
      let since = 0;
      while (this.phase !== 'done') {
        if (this.phase === 'bulk') {
          this.element();
          if (++since < 64) continue;
          since = 0;
        } else this.advance();
        if (enough()) break;
      }
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      this.error = e.message;
      this.phase = 'done';
    }
    return this.done;
  }

  private advance(): void {
    const t = this.text;
    this.skip();
    if (this.phase === 'open') {
      if (this.pos >= t.length) throw new Refusal('the file is empty');
      this.expect('{');
      this.phase = 'member';
      return;
    }
    if (this.phase === 'close') {
      if (this.pos < t.length) this.fail(this.pos, `Unexpected non-whitespace character after JSON`);
      this.phase = 'done';
      return;
    }
    // A member: "key": value, or the end of the object.
    if (t[this.pos] === '}') {
      this.pos++;
      this.phase = 'close';
      return;
    }
    if (!this.firstMember) {
      this.expect(',');
      this.skip();
    }
    this.firstMember = false;
    const keyStart = this.pos;
    if (t[this.pos] !== '"') this.fail(this.pos, 'Expected double-quoted property name');
    const keyEnd = this.stringEnd(this.pos);
    const key = this.parse(keyStart, keyEnd) as string;
    this.pos = keyEnd;
    this.skip();
    this.expect(':');
    this.skip();
    if (key === this.bulk && t[this.pos] === '[') {
      this.pos++;
      this.set(key, []);
      this.firstElement = true;
      this.phase = 'bulk';
      return;
    }
    const end = this.valueEnd(this.pos);
    this.set(key, this.parse(this.pos, end));
    this.pos = end;
  }

  /** An own member, as JSON.parse makes it (a key "__proto__" too, which assignment would not). */
  private set(key: string, v: unknown): void {
    Object.defineProperty(this.value, key, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  /** One element of the bulk array, or its end. */
  private element(): void {
    const t = this.text;
    this.skip();
    if (t[this.pos] === ']') {
      this.pos++;
      this.phase = 'member';
      return;
    }
    if (!this.firstElement) {
      this.expect(',');
      this.skip();
    }
    this.firstElement = false;
    const end = this.valueEnd(this.pos);
    this.parse(this.pos, end);
    this.bulkCount++;
    this.pos = end;
  }

  private skip(): void {
    const t = this.text;
    while (this.pos < t.length && WS.has(t.charCodeAt(this.pos))) this.pos++;
  }

  private expect(c: string): void {
    if (this.text[this.pos] !== c) {
      if (this.pos >= this.text.length) this.fail(this.pos, 'Unexpected end of JSON input');
      this.fail(this.pos, `Unexpected token '${this.text[this.pos]}', expected '${c}'`);
    }
    this.pos++;
  }

  /** The index just after the string that starts at `from` (a double quote). */
  private stringEnd(from: number): number {
    const t = this.text;
    for (let i = from + 1; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x22) return i + 1;
    }
    return this.fail(t.length, 'Unterminated string in JSON');
  }

  /**
   * The index just after the value that starts at `from`: a string, an object or array (brackets
   * counted outside strings) or a bare word or number. Its content is checked by JSON.parse after.
   */
  private valueEnd(from: number): number {
    const t = this.text;
    if (from >= t.length) return this.fail(from, 'Unexpected end of JSON input');
    const c0 = t.charCodeAt(from);
    if (c0 === 0x22) return this.stringEnd(from);
    if (c0 === 0x7b || c0 === 0x5b) {
      let depth = 0;
      for (let i = from; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 0x22) i = this.stringEnd(i) - 1;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) return i + 1;
        }
      }
      return this.fail(t.length, 'Unexpected end of JSON input');
    }
    let i = from;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 0x2c || c === 0x7d || c === 0x5d || WS.has(c)) break;
      i++;
    }
    return i;
  }

  /** JSON.parse of text[from, to); a refusal names the position in the whole text. */
  private parse(from: number, to: number): unknown {
    try {
      return JSON.parse(this.text.slice(from, to));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const m = /position (\d+)/.exec(reason);
      const what = reason.replace(/\s*in JSON at position \d+.*$/s, '').slice(0, 80);
      return this.fail(from + (m ? Number(m[1]) : 0), what);
    }
  }

  private fail(pos: number, what: string): never {
    const before = this.text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    throw new Refusal(`not valid JSON at line ${line}, column ${column} (position ${pos}): ${what}`);
  }
}

class Refusal extends Error {}
