// A conservative check for regular expressions that can backtrack catastrophically: a
// repeated group whose body itself repeats ("(a+)+", "(\w+\s?)*"), the classic shape of
// ReDoS. A body that starts with a mandatory separator its repeated parts cannot match —
// "(?:\.[a-z]+)*", "(?:[\s-]\d{2,4}){2,4}" — is unambiguous and allowed. Rule files are
// written by non-programmers; one bad pattern on a long line would hang a CI run, so the
// loader refuses it and says why.
//
// The analysers (regexpp, regexp-ast-analysis, scslre with refa) are loaded on first use:
// the built-in packs were checked when phi-lint was built (see rules/precompiled.ts), so a
// run with only those never loads them.
import { createRequire } from 'node:module';
import { parsePattern, regexpp, type AST } from './ast.js';

const require = createRequire(import.meta.url);
let analysers:
  | {
      getFirstConsumedChar: typeof import('regexp-ast-analysis').getFirstConsumedChar;
      analyse: typeof import('scslre').analyse;
    }
  | undefined;
function load(): NonNullable<typeof analysers> {
  if (analysers) return analysers;
  const raa = require('regexp-ast-analysis') as typeof import('regexp-ast-analysis');
  const scslre = require('scslre') as typeof import('scslre');
  analysers = { getFirstConsumedChar: raa.getFirstConsumedChar, analyse: scslre.analyse };
  return analysers;
}

/** Does the group body begin with a mandatory non-word separator (literal or class)? */
function startsWithSeparator(body: string): boolean {
  let tok: string | undefined;
  let rest: string;
  if (body.startsWith('\\')) {
    tok = body.slice(0, 2);
    rest = body.slice(2);
    if (!/^\\[.\-/,;:@#s()[\]+*?]$/.test(tok)) return false;
  } else if (body.startsWith('[')) {
    const end = body.indexOf(']', 1);
    if (end < 0) return false;
    tok = body.slice(0, end + 1);
    rest = body.slice(end + 1);
    const inner = tok.slice(1, -1);
    if (inner.startsWith('^') || /\\[wdWD]|[A-Za-z0-9]/.test(inner.replace(/\\s/g, ''))) return false;
  } else {
    tok = body[0];
    rest = body.slice(1);
    if (!tok || /[\w(|.]/.test(tok)) return false;
  }
  return !/^[?*]|^\{0,/.test(rest);
}

/** A quantifier that makes a group's element repeat: `*`, `+`, `{n,}`, `{n,m}` (not `?` or `{n}`). */
const REPEATS = /^(?:[*+]|\{\d+,\d*\})/;
/** A group repeated this way is "repeated": at most a single-digit number of times is not. */
const FEW = /^\{\d+,\d\}/;

type GroupLike = AST.Group | AST.CapturingGroup | AST.LookaroundAssertion;
const groupLike = (e: AST.Node): e is GroupLike =>
  e.type === 'Group' ||
  e.type === 'CapturingGroup' ||
  (e.type === 'Assertion' && (e.kind === 'lookahead' || e.kind === 'lookbehind'));
/** The quantifier of `q` as written (`+`, `{2,}?`). */
const quantifierText = (q: AST.Quantifier): string => q.raw.slice(q.element.raw.length);

/**
 * Returns a short reason when the pattern looks unsafe, else undefined: a group repeated
 * (`*`, `+`, `{n,}`, `{n,m}` with m of two digits or more) that holds a repeated element,
 * unless its body starts with a mandatory separator. `flags`: as the pattern runs (without
 * them, read as Unicode mode, else as the legacy grammar).
 */
export function checkRegexSafety(pattern: string, flags?: string): string | undefined {
  const ast =
    flags !== undefined ? parsePattern(pattern, flags) : (parsePattern(pattern, 'u') ?? parsePattern(pattern, ''));
  if (!ast) return undefined; // RegExp accepted it; regexpp's grammar is stricter in corners
  let first: GroupLike | undefined;
  regexpp().visit(ast, {
    onQuantifierEnter(q) {
      const g = q.element;
      const text = quantifierText(q);
      if (!groupLike(g) || !REPEATS.test(text) || FEW.test(text) || !holdsRepetition(g)) return;
      const body = pattern.slice(g.alternatives[0].start, g.alternatives[g.alternatives.length - 1].end);
      if (startsWithSeparator(body)) return;
      if (!first || g.end < first.end) first = g;
    },
  });
  // the position of the group's ")", counted from 1
  return first ? `a repeated group contains a repeated element near position ${first.end}` : undefined;
}

/** Does the group hold a quantifier that repeats (`*`, `+`, `{n,m}`), at any depth? */
function holdsRepetition(g: GroupLike): boolean {
  let found = false;
  regexpp().visit(g, {
    onQuantifierEnter(q) {
      if (REPEATS.test(quantifierText(q))) found = true;
    },
  });
  return found;
}

/**
 * The checks above miss shapes that have no nested quantifier. These use a real parser
 * (regexpp) and two analyses: scslre's search for exponential backtracking, and a check that
 * the alternatives of an unboundedly repeated group cannot start with the same character
 * (`(a|aa)+`, `(\w|\d)*`, `(a|)+`: each string splits into exponentially many ways), and that
 * a group repeated ten times or more holds no unbounded quantifier (`(.*a){20}` is
 * polynomial of degree 20). Polynomial shapes that remain are bounded at run time by the
 * pattern windows (regex/scan.ts).
 */
export function checkRegexShape(pattern: string, flags: string): string | undefined {
  const { getFirstConsumedChar, analyse } = load();
  const { parser, visit: visitRegExpAST } = regexpp();
  const pat = parsePattern(pattern, flags);
  if (!pat) return undefined; // RegExp accepted it; regexpp's grammar is stricter in corners
  const ast = { pattern: pat, flags: parser.parseFlags(flags.replace(/[gdy]/g, '')) };
  let problem: string | undefined;
  visitRegExpAST(ast.pattern, {
    onQuantifierEnter(q) {
      if (problem) return;
      const el = q.element;
      const groupish = el.type === 'Group' || el.type === 'CapturingGroup';
      if (
        groupish &&
        el.alternatives.length > 1 &&
        (q.max === Infinity || (q.max >= 2 && hasUnboundedQuantifier(el)))
      ) {
        const firsts = el.alternatives.map((a) => getFirstConsumedChar(a, 'ltr', ast.flags));
        for (let i = 0; i < firsts.length && !problem; i++) {
          if (firsts[i].empty) problem = `"${q.raw}" repeats a group with an alternative that can match nothing`;
          for (let j = i + 1; j < firsts.length && !problem; j++) {
            if (!firsts[i].char.isDisjointWith(firsts[j].char))
              problem = `"${q.raw}" repeats alternatives that can start with the same character`;
          }
        }
      }
      if (!problem && q.max !== Infinity && q.max >= 10 && groupish && hasUnboundedQuantifier(el)) {
        problem = `"${q.raw}" repeats ${q.max} times a group that holds an unbounded quantifier`;
      }
    },
  });
  if (problem) return problem;
  const reports = analyse(ast, { reportTypes: { Move: false, Self: true, Trade: true } }).reports;
  const exp = reports.find((r) => r.exponential);
  if (exp) return `exponential backtracking (scslre: ${exp.type.toLowerCase()} report)`;
  // Quantifiers that can trade one character between them make the work polynomial, of a
  // degree that grows with their number. Runs of one character are shortened before
  // matching (regex/scan.ts), which keeps a few trading quantifiers cheap, not many.
  const trading = new Map<string, Set<unknown>>();
  for (const r of reports) {
    if (r.type !== 'Trade') continue;
    const key = /\s/.test(r.character.pick) ? 'white space' : JSON.stringify(r.character.pick);
    const set = trading.get(key) ?? new Set();
    set.add(r.startQuant);
    set.add(r.endQuant);
    trading.set(key, set);
  }
  for (const [ch, quants] of trading) {
    if (quants.size > MAX_TRADING)
      return `polynomial backtracking: ${quants.size} quantifiers can trade ${ch} between them (at most ${MAX_TRADING})`;
  }
  return undefined;
}

function hasUnboundedQuantifier(node: AST.Group | AST.CapturingGroup): boolean {
  let found = false;
  regexpp().visit(node, {
    onQuantifierEnter(q) {
      if (q.max === Infinity) found = true;
    },
  });
  return found;
}

const MAX_TRADING = 4;
