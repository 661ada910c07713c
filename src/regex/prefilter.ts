// Literal prefilters for detector regexes (the idea of RE2's prefilter and of trigram code
// search). Scanning a draft with a rule's regular expression costs about 100 ns a character
// once it uses Unicode classes and a leading look-behind, and a default rule set has dozens
// of them; most rules need a word the draft does not contain. From a regex's source we derive
// a condition on the literal strings every match must contain — "one of (saw, treated) and
// `you`" — and a draft that fails it cannot match, so the regex is not run on it.
//
// Literals are matched against a normalized view of the text in which every white-space
// character is a space, so `\s` is the literal " " here ("had\s+been" needs "had been").
//
// The analysis is conservative: anything it does not understand (non-ASCII characters, wide
// classes, back-references, look-arounds, optional parts) imposes no condition. A condition
// is only ever dropped or weakened, never invented, so the prefilter never hides a match.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { charSets } from './char-sets.js';
import { parsePattern, type AST } from './ast.js';
import { exactReq, LiteralAnalysis } from './literals.js';
import { LONG_RUN, prune, TRUE, type Requirement } from './requirement.js';

export { literalsOf, type Requirement } from './requirement.js';

export interface RegexAnalysis {
  /** A literal condition every match satisfies (TRUE when none is known). */
  requirement: Requirement;
  /** The class of a negative look-behind every match starts with (`[\p{L}\p{N}]` in `(?<![\p{L}\p{N}])…`). */
  notAfter?: string;
  /**
   * Every match starts with one of these strings (lower-case when the regex ignores case),
   * none shorter than MIN_PREFIX; undefined when that is not known.
   */
  prefixes?: string[];
  /**
   * The atoms (sources: `\p{Lu}`, `[Hh]`, `a`) one of which consumes a match's first
   * character; undefined when not known (a back-reference, or a match can be empty).
   */
  first?: string[];
  /** The atoms a match consumes (outside look-arounds); undefined when not known. */
  consumed?: string[];
}

/** Prefixes shorter than this occur so often that scanning the whole text is cheaper. */
const MIN_PREFIX = 1;

const analyses = new Map<string, RegexAnalysis>();

/** What every match of `source` (with `flags`) must look like, as far as literals tell (cached: rules share vocabularies). */
export function analyzeRegex(source: string, flags: string): RegexAnalysis {
  const key = `${flags}/${source}`;
  let a = analyses.get(key) ?? storedAnalysis(source, flags);
  if (!a) {
    a = analyze(source, flags);
    analyses.set(key, a);
  }
  return a;
}

/**
 * The build analyses the shipped rules' regexes once (dist/regex-analyses.json), stamped
 * with a hash of the modules that make the analysis, so a stale file (the analyser changed
 * since) is never used.
 */
export const STORED_ANALYSES = new URL('../regex-analyses.json', import.meta.url);
let stored: Map<string, RegexAnalysis> | null | undefined;

const ANALYSER_MODULES = ['./prefilter.js', './literals.js', './char-sets.js', './requirement.js', './ast.js'];

export function analyserStamp(): string {
  const hash = createHash('sha256');
  const ext = extname(fileURLToPath(import.meta.url)); // .js when built, .ts under the tests
  for (const m of ANALYSER_MODULES) {
    hash.update(readFileSync(fileURLToPath(new URL(m.replace(/\.js$/, ext), import.meta.url))));
  }
  return hash.digest('base64');
}

/** The build's analysis of a regex, if it made one (never computes). */
export function storedAnalysis(source: string, flags: string): RegexAnalysis | undefined {
  if (stored === undefined) {
    stored = null;
    try {
      const file = JSON.parse(readFileSync(fileURLToPath(STORED_ANALYSES), 'utf8')) as {
        stamp: string;
        analyses: Record<string, RegexAnalysis>;
      };
      if (file.stamp === analyserStamp()) stored = new Map(Object.entries(file.analyses));
    } catch {
      // not built, or unreadable: analyse on demand
    }
  }
  return stored?.get(`${flags}/${source}`);
}

/** The file the build writes: analyses of these regexes (source as written, and flags), stamped. */
export function analysesFile(regexes: { source: string; flags: string }[]): string {
  const out: Record<string, RegexAnalysis> = {};
  for (const re of regexes) out[`${re.flags}/${re.source}`] = analyze(re.source, re.flags);
  return JSON.stringify({ stamp: analyserStamp(), analyses: out });
}

function analyze(source: string, flags: string): RegexAnalysis {
  const ast = parsePattern(source, flags);
  if (!ast) return { requirement: TRUE };
  const info = new LiteralAnalysis(flags.includes('i')).pattern(ast);
  const prefix = info.exact ?? info.prefix;
  const prefixes =
    prefix && prefix.size > 0 && [...prefix].every((p) => p.length >= MIN_PREFIX && !LONG_RUN.test(p))
      ? [...prefix]
      : undefined;
  const sets = charSets(ast);
  return {
    requirement: prune(exactReq(info)),
    prefixes,
    notAfter: leadingNotAfter(ast),
    first: sets?.first,
    consumed: sets?.consumed,
  };
}

/** The class of a negative look-behind that starts the only alternative: `[\p{L}\p{N}]` in `(?<![\p{L}\p{N}])…`. */
function leadingNotAfter(ast: AST.Pattern): string | undefined {
  if (ast.alternatives.length !== 1) return undefined;
  const lead = ast.alternatives[0].elements[0];
  if (lead?.type !== 'Assertion' || lead.kind !== 'lookbehind' || !lead.negate) return undefined;
  if (lead.alternatives.length !== 1) return undefined;
  const body = lead.alternatives[0].elements;
  return body.length === 1 && body[0].type === 'CharacterClass' ? body[0].raw : undefined;
}
