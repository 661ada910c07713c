// The characters a regex can consume first, and all it can consume, as the sources of its
// atoms (`\p{Lu}`, `[Hh]`, `a`) read from its AST (see prefilter.ts): the scan plans turn
// them into ASCII tables (regex/plans.ts).
import type { AST } from './ast.js';

interface Item {
  first: Set<string>;
  nullable: boolean;
}

/**
 * The atoms that can consume a match's first character, and all the atoms a match can
 * consume (outside look-arounds), as sources that compile on their own (with the regex's
 * flags); undefined for a regex with back-references or one whose matches can be empty.
 */
export function charSets(ast: AST.Pattern): { first: string[]; consumed: string[] } | undefined {
  const consumed = new Set<string>();
  let look = 0;
  let backReference = false;
  const unit = (atom: string): Item => {
    if (look === 0) consumed.add(atom);
    return { first: new Set([atom]), nullable: false };
  };
  const empty = (): Item => ({ first: new Set(), nullable: true });
  const alt = (alternatives: AST.Alternative[]): Item => {
    const out = seq(alternatives[0].elements);
    for (const a of alternatives.slice(1)) {
      const b = seq(a.elements);
      for (const f of b.first) out.first.add(f);
      out.nullable ||= b.nullable;
    }
    return out;
  };
  const seq = (elements: AST.Element[]): Item => {
    const out = empty();
    for (let k = 0; k < elements.length; k++) {
      const e = elements[k];
      let item: Item;
      // outside Unicode mode an astral character is two elements: one atom, as written
      const lo = highSurrogate(e) ? elements[k + 1] : undefined;
      const loChar = lo?.type === 'Quantifier' ? lo.element : lo;
      if (lo && loChar?.type === 'Character' && lowSurrogate(loChar) && loChar.start === e.end) {
        k++;
        const pair = unit(e.raw + loChar.raw);
        item = lo.type === 'Quantifier' && lo.min === 0 ? { first: pair.first, nullable: true } : pair;
      } else item = e.type === 'Quantifier' ? quant(e) : atom(e);
      if (out.nullable) for (const f of item.first) out.first.add(f);
      out.nullable &&= item.nullable;
    }
    return out;
  };
  const quant = (q: AST.Quantifier): Item => {
    const item = atom(q.element);
    return q.min === 0 ? { first: item.first, nullable: true } : item;
  };
  const atom = (e: AST.Node): Item => {
    switch (e.type) {
      case 'Group':
      case 'CapturingGroup':
        return alt(e.alternatives);
      case 'Assertion':
        if (e.kind === 'lookahead' || e.kind === 'lookbehind') {
          look++;
          alt(e.alternatives);
          look--;
        }
        return empty();
      case 'Character':
      case 'CharacterClass':
      case 'CharacterSet':
      case 'ExpressionCharacterClass':
        return unit(e.raw);
      default:
        backReference = true;
        return empty();
    }
  };
  const top = alt(ast.alternatives);
  if (backReference || top.nullable) return undefined;
  return { first: [...top.first], consumed: [...consumed] };
}

const highSurrogate = (e: AST.Node): boolean => e.type === 'Character' && e.value >= 0xd800 && e.value <= 0xdbff;
const lowSurrogate = (e: AST.Character): boolean => e.value >= 0xdc00 && e.value <= 0xdfff;
