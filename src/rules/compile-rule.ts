// One rule of a pack, compiled: its detectors (each by its kind's module, detectors/), the
// options every detector has, and the context hotword lists. A pack checked at build time
// compiles its regular expressions and hotword lists when a draft first needs them; any other
// pack compiles them now, so that its errors are reported when it is loaded.
import { detectorKind, detectorKinds, type KindCompiler } from '../detectors/registry.js';
import { BudgetedRegExp, linearTerms, RuleBudget, type RegexSite } from '../matchers/budget.js';
import { compileHotwords, lazyTester, termsSource, type Tester } from '../matchers/terms.js';
import { VALIDATORS } from '../matchers/validators.js';
import type { YamlSource } from '../yaml-source.js';
import { budgetedHotwords } from './budgeted-hotwords.js';
import type { Lists } from './lists.js';
import type { RawRule } from './raw.js';
import { compileRegex } from './regex-checks.js';
import type { CompiledDetector, CompiledRule } from './rule.js';

/** Context hotword that matches the practice's own name, aliases and staff names. */
export const PRACTICE_HOTWORD = '@practice';

type Path = (string | number)[];
type Hotwords = 'require' | 'forbid' | 'raise' | 'lower';
type SidedHotwords = 'require-before' | 'require-after' | 'forbid-before' | 'forbid-after';

/** Where a rule is compiled: its file, pack and the run's lists. */
export interface RuleSource {
  src: YamlSource;
  pack: string;
  /** Shipped with phi-lint (no time budget). */
  builtin: boolean;
  lists: Lists;
  /** Check every regex, even those the build checked (the build passes this). */
  recheck: boolean;
}

/**
 * Define `obj[key]` as computed on first read. The built-in packs, checked at build time,
 * compile their regular expressions and hotword lists when a draft first needs them: most
 * rules need words a short draft does not contain, so a pre-commit run on one reply
 * compiles a fraction of them (see docs/performance.md).
 */
function lazyProp<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
  });
}

/** Per rule set (its lists), the compiled tester of each `@list` hotword entry. */
const SHARED_LIST_TESTERS = new WeakMap<object, Map<string, Tester | null>>();

/** The regex and hotword machinery of one rule, positioned in its file. */
class RuleCompiler {
  /** Compile on first use (a pack checked at build time). */
  readonly lazy: boolean;
  /**
   * Every regex of a user's pack runs under the rule's budget — detectors' scans in
   * regex/regex-scan.ts, the other patterns and the hotword lists through the wrappers
   * below — and so do term lists that could backtrack (`a - - b`: see linearTerms).
   */
  readonly budget?: RuleBudget;

  constructor(
    readonly s: RuleSource,
    id: string,
  ) {
    this.lazy = !!s.src.prechecked && !s.recheck;
    this.budget = s.builtin ? undefined : new RuleBudget(id);
  }

  site(path: Path, what: string): RegexSite {
    return { budget: this.budget!, what, file: this.s.src.file, ...this.s.src.locate(path) };
  }

  expand(path: Path, items: string | string[] | undefined): string[] {
    return this.s.lists.expand(this.s.src, path, items);
  }

  /** With `what` (a pattern the engine runs itself), its matching runs under the budget, named so in errors. */
  regexOf(path: Path, pattern: string, flags: string, what?: string): () => RegExp {
    if (this.lazy) return () => new RegExp(pattern, flags);
    const checked = compileRegex(this.s.src, path, pattern, flags, this.s.recheck);
    const re = this.budget && what ? new BudgetedRegExp(pattern, flags, this.site(path, what)) : checked;
    return () => re;
  }

  /** A term list that does not compile (a backslash before a hyphen, `a\-b`) is the pack's error, not a crash. */
  listOf<T>(path: Path, make: () => T): T {
    try {
      return make();
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      const why = e.message.replace(/^.*: /s, '');
      throw this.s.src.error(path, `this term list does not compile (${why}); write hyphens without a backslash`);
    }
  }

  /** The regex of a term list: built by phi-lint (a trie of escaped terms). `guarded`: run it under the budget. */
  termsRegexOf(path: Path, source: string, flags: string, guarded?: RegexSite): () => RegExp {
    if (this.lazy) return () => new RegExp(source, flags);
    const make = (): RegExp => (guarded ? new BudgetedRegExp(source, flags, guarded) : new RegExp(source, flags));
    const re = this.listOf(path, make);
    return () => re;
  }

  /** Where a term list that can backtrack is written (undefined: no budget needed). */
  termSite(path: Path, what: string, terms: string[]): RegexSite | undefined {
    return this.budget && !linearTerms(terms) ? this.site(path, what) : undefined;
  }

  /** A hotword list (plain terms, `/regex/` and `@list` entries); undefined when empty. */
  tester(path: Path, items: string[] | undefined, what = `${path.at(-1)} list`): Tester | undefined {
    if (!items?.length) return undefined;
    if (!this.lazy) {
      const all = this.expand(path, items);
      const make = (): Tester | null =>
        this.budget ? budgetedHotwords(all, this.site(path, what)) : compileHotwords(all);
      return this.listOf(path, make) ?? undefined;
    }
    const size = this.s.lists.size(items);
    return size ? lazyTester(() => this.sharedHotwords(path, items)) : undefined;
  }

  /**
   * A built-in hotword list, each `@list` in it compiled once per rule set and shared by every
   * rule that names it (`@not-names` is in several rules: one regex, not one each), the rest
   * compiled for this rule. Matches exactly what one regex of all the words would.
   */
  sharedHotwords(path: Path, items: string[]): Tester | null {
    let shared = SHARED_LIST_TESTERS.get(this.s.lists);
    if (!shared) SHARED_LIST_TESTERS.set(this.s.lists, (shared = new Map()));
    const testers: Tester[] = [];
    for (const item of items.filter((i) => i.startsWith('@'))) {
      let t = shared.get(item);
      if (t === undefined) shared.set(item, (t = compileHotwords(this.expand(path, [item]))));
      if (t) testers.push(t);
    }
    const rest = items.filter((i) => !i.startsWith('@'));
    const own = rest.length ? compileHotwords(this.expand(path, rest)) : null;
    if (own) testers.push(own);
    if (!testers.length) return null;
    return testers.length === 1 ? testers[0] : { test: (text) => testers.some((t) => t.test(text)) };
  }

  /** What a kind's compile sees: paths relative to its detector. */
  forKind(dp: Path): KindCompiler {
    const at = (p: Path): Path => [...dp, ...p];
    return {
      error: (p, message) => this.s.src.error(at(p), message),
      expand: (p, items) => this.expand(at(p), items),
      regex: (p, pattern, flags) => this.regexOf(at(p), pattern, flags),
      termsRegex: (p, source, flags, guarded) => this.termsRegexOf(at(p), source, flags, guarded),
      termSite: (p, what, terms) => this.termSite(at(p), what, terms),
      site: (p, what) => (this.budget ? this.site(at(p), what) : undefined),
      lazy: (det, key, make) => lazyProp(det, key, make),
    };
  }

  detector(r: RawRule, di: number, at: Path): CompiledDetector {
    const d = r.detect[di];
    const dp = [...at, 'detect', di];
    const kinds = detectorKinds().filter((k) => d[k.name] !== undefined);
    if (kinds.length !== 1) {
      const names = detectorKinds().map((k) => k.name);
      const found = kinds.map((k) => k.name).join(', ') || 'none';
      throw this.s.src.error(dp, `a detector needs exactly one of ${names.join(', ')} (found ${found})`);
    }
    const det: CompiledDetector = {
      kind: kinds[0].name,
      validators: (d.validate ?? []).map((name) => ({ name, fn: VALIDATORS[name] })),
      excludeTerms: this.tester([...dp, 'exclude-terms'], d['exclude-terms']),
      firstWordIn: d['first-word-in']
        ? new Set(this.expand([...dp, 'first-word-in'], d['first-word-in']).map((w) => w.toLowerCase()))
        : undefined,
      inReview: d['in-review'],
    };
    const exclude = d['exclude-pattern'];
    const extend = d['extend-pattern'];
    if (exclude) {
      lazyProp(det, 'excludePattern', this.regexOf([...dp, 'exclude-pattern'], exclude, 'iu', 'exclude-pattern'));
    }
    if (extend) lazyProp(det, 'extend', this.regexOf([...dp, 'extend-pattern'], extend, 'uy', 'extend-pattern'));
    if (d['unless-inside']) {
      const terms = this.expand([...dp, 'unless-inside'], d['unless-inside']);
      const inside = termsSource(terms, { inflect: false });
      const where = [...dp, 'unless-inside'];
      const guarded = this.termSite(where, 'unless-inside list', terms);
      if (inside) lazyProp(det, 'unlessInside', this.termsRegexOf(where, inside.source, inside.flags, guarded));
    }
    kinds[0].compile(d, det, this.forKind(dp));
    return det;
  }
}

/** Compile rule `ri` of a pack file (its id already checked). */
export function compileRule(s: RuleSource, r: RawRule, ri: number): CompiledRule {
  const at = ['rules', ri];
  const c = new RuleCompiler(s, r.id);
  const detectors = r.detect.map((_, di) => c.detector(r, di, at));
  // `@practice` is not a list: it stands for the practice's own name and staff, which
  // differ per config, so the engine checks it per document.
  const practiceIn = new Set<Hotwords>();
  const hot = (name: Hotwords | SidedHotwords): Tester | undefined => {
    const items = r.context?.[name];
    const unsided = name === 'require' || name === 'forbid' || name === 'raise' || name === 'lower';
    if (items?.includes(PRACTICE_HOTWORD) && unsided) practiceIn.add(name);
    const rest = items?.filter((t) => t !== PRACTICE_HOTWORD);
    return c.tester([...at, 'context', name], rest, `context.${name} list`);
  };
  return {
    id: r.id,
    pack: s.pack,
    file: s.src.file,
    line: s.src.locate(at).line,
    category: r.category,
    severity: r.severity,
    message: r.message,
    why: r.why,
    appliesTo: r['applies-to'] ?? 'both',
    suggestion: r.suggestion,
    ...(r['suggestion-post'] ? { suggestionPost: r['suggestion-post'] } : {}),
    ...(r['suggestion-reply'] ? { suggestionReply: r['suggestion-reply'] } : {}),
    detectors,
    context: r.context
      ? {
          scope: r.context.scope ?? 'words',
          window: r.context.window ?? 6,
          direction: r.context.direction ?? 'both',
          require: hot('require'),
          forbid: hot('forbid'),
          raise: hot('raise'),
          lower: hot('lower'),
          requireBefore: hot('require-before'),
          requireAfter: hot('require-after'),
          forbidBefore: hot('forbid-before'),
          forbidAfter: hot('forbid-after'),
          practice: practiceIn,
        }
      : undefined,
    exclude: c.tester([...at, 'exclude'], r.exclude),
    near: r.near ? { categories: new Set(r.near.categories), scope: r.near.scope ?? 'sentence' } : undefined,
    unlessFrontMatter: r['unless-front-matter'] ?? [],
    addressesReader: !!r['addresses-reader'],
    examples: r.examples,
    usesNlp: detectors.some((d) => !!detectorKind(d.kind).usesNlp),
  };
}
