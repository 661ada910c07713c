// Hotword lists (context, exclude, exclude-terms) of a pack that did not ship with phi-lint:
// tested once per candidate, so their budget (matchers/budget.ts) is paid only where needed.
// Plain terms that cannot backtrack (linearTerms) are tested first, unguarded. A `/regex/`
// entry is run, under the rule's budget, only when the text holds the literals every match
// of it needs (the analysis the detectors' prefilter uses, regex/prefilter.ts): a guarded
// call costs ~80 µs, a substring search a fraction of that.
import { guard, linearTerms, type RegexSite } from '../matchers/budget.js';
import { compileHotwords, type Tester } from '../matchers/terms.js';
import { analyzeRegex, type Requirement } from '../regex/prefilter.js';
import { SubstringCheck } from '../regex/substring-check.js';

/** A `/regex/` or `/regex/flags` hotword, as compileHotwords reads it. */
const HOTWORD_REGEX = /^\/(.+)\/([a-z]*)$/s;

interface Guarded {
  tester: Tester;
  /** What the text must hold for a match (TRUE: unknown), and whether case is ignored. */
  requirement: Requirement;
  ignoreCase: boolean;
}

export function budgetedHotwords(items: string[], site: RegexSite): Tester | null {
  const terms = items.filter((t) => !HOTWORD_REGEX.test(t));
  const safe = linearTerms(terms);
  const fast = safe ? compileHotwords(terms) : null;
  const guarded: Guarded[] = [];
  if (!safe && terms.length) {
    guarded.push({ tester: compileHotwords(terms)!, requirement: { kind: 'true' }, ignoreCase: true });
  }
  for (const item of items) {
    const m = HOTWORD_REGEX.exec(item);
    if (!m) continue;
    // the flags compileHotwords gives it
    const flags = m[2] ? `${m[2].replace(/[gyu]/g, '')}u` : 'iu';
    const { requirement } = analyzeRegex(m[1], flags);
    guarded.push({ tester: compileHotwords([item])!, requirement, ignoreCase: flags.includes('i') });
  }
  if (!guarded.length) return fast;
  return {
    test(text) {
      if (fast?.test(text)) return true;
      const hay = new SubstringCheck(text);
      return guarded.some((g) => hay.holds(g.requirement, g.ignoreCase) && guard(site, () => g.tester.test(text)));
    },
  };
}

