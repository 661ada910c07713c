// One pass over a draft finds every literal the rule set's prefilters ask about (an
// Aho–Corasick automaton over the lower-cased text), so that each detector can ask "does the
// draft contain one of these words?" or "where could a match start?" without scanning the
// text again. Literals are printable ASCII, compared case-insensitively: a superset of what
// any case-sensitive regex would accept, which is all a prefilter needs.

/** The characters \s matches (ECMAScript WhiteSpace and LineTerminator). */
const WHITE_SPACE = [
  0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

export interface ScanResult {
  /** present[id] = 1 when literal `id` occurs in the text. */
  present: Uint8Array;
  /** Literal ids in order of first occurrence. */
  found: number[];
  /** Start offsets of each found literal that was asked for with positions (ascending). */
  starts: (number[] | undefined)[];
}

export class LiteralScanner {
  readonly literals: string[];
  private readonly ids = new Map<string, number>();
  private readonly wantStarts: Uint8Array;
  /** Alphabet: UTF-16 code unit → symbol; 0 is "a character no literal contains". */
  private readonly symbol = new Uint16Array(65536);
  private readonly width: number;
  private readonly next: Uint16Array | Int32Array; // state * width + symbol → state (16 bits while they suffice)
  private readonly out: Int32Array; // state → literal id ending here, or -1
  private readonly dict: Int32Array; // state → nearest suffix state with an output, or -1
  /** Length of each literal, by id. */
  readonly lengths: Int32Array;

  /** `literals`: lower-case printable ASCII; `withStarts`: those whose positions are wanted. */
  constructor(literals: string[], withStarts: Set<string>) {
    this.literals = [...new Set(literals.filter((l) => l.length > 0))];
    this.literals.forEach((l, i) => this.ids.set(l, i));
    this.wantStarts = new Uint8Array(this.literals.length);
    this.lengths = new Int32Array(this.literals.map((l) => l.length));
    let syms = 1;
    for (const l of this.literals) {
      for (let k = 0; k < l.length; k++) {
        const c = l.charCodeAt(k);
        if (!this.symbol[c]) this.symbol[c] = syms++;
      }
    }
    // Every white-space character (as \s defines it) scans as a space, and case is folded here
    // rather than by lower-casing the text: literals are lower-case ASCII or caseless, and
    // the only other characters that case-fold to ASCII in a regex are ſ (s) and K (k).
    const space = this.symbol[32];
    if (space) for (const c of WHITE_SPACE) this.symbol[c] = space;
    for (let c = 65; c <= 90; c++) this.symbol[c] = this.symbol[c + 32];
    this.symbol[0x17f] = this.symbol[115];
    this.symbol[0x212a] = this.symbol[107];
    this.width = syms;
    for (const l of withStarts) {
      const id = this.ids.get(l);
      if (id !== undefined) this.wantStarts[id] = 1;
    }
    // Trie.
    const goto: number[][] = [[]];
    const outs: number[] = [-1];
    this.literals.forEach((l, id) => {
      let s = 0;
      for (let k = 0; k < l.length; k++) {
        const a = this.symbol[l.charCodeAt(k)];
        let t = goto[s][a];
        if (t === undefined) {
          t = goto.length;
          goto.push([]);
          outs.push(-1);
          goto[s][a] = t;
        }
        s = t;
      }
      outs[s] = id;
    });
    // Failure links by breadth-first search, folded into a full transition table.
    const n = goto.length;
    const w = this.width;
    const next = n < 0x10000 ? new Uint16Array(n * w) : new Int32Array(n * w);
    const fail = new Int32Array(n);
    const dict = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (let a = 1; a < w; a++) {
      const t = goto[0][a];
      if (t !== undefined) {
        next[a] = t;
        fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      const f = fail[s];
      dict[s] = outs[f] >= 0 ? f : dict[f];
      for (let a = 1; a < w; a++) {
        const t = goto[s][a];
        if (t !== undefined) {
          next[s * w + a] = t;
          fail[t] = next[f * w + a];
          queue.push(t);
        } else next[s * w + a] = next[f * w + a];
      }
    }
    this.next = next;
    this.out = Int32Array.from(outs);
    this.dict = dict;
  }

  id(literal: string): number | undefined {
    return this.ids.get(literal);
  }

  scan(text: string): ScanResult {
    const present = new Uint8Array(this.literals.length);
    const found: number[] = [];
    const starts: (number[] | undefined)[] = [];
    if (!this.literals.length) return { present, found, starts };
    const { next, out, dict, symbol, width, wantStarts, lengths } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = next[s * width + symbol[text.charCodeAt(i)]];
      if (s === 0) continue;
      for (let o = out[s] >= 0 ? s : dict[s]; o >= 0; o = dict[o]) {
        const id = out[o];
        if (!present[id]) {
          present[id] = 1;
          found.push(id);
        }
        if (wantStarts[id]) (starts[id] ??= []).push(i + 1 - lengths[id]);
      }
    }
    return { present, found, starts };
  }
}
