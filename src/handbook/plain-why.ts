// The plain-English test for a rule's `why`: written for front-desk staff, it first says in
// one or two sentences what harm the draft does, then names the legal source. The obligation
// for a public post is the Privacy Rule (45 CFR 164.502 disclosures, 164.508 authorizations);
// Safe Harbor (164.514(b)(2)(i)(A)–(R)) is the list of identifiers, cited with the rule's own
// letter. A why that is only a citation ("A name is Safe Harbor identifier (A), …") fails.
import { SAFE_HARBOR } from '../types.js';

const CITATION = /\b(?:CFR|HIPAA)\b|\b16[04]\.\d{3}|Safe Harbor|Privacy Rule|Legal source/;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|St|e\.g|i\.e|etc|vs|No)\.$/;

/** Sentences of a short text: a full stop, ! or ? followed by a space and a capital or quote. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=["“(`]?[A-Z0-9])/)) {
    current = current ? `${current} ${part}` : part;
    if (!ABBREVIATIONS.test(current)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

const words = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * What is wrong with a why, or [] when it passes: a first sentence of at least 8 words
 * with no citation in it (the harm), at most two harm sentences, each under 45 words, then
 * the legal source: the Privacy Rule (164.502 or 164.508) and, for an identifier rule, its
 * own Safe Harbor letter as 164.514(b)(2)(i)(X); no other identifier's letter.
 */
export function plainWhyProblems(why: string, category?: string): string[] {
  const problems: string[] = [];
  const all = sentences(why);
  const harm: string[] = [];
  for (const s of all) {
    if (CITATION.test(s)) break;
    harm.push(s);
  }
  if (!harm.length) problems.push('it starts with a citation: say first, in plain words, what harm the draft does');
  else if (words(harm[0]!) < 8) problems.push(`its first sentence ("${harm[0]}") is too short to explain the harm`);
  if (harm.length > 2) {
    problems.push(`it has ${harm.length} sentences before the legal source; keep the harm to one or two`);
  }
  for (const s of all) {
    if (words(s) > 45) problems.push(`a sentence of ${words(s)} words is too long for plain English`);
  }
  const source = all.slice(harm.length).join(' ');
  if (!/45 CFR/.test(source)) problems.push('it does not end with its legal source (45 CFR …)');
  if (!/\b164\.50[28]\b/.test(source)) {
    problems.push('it does not cite the Privacy Rule (45 CFR 164.502 disclosures or 164.508 authorizations)');
  }
  const sh = category ? SAFE_HARBOR[category] : undefined;
  const cited = /164\.514\(b\)\(2\)\(i\)\(([A-R])\)|Safe Harbor identifier \(([A-R])\)/g;
  const letters = [...why.matchAll(cited)].map((m) => m[1] ?? m[2]);
  if (sh) {
    if (!why.includes(`164.514(b)(2)(i)(${sh.letter})`)) {
      problems.push(`it does not cite its Safe Harbor identifier as 45 CFR 164.514(b)(2)(i)(${sh.letter})`);
    }
    const wrong = letters.filter((l) => l !== sh.letter);
    if (wrong.length) {
      problems.push(`it cites Safe Harbor identifier (${wrong[0]}), but its category ${category} is (${sh.letter})`);
    }
  }
  return problems;
}
