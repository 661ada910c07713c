// Rule packs: find the YAML files, validate them with positions, paste `{{fragment}}`s into
// patterns, expand `@list` references, and compile every detector once per run. A pack is
// every file that names it (`pack: phi`): one file (rules/post.yaml), or a directory of
// family files (rules/phi/*.yaml), which load in file-name order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhiLintError, PhiLintErrors } from '../errors.js';
import { BudgetedRegExp, linearTerms, RuleBudget, type RegexSite } from '../matchers/budget.js';
import { compileHotwords, lazyTester, TermIndex, termsSource, type Tester } from '../matchers/terms.js';

const INDEX_THRESHOLD = 1000;
import { VALIDATORS } from '../matchers/validators.js';
import { budgetedHotwords } from './budgeted-hotwords.js';
import { checkRegexSafety, checkRegexShape } from './regex-safety.js';
import { expandPack, Fragments } from './fragments.js';
import type { Category, Severity } from '../types.js';
import type { YamlSource } from '../yaml-source.js';
import type { CompiledDetector, CompiledRule, Escalation, RuleSet } from './rule.js';
import { pastedFrom, readPack, storeKey } from './precompiled.js';

/** Context hotword that matches the practice's own name, aliases and staff names. */
export const PRACTICE_HOTWORD = '@practice';

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/** Every *.yaml / *.yml under a directory (or the file itself), sorted for stable order. */
export function packFiles(dirOrFile: string): string[] {
  let st;
  try {
    st = statSync(dirOrFile);
  } catch {
    throw new PhiLintError(`rule directory or file not found`, dirOrFile);
  }
  if (st.isFile()) return [dirOrFile];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(e.name)) out.push(p);
    }
  };
  walk(dirOrFile);
  return out;
}

interface RawDetector {
  pattern?: string;
  flags?: string;
  group?: string;
  terms?: string | string[];
  'case-sensitive'?: boolean;
  inflect?: boolean;
  entity?: CompiledDetector['entity'];
  image?: boolean;
  validate?: string[];
  'exclude-pattern'?: string;
  'first-word-in'?: string[];
  'exclude-terms'?: string[];
  'in-review'?: boolean;
  'unless-inside'?: string[];
  'extend-pattern'?: string;
}
interface RawRule {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  why: string;
  'applies-to'?: 'post' | 'reply' | 'both';
  suggestion?: string;
  'suggestion-post'?: string;
  'suggestion-reply'?: string;
  detect: RawDetector[];
  context?: {
    scope?: 'words' | 'sentence' | 'paragraph' | 'document';
    window?: number;
    direction?: 'before' | 'after' | 'both';
    require?: string[];
    forbid?: string[];
    raise?: string[];
    lower?: string[];
    'require-before'?: string[];
    'require-after'?: string[];
    'forbid-before'?: string[];
    'forbid-after'?: string[];
  };
  exclude?: string[];
  near?: { categories: Category[]; scope?: 'sentence' | 'paragraph' | 'document' };
  'unless-front-matter'?: string[];
  'addresses-reader'?: boolean;
  examples: { fire: string[]; silent: string[]; kind?: 'post' | 'reply' };
}
interface RawPack {
  pack?: string;
  description?: string;
  lists?: Record<string, string[] | string>;
  fragments?: Record<string, string>;
  escalate?: { id: string; categories: Category[]; min: number; scope?: 'sentence' | 'paragraph' | 'document'; message: string; why: string }[];
  rules?: RawRule[];
}

/** Run the safety analysis even on packs it passed at build time (the build itself does). */
let recheck = false;

function compileRegex(src: YamlSource, path: (string | number)[], pattern: string, flags: string): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags);
  } catch (e) {
    throw src.error(path, `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (src.prechecked && !recheck) return re;
  const unsafe = checkRegexSafety(pattern) ?? checkRegexShape(pattern, flags);
  if (unsafe) throw src.error(path, `regular expression may backtrack catastrophically (${unsafe}); rewrite it without nested or overlapping quantifiers`);
  return re;
}

/** A `/regex/flags` hotword entry must compile and be safe like a `pattern:`. */
function checkHotwordRegex(src: YamlSource, path: (string | number)[], item: string): void {
  if (src.prechecked && !recheck) return;
  const m = /^\/(.+)\/([a-z]*)$/.exec(item);
  if (m) compileRegex(src, path, m[1], 'iu');
}

/**
 * Define `obj[key]` as computed on first read. The built-in packs, checked at build time,
 * compile their regular expressions and hotword lists when a draft first needs them: most
 * rules need words a short draft does not contain, so a pre-commit run on one reply
 * compiles a fraction of them (see README, Performance).
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

/** One TermIndex per distinct list in a run: two rules over the same gazetteer share it. */
const indexes = new Map<string, TermIndex>();
const indexOfArray = new WeakMap<string[], Map<string, TermIndex>>();
function termIndex(terms: string[], caseSensitive: boolean, inflect: boolean): TermIndex {
  let byCase = indexOfArray.get(terms);
  const mode = `${caseSensitive}${inflect}`;
  const same = byCase?.get(mode);
  if (same) return same;
  const key = `${mode}\0${terms.join('\n')}`;
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = new TermIndex(terms, { caseSensitive, inflect })));
  if (!byCase) indexOfArray.set(terms, (byCase = new Map()));
  byCase.set(mode, index);
  return index;
}

export interface LoadOptions {
  /**
   * Analyse every regular expression for catastrophic backtracking, including those of the
   * built-in packs that were analysed at build time (the build passes this).
   */
  checkAll?: boolean;
}

/** A list written as a block of text: one term per line, blank lines and `#` comments skipped. */
function linesOf(block: string): string[] {
  return block
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

interface Source {
  src: YamlSource;
  raw: RawPack;
  pack: string;
  /** The file's text has "{{" (a file without it has no fragment to paste). */
  refs: boolean;
  /** The file read as written, not from the build's store. */
  asWritten: () => YamlSource;
  /** Shipped with phi-lint (no time budget). */
  builtin: boolean;
}

/**
 * Paste `{{fragments}}` into every pattern before anything reads one (see fragments.ts), so
 * everything after sees expanded patterns. Fragments are global like lists.
 */
function pasteFragments(sources: Source[]): void {
  // The shipped packs alone, as built: their fragments were checked and pasted at build time.
  if (!recheck && sources.every((s) => s.src.prechecked && (!s.refs || pastedFrom(s.src)))) return;
  const fragments = new Fragments();
  for (const { src, raw } of sources) fragments.define(src, raw.fragments);
  fragments.resolve(recheck);
  const asBuilt = new Set(sources.map((s) => storeKey(s.src)));
  for (const s of sources.filter((x) => x.refs)) {
    // The build pasted the fragments of a built-in file: kept while their files are as built;
    // otherwise the file is read as written and pasted again.
    const pasted = pastedFrom(s.src);
    if (pasted?.every((k) => asBuilt.has(k))) continue;
    if (pasted) s.raw = (s.src = s.asWritten()).data as RawPack;
    const used = new Set<YamlSource>();
    s.raw = expandPack(s.src, s.raw, fragments, used);
    // Patterns checked at build time stay trusted only while the fragments pasted into them
    // are unchanged since the build too.
    if (s.src.prechecked && [...used].some((d) => !d.prechecked)) {
      s.src = Object.create(s.src, { prechecked: { value: false } }) as YamlSource;
    }
  }
}

export function loadRuleSet(dirs: string[], opts: LoadOptions = {}): RuleSet {
  recheck = !!opts.checkAll;
  try {
    return load(dirs);
  } finally {
    recheck = false;
  }
}

function load(dirs: string[]): RuleSet {
  const files = dirs.flatMap(packFiles);
  const sources: Source[] = [];
  const errors: PhiLintError[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      // bytes: a built-in file unchanged since the build is hashed, never decoded
      bytes = readFileSync(file);
    } catch (e) {
      errors.push(new PhiLintError(`cannot read rule file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file));
      continue;
    }
    const display = relative(process.cwd(), file) || file;
    try {
      const src = readPack(file, display, bytes, BUILTIN_RULES_DIR);
      if (src.data == null) continue;
      const raw = src.data as RawPack;
      const pack = raw.pack ?? basename(file, extname(file));
      // a file that never writes "{{" (the gazetteers) has no fragment to paste
      const asWritten = (): YamlSource => readPack(file, display, bytes, BUILTIN_RULES_DIR, null);
      // Packs that did not ship with phi-lint run their regexes under a time budget (matchers/budget.ts).
      const builtin = resolve(file).startsWith(BUILTIN_RULES_DIR + sep);
      sources.push({ src, raw, pack, refs: bytes.includes('{{'), asWritten, builtin });
    } catch (e) {
      if (e instanceof PhiLintErrors) errors.push(...e.errors);
      else if (e instanceof PhiLintError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new PhiLintErrors(errors);

  pasteFragments(sources);

  // Lists are global: a pack may use a vocabulary another pack defines.
  const lists = new Map<string, string[]>();
  for (const { src, raw } of sources) {
    for (const [name, items] of Object.entries(raw.lists ?? {})) {
      if (lists.has(name)) throw src.error(['lists', name], `list "${name}" is defined twice`);
      const list = typeof items === 'string' ? linesOf(items) : items;
      list.forEach((t, i) => checkHotwordRegex(src, ['lists', name, i], t));
      lists.set(name, list);
    }
  }
  // Several rules name the same vocabularies (two place rules, both over every US town): a
  // combination of lists is expanded once, and the same array shares one TermIndex.
  const expandedLists = new Map<string, string[]>();
  const expand = (src: YamlSource, path: (string | number)[], items: string | string[] | undefined): string[] => {
    const arr = items === undefined ? [] : Array.isArray(items) ? items : [items];
    // `/regex/` hotwords are patterns like any other: checked for syntax and safety here
    arr.forEach((t, i) => checkHotwordRegex(src, [...path, ...(Array.isArray(items) ? [i] : [])], t));
    const onlyLists = arr.length > 0 && arr.every((t) => t.startsWith('@') && lists.has(t.slice(1)));
    const key = onlyLists ? arr.join('\0') : '';
    const known = onlyLists ? expandedLists.get(key) : undefined;
    if (known) return known;
    const out: string[] = [];
    arr.forEach((t, i) => {
      if (t.startsWith('@')) {
        const l = lists.get(t.slice(1));
        if (!l) throw src.error([...path, ...(Array.isArray(items) ? [i] : [])], `unknown list "${t}" (defined lists: ${[...lists.keys()].join(', ') || 'none'})`);
        for (const x of l) out.push(x);
      } else out.push(t);
    });
    if (onlyLists) expandedLists.set(key, out);
    return out;
  };

  const rules: CompiledRule[] = [];
  const escalations: Escalation[] = [];
  const ids = new Map<string, string>();
  for (const { src, raw, pack, builtin } of sources) {
    (raw.rules ?? []).forEach((r, ri) => {
      const at = ['rules', ri];
      if (!r.id.startsWith(`${pack}/`)) {
        // a family file of a pack directory (rules/phi/dates.yaml) names its pack
        const join = `to add it to a pack, start it with "pack: ${r.id.split('/')[0]}"`;
        const named = '; this file has no "pack:", so its pack is named after the file — ';
        const hint = raw.pack === undefined ? `${named}${join}` : '';
        throw src.error([...at, 'id'], `rule id "${r.id}" must start with its pack name "${pack}/"${hint}`);
      }
      if (ids.has(r.id)) throw src.error([...at, 'id'], `rule id "${r.id}" is already defined in ${ids.get(r.id)}`);
      ids.set(r.id, src.file);
      // A pack checked at build time compiles on first use; any other pack compiles now, so
      // that its errors are reported when it is loaded.
      const lazy = !!src.prechecked && !recheck;
      // Every regex of a user's pack runs under the rule's budget — detectors' scans in
      // engine/regex-scan.ts, the other patterns and the hotword lists through the wrappers
      // below — and so do term lists that could backtrack (`a - - b`: see linearTerms).
      const budget = builtin ? undefined : new RuleBudget(r.id);
      type Path = (string | number)[];
      const site = (path: Path, what: string): RegexSite => ({
        budget: budget!,
        what,
        file: src.file,
        ...src.locate(path),
      });
      /** With `what` (a pattern the engine runs itself), its matching runs under the budget, named so in errors. */
      const regexOf = (path: (string | number)[], pattern: string, flags: string, what?: string): (() => RegExp) => {
        if (lazy) return () => new RegExp(pattern, flags);
        const checked = compileRegex(src, path, pattern, flags);
        const re = budget && what ? new BudgetedRegExp(pattern, flags, site(path, what)) : checked;
        return () => re;
      };
      /** A term list that does not compile (a backslash before a hyphen, `a\-b`) is the pack's error, not a crash. */
      const listOf = <T>(path: (string | number)[], make: () => T): T => {
        try {
          return make();
        } catch (e) {
          if (!(e instanceof SyntaxError)) throw e;
          const why = e.message.replace(/^.*: /s, '');
          throw src.error(path, `this term list does not compile (${why}); write hyphens without a backslash`);
        }
      };
      /** The regex of a term list: built by phi-lint (a trie of escaped terms). `guarded`: run it under the budget. */
      const termsRegexOf = (path: Path, source: string, flags: string, guarded?: RegexSite): (() => RegExp) => {
        if (lazy) return () => new RegExp(source, flags);
        const make = (): RegExp => (guarded ? new BudgetedRegExp(source, flags, guarded) : new RegExp(source, flags));
        const re = listOf(path, make);
        return () => re;
      };
      /** Where a term list that can backtrack is written (undefined: no budget needed). */
      const termSite = (path: (string | number)[], what: string, terms: string[]): RegexSite | undefined =>
        budget && !linearTerms(terms) ? site(path, what) : undefined;
      /** A hotword list (plain terms, `/regex/` and `@list` entries); undefined when empty. */
      const tester = (path: Path, items: string[] | undefined, what = `${path.at(-1)} list`): Tester | undefined => {
        if (!items?.length) return undefined;
        if (!lazy) {
          const all = expand(src, path, items);
          const make = (): Tester | null => (budget ? budgetedHotwords(all, site(path, what)) : compileHotwords(all));
          return listOf(path, make) ?? undefined;
        }
        const size = items.reduce((n, t) => n + (t.startsWith('@') ? (lists.get(t.slice(1))?.length ?? 0) : 1), 0);
        return size ? lazyTester(() => compileHotwords(expand(src, path, items))) : undefined;
      };
      const detectors: CompiledDetector[] = r.detect.map((d, di) => {
        const dp = [...at, 'detect', di];
        const kinds = ['pattern', 'terms', 'entity', 'image'].filter((k) => d[k as keyof RawDetector] !== undefined);
        if (kinds.length !== 1) throw src.error(dp, `a detector needs exactly one of pattern, terms, entity, image (found ${kinds.join(', ') || 'none'})`);
        const det: CompiledDetector = {
          kind: kinds[0] as CompiledDetector['kind'],
          validators: (d.validate ?? []).map((name) => ({ name, fn: VALIDATORS[name] })),
          excludeTerms: tester([...dp, 'exclude-terms'], d['exclude-terms']),
          firstWordIn: d['first-word-in'] ? new Set(expand(src, [...dp, 'first-word-in'], d['first-word-in']).map((w) => w.toLowerCase())) : undefined,
          inReview: d['in-review'],
        };
        const exclude = d['exclude-pattern'];
        const extend = d['extend-pattern'];
        if (exclude) {
          lazyProp(det, 'excludePattern', regexOf([...dp, 'exclude-pattern'], exclude, 'iu', 'exclude-pattern'));
        }
        if (extend) lazyProp(det, 'extend', regexOf([...dp, 'extend-pattern'], extend, 'uy', 'extend-pattern'));
        if (d['unless-inside']) {
          const terms = expand(src, [...dp, 'unless-inside'], d['unless-inside']);
          const inside = termsSource(terms, { inflect: false });
          const where = [...dp, 'unless-inside'];
          const guarded = termSite(where, 'unless-inside list', terms);
          if (inside) lazyProp(det, 'unlessInside', termsRegexOf(where, inside.source, inside.flags, guarded));
        }
        if (d.pattern !== undefined) {
          const flags = `${(d.flags ?? '').replace(/[gd]/g, '')}g${d.group || /\(\?<id>/.test(d.pattern) ? 'd' : ''}`;
          lazyProp(det, 'regex', regexOf([...dp, 'pattern'], d.pattern, flags));
          if (budget) det.budget = site([...dp, 'pattern'], 'pattern');
          if (d.group && !new RegExp(`\\(\\?<${d.group}>`).test(d.pattern)) throw src.error([...dp, 'group'], `pattern has no named group "${d.group}"`);
          det.group = d.group ?? (/\(\?<id>/.test(d.pattern) ? 'id' : undefined);
          det.source = d.pattern;
          det.flags = flags;
        } else if (d.terms !== undefined) {
          const terms = expand(src, [...dp, 'terms'], d.terms);
          if (!terms.length) throw src.error([...dp, 'terms'], 'terms list is empty');
          // Gazetteer-sized lists are looked up word by word instead of being compiled into
          // one enormous regular expression (V8 takes half a second to compile a few
          // thousand inflected terms, on every start).
          if (terms.length > INDEX_THRESHOLD) {
            det.index = termIndex(terms, !!d['case-sensitive'], d.inflect !== false);
          } else {
            const s = termsSource(terms, { caseSensitive: d['case-sensitive'], inflect: d.inflect });
            if (!s) throw src.error([...dp, 'terms'], 'terms list is empty');
            lazyProp(det, 'regex', termsRegexOf([...dp, 'terms'], s.source, s.flags));
            det.budget = termSite([...dp, 'terms'], 'term list', terms);
            det.source = s.source;
            det.flags = s.flags;
          }
        } else if (d.entity !== undefined) det.entity = d.entity;
        return det;
      });
      // `@practice` is not a list: it stands for the practice's own name and staff, which
      // differ per config, so the engine checks it per document.
      const practiceIn = new Set<'require' | 'forbid' | 'raise' | 'lower'>();
      const hot = (name: 'require' | 'forbid' | 'raise' | 'lower' | 'require-before' | 'require-after' | 'forbid-before' | 'forbid-after'): Tester | undefined => {
        const items = r.context?.[name];
        if (items?.includes(PRACTICE_HOTWORD) && (name === 'require' || name === 'forbid' || name === 'raise' || name === 'lower')) practiceIn.add(name);
        const rest = items?.filter((t) => t !== PRACTICE_HOTWORD);
        return tester([...at, 'context', name], rest, `context.${name} list`);
      };
      rules.push({
        id: r.id,
        pack,
        file: src.file,
        line: src.locate(at).line,
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
        exclude: tester([...at, 'exclude'], r.exclude),
        near: r.near ? { categories: new Set(r.near.categories), scope: r.near.scope ?? 'sentence' } : undefined,
        unlessFrontMatter: r['unless-front-matter'] ?? [],
        addressesReader: !!r['addresses-reader'],
        examples: r.examples,
        usesNlp: detectors.some((d) => d.kind === 'entity'),
      });
    });
    for (const e of raw.escalate ?? []) {
      escalations.push({ id: e.id, pack, categories: new Set(e.categories), min: e.min, scope: e.scope ?? 'paragraph', message: e.message, why: e.why });
    }
  }
  // one entry per file: a pack made of family files has one per family (run.ts hashes them all)
  return { rules, escalations, packs: sources.map((s) => ({ name: s.pack, file: s.src.file, description: s.raw.description })) };
}
