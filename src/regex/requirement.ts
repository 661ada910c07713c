// The condition a prefilter puts on a text (see prefilter.ts): TRUE, a set of alternative
// literals one of which must occur, or and/or of such conditions; built only through the
// helpers here, which keep it small and never strengthen it.

/** A condition on a text: TRUE, a set of alternative literals (one must occur), or and/or. */
export type Requirement =
  | { kind: 'true' }
  | { kind: 'any'; literals: string[] }
  | { kind: 'and'; parts: Requirement[] }
  | { kind: 'or'; parts: Requirement[] };

export const TRUE: Requirement = { kind: 'true' };
/** Literals shorter than this are too common to be worth testing (a lone punctuation mark is kept: @, :, #). */
const MIN_LITERAL = 2;
/**
 * A literal with a long run of one character is not used: the windowed scan shortens such
 * runs in the text (regex/scan.ts), so the literal could match there and not in the text.
 */
export const usefulLiteral = (s: string): boolean =>
  (s.length >= MIN_LITERAL || (s.length === 1 && !/[\p{L}\p{N}\s]/u.test(s))) && !LONG_RUN.test(s);
export const LONG_RUN = /(.)\1{31}|\s{32}/u;

/**
 * Characters taken literally: printable ASCII, and characters without case (’, –, emoji
 * halves), whose case folding cannot differ from toLowerCase.
 */
export function literalChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || code < 0x20 || code === 0x7f) return false;
  return code < 0x7f || (ch.toLowerCase() === ch && ch.toUpperCase() === ch && !/\s/.test(ch));
}
/** Past this an alternative-literal set is not worth keeping (the scanner's automaton grows). */
const MAX_LITERALS = 5000;

export const anyOf = (lits: Iterable<string>): Requirement => {
  const l = [...new Set(lits)];
  if (!l.length || !l.every(usefulLiteral)) return TRUE;
  return { kind: 'any', literals: l.sort() };
};

export function and(parts: Requirement[]): Requirement {
  const out: Requirement[] = [];
  for (const p of parts) {
    if (p.kind === 'true') continue;
    if (p.kind === 'and') out.push(...p.parts);
    else out.push(p);
  }
  if (!out.length) return TRUE;
  return out.length === 1 ? out[0] : { kind: 'and', parts: out };
}

export function or(parts: Requirement[]): Requirement {
  if (!parts.length || parts.some((p) => p.kind === 'true')) return TRUE;
  // Merge plain literal sets: any(a, b) | any(c) = any(a, b, c).
  const lits: string[] = [];
  const rest: Requirement[] = [];
  for (const p of parts) {
    if (p.kind === 'any') lits.push(...p.literals);
    else if (p.kind === 'or') rest.push(...p.parts);
    else rest.push(p);
  }
  const merged = lits.length ? [anyOf(lits), ...rest] : rest;
  return merged.length === 1 ? merged[0] : { kind: 'or', parts: merged };
}

/** Drop literal sets too large to be worth testing (a weaker condition is still sound). */
export function prune(r: Requirement): Requirement {
  switch (r.kind) {
    case 'any':
      return r.literals.length > MAX_LITERALS ? TRUE : r;
    case 'and':
      return and(r.parts.map(prune));
    case 'or':
      return or(r.parts.map(prune));
    default:
      return r;
  }
}
/** Every literal a requirement mentions. */
export function literalsOf(r: Requirement, out: string[] = []): string[] {
  if (r.kind === 'any') out.push(...r.literals);
  else if (r.kind === 'and' || r.kind === 'or') for (const p of r.parts) literalsOf(p, out);
  return out;
}
