// A time budget for the regular expressions of rule packs that did not ship with phi-lint.
//
// NOTE: why a budget, and why this one. The loader refuses the shapes known to backtrack
// catastrophically (regex/safety.ts), and every scan runs over bounded windows
// (regex/scan.ts), but no static check knows every pattern: `\w*\w*\w*\w*!` passes and
// takes minutes on one window of 1.8 KB, and so does a term list with stand-alone hyphens
// (`a - - - - b` becomes `a\s+[-\s]?\s+…`). So every regex of a user's pack — its
// patterns, term lists, hotword lists, exclude-, extend- and unless-inside patterns — runs
// here, under Node's `vm` timeout: V8 checks for interrupts while a regex backtracks, and
// Node's watchdog stops the call once its time is up. The alternatives measured on Node 20:
// - V8's linear-time engine (`--enable-experimental-regexp-engine`, flag `l`) refuses the
//   `i`, `u` and `d` flags, look-arounds, back-references and counts past a few dozen: not
//   one of the 176 built-in patterns compiles with it, and every rule pattern with an
//   `(?<id>…)` group needs `d`. Its fall-back mode (on excessive backtracks) applies only to
//   regexes it can run, and both are process-wide flags the programmatic API cannot set.
// - A worker thread with a deadline costs a message and a copy of the text per call, and
//   the filters (hotwords, exclusions) call a regex per candidate.
// A guarded call costs ~80 µs (the watchdog is a thread), so guards are placed around whole
// scans of a draft and around each filter call that runs a user's regex, never around term
// lists that cannot backtrack (linearTerms), and never on the built-in packs, which were
// analysed when phi-lint was built and keep their speed.
//
// The budget is per rule and per draft — 2 s, plus 1 s per million characters of the draft,
// so that a long draft is not cut short at an ordinary regex's speed — added up over every
// guarded call of the rule; the draft being linted changes with startDraft()
// (regex/regex-scan.ts calls it per draft).
// A rule that runs out of time is stopped on that draft: the draft gets a clear error naming
// the rule (exit 2) and the other drafts are linted as usual. A rule that has run out of
// time on STRIKES drafts is not run again in this process — each later draft that needs it
// gets the error at once — so a run over many hostile drafts costs a few budgets per rule
// and thread, not one per draft.
import vm from 'node:vm';
import { PhiLintError } from '../errors.js';

/** Time a rule's regular expressions may take on one draft, unless PHI_LINT_RULE_BUDGET_MS says otherwise. */
export const DEFAULT_BUDGET_MS = 2000;

function envBudget(): number {
  const v = Number(process.env.PHI_LINT_RULE_BUDGET_MS);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_BUDGET_MS;
}

/** Extra time per character of the draft (1 s per million characters). */
const MS_PER_CHAR = 1 / 1000;

/** Drafts a rule may run out of time on before it is no longer run. */
export const STRIKES = 3;

/** One rule's budget: shared by every regex of the rule. */
export class RuleBudget {
  /** Milliseconds spent on the current draft, and allowed on it. */
  spent = 0;
  limit = 0;
  /** The draft `spent` counts for (see startDraft). */
  draft = -1;
  /** Drafts the rule ran out of time on, and the last of them. */
  strikes = 0;
  outOn = -1;
  /** Set once the rule is no longer run: where it last ran out of time, for the errors of later drafts. */
  stopped?: RegexSite;

  constructor(
    readonly rule: string,
    readonly limitMs: number = envBudget(),
  ) {}
}

/** One regular expression of a rule: where it is written, for the error. */
export interface RegexSite {
  budget: RuleBudget;
  /** What it is, in the rule's words: "pattern", "exclude-pattern", "context.require list"… */
  what: string;
  file: string;
  line: number;
  column: number;
}

let draft = 0;
let draftExtraMs = 0;
/** A new draft (of `length` characters) is being linted: every rule's time starts again from zero. */
export function startDraft(length = 0): void {
  draft++;
  draftExtraMs = length * MS_PER_CHAR;
}

let context: vm.Context | undefined;
let script: vm.Script | undefined;
/** A guarded call is running (a nested one runs inside it, under the outer deadline). */
let active = false;

const seconds = (ms: number): string => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

function ranOut(site: RegexSite): PhiLintError {
  const b = site.budget;
  if (b.outOn !== draft) {
    b.outOn = draft;
    if (++b.strikes >= STRIKES) b.stopped = site;
  }
  return new PhiLintError(
    `rule "${site.budget.rule}": its ${site.what} ran out of time on this draft (${seconds(b.limit)}) ` +
      'and was stopped, so the draft is not fully checked. It backtracks too much on this text: rewrite it so ' +
      'that no two repetitions can match the same characters (like "\\w*\\w*")',
    site.file,
    site.line,
    site.column,
  );
}

function stoppedEarlier(site: RegexSite): PhiLintError {
  const at = site.budget.stopped!;
  return new PhiLintError(
    `rule "${at.budget.rule}" was stopped earlier in this run: its ${at.what} ran out of time on ${STRIKES} other ` +
      'drafts, so this draft is not fully checked. Rewrite it so that no two repetitions can match the same characters',
    at.file,
    at.line,
    at.column,
  );
}

/**
 * Run `fn` (a regex's work for a rule) within what is left of the rule's budget for this
 * draft; throws the rule's error (a PhiLintError at the regex's place) when it runs out.
 */
export function guard<T>(site: RegexSite, fn: () => T): T {
  if (active) return fn();
  const b = site.budget;
  if (b.stopped) throw stoppedEarlier(site);
  if (b.draft !== draft) {
    b.draft = draft;
    b.spent = 0;
    b.limit = b.limitMs + draftExtraMs;
  }
  const left = b.limit - b.spent;
  if (left <= 0) throw ranOut(site);
  context ??= vm.createContext({ run: undefined });
  script ??= new vm.Script('run()', { filename: 'phi-lint-rule-budget' });
  context.run = fn;
  active = true;
  const t0 = performance.now();
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.ceil(left)) }) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      b.spent = Infinity; // the draft's budget is gone, even if the timer fired a little early
      throw ranOut(site);
    }
    throw e;
  } finally {
    active = false;
    context.run = undefined;
    // a call that finished just past the deadline keeps its result; the next one is refused
    b.spent += performance.now() - t0;
  }
}

/**
 * A RegExp whose matching (exec, and so test, match, replace…) runs under a rule's budget:
 * for the patterns the engine uses directly (exclude-pattern, extend-pattern, unless-inside).
 */
export class BudgetedRegExp extends RegExp {
  constructor(
    source: string,
    flags: string,
    private readonly site: RegexSite,
  ) {
    super(source, flags);
  }

  // Copies made by String.prototype.split and matchAll are plain regexes (no site to name).
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }

  override exec(text: string): RegExpExecArray | null {
    return guard(this.site, () => super.exec(text));
  }
}

/**
 * Does every term of a list make a regex that cannot backtrack super-linearly? terms.ts
 * (termSource) joins a term's words with `\s+` and turns each hyphen into `[-\s]?`: only a
 * hyphen at a word's edge, two hyphens in a row (`a - - b`, `a- b`, `a--b`) or a backslash
 * (which can pair with an escape) lets two of those trade the same white space. Everything
 * else in a term is a literal, so lists without them — nearly all — run unguarded.
 */
export function linearTerms(terms: readonly string[]): boolean {
  return terms.every((t) =>
    t
      .trim()
      .split(/\s+/)
      .every((w) => !/^-|-$|--|\\/.test(w)),
  );
}
