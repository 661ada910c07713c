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
import type { AST } from '@eslint-community/regexpp';

const require = createRequire(import.meta.url);
let analysers:
  | {
      parser: import('@eslint-community/regexpp').RegExpParser;
      visitRegExpAST: typeof import('@eslint-community/regexpp').visitRegExpAST;
      getFirstConsumedChar: typeof import('regexp-ast-analysis').getFirstConsumedChar;
      analyse: typeof import('scslre').analyse;
    }
  | undefined;
function load(): NonNullable<typeof analysers> {
  if (analysers) return analysers;
  const regexpp = require('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
  const raa = require('regexp-ast-analysis') as typeof import('regexp-ast-analysis');
  const scslre = require('scslre') as typeof import('scslre');
  analysers = {
    parser: new regexpp.RegExpParser({ ecmaVersion: 2024 }),
    visitRegExpAST: regexpp.visitRegExpAST,
    getFirstConsumedChar: raa.getFirstConsumedChar,
    analyse: scslre.analyse,
  };
  return analysers;
}


interface Group {
  start: number; // index just after "(" and any "?:", "?<name>" prefix
  quantified: boolean;
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

/** Returns a short reason when the pattern looks unsafe, else undefined. */
export function checkRegexSafety(pattern: string): string | undefined {
  const stack: Group[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      let start = i + 1;
      const prefix = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(pattern.slice(start));
      if (prefix) start += prefix[0].length;
      stack.push({ start, quantified: false });
      continue;
    }
    if (c === ')') {
      const g = stack.pop();
      if (!g) continue;
      const next = pattern.slice(i + 1);
      const repeated = /^(?:[*+]|\{\d+,\d*\})/.test(next) && !/^\{\d+,\d\}/.test(next);
      if (g.quantified && repeated && !startsWithSeparator(pattern.slice(g.start, i))) {
        return `a repeated group contains a repeated element near position ${i + 1}`;
      }
      if (g.quantified && stack.length) stack[stack.length - 1].quantified = true;
      if (repeated && stack.length) stack[stack.length - 1].quantified = true;
      continue;
    }
    const isQuant = c === '*' || c === '+' || (c === '{' && /^\{\d+,\d*\}/.test(pattern.slice(i)));
    if (isQuant && stack.length) stack[stack.length - 1].quantified = true;
  }
  return undefined;
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
  const { parser, visitRegExpAST, getFirstConsumedChar, analyse } = load();
  let ast;
  try {
    ast = parser.parseLiteral(`/${pattern.replace(/(?<!\\)((?:\\\\)*)\//g, '$1\\/')}/${flags.replace(/[gdy]/g, '')}`);
  } catch {
    return undefined; // RegExp accepted it; regexpp's grammar is stricter in corners
  }
  let problem: string | undefined;
  visitRegExpAST(ast, {
    onQuantifierEnter(q) {
      if (problem) return;
      const el = q.element;
      const groupish = el.type === 'Group' || el.type === 'CapturingGroup';
      if (groupish && el.alternatives.length > 1 && (q.max === Infinity || (q.max >= 2 && hasUnboundedQuantifier(el)))) {
        const firsts = el.alternatives.map((a) => getFirstConsumedChar(a, 'ltr', ast.flags));
        for (let i = 0; i < firsts.length && !problem; i++) {
          if (firsts[i].empty) problem = `"${q.raw}" repeats a group with an alternative that can match nothing`;
          for (let j = i + 1; j < firsts.length && !problem; j++) {
            if (!firsts[i].char.isDisjointWith(firsts[j].char)) problem = `"${q.raw}" repeats alternatives that can start with the same character`;
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
    if (quants.size > MAX_TRADING) return `polynomial backtracking: ${quants.size} quantifiers can trade ${ch} between them (at most ${MAX_TRADING})`;
  }
  return undefined;
}

function hasUnboundedQuantifier(node: AST.Group | AST.CapturingGroup): boolean {
  let found = false;
  load().visitRegExpAST(node, {
    onQuantifierEnter(q) {
      if (q.max === Infinity) found = true;
    },
  });
  return found;
}

const MAX_TRADING = 4;
