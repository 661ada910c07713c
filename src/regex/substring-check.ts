// Does a text hold what a regex needs (the prefilter's requirement: literals, and/or), by
// substring searches? Shared by the engine's scan (regex/regex-scan.ts) and the budgeted
// hotwords of custom packs (budgeted-hotwords.ts).
import type { Requirement } from './prefilter.js';

/**
 * Requirements checked with substring searches, for a short draft before the scanner is
 * built: the same answers as the scanner's (white space as a space; case folded for
 * case-insensitive regexes, ſ as s), or more lenient.
 */
export class SubstringCheck {
  private folded?: string;
  private spaced?: string;
  // by literal (the analyses' own strings, whose hashes V8 keeps), one map per case mode
  private readonly folds = new Map<string, boolean>();
  private readonly exact = new Map<string, boolean>();
  constructor(private readonly text: string) {}

  holds(r: Requirement, ignoreCase: boolean): boolean {
    switch (r.kind) {
      case 'any':
        return r.literals.some((l) => this.has(l, ignoreCase));
      case 'and':
        return r.parts.every((p) => this.holds(p, ignoreCase));
      case 'or':
        return r.parts.some((p) => this.holds(p, ignoreCase));
      default:
        return true;
    }
  }

  private has(literal: string, ignoreCase: boolean): boolean {
    const memo = ignoreCase ? this.folds : this.exact;
    let v = memo.get(literal);
    if (v === undefined) {
      const hay = ignoreCase
        ? (this.folded ??= this.text
            .toLowerCase()
            .replace(/\u017f/g, 's')
            .replace(/\s/g, ' '))
        : (this.spaced ??= this.text.replace(/\s/g, ' '));
      v = hay.includes(ignoreCase ? literal.toLowerCase() : literal);
      memo.set(literal, v);
    }
    return v;
  }
}
