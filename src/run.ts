// files → documents → rules → findings → format → exit code. No process globals here:
// run() takes what it needs and returns what to print, so it is testable in-process.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, extname, join, relative, resolve, sep } from 'node:path';
import { applyBaseline, readBaseline, writeBaseline, type Baseline } from './baseline/baseline.js';
import {
  cacheFile, cacheSecret, DEFAULT_CACHE_FILE, defaultCacheFile, hashFiles, hashParts, keyFile, LintCache, userCacheDir,
} from './cache/lint-cache.js';
import { emptyConfig, type Config } from './config/config.js';
import { configChain, loadCascade, overridesFor, withOverrides, type LayerCache } from './config/cascade.js';
import { gateIsEmpty, gateReport, splitIgnored, type GateIgnore } from './config/gate-report.js';
import { draftMayRead } from './config/repo-root.js';
import { today as localToday } from './consent/dates.js';
import { loadLedger, type ConsentLedger } from './consent/ledger.js';
import type { Document } from './documents/document.js';
import {
  BinaryFileError, binaryByName, decode, decodeDraft, MARKDOWN_EXTENSIONS, parseDocument,
} from './documents/load.js';
import { filterFindings } from './engine/filters.js';
import { lintDocument } from './engine/lint.js';
import { expectMuchText, PLAN_AFTER } from './engine/regex-scan.js';
import { prepareRules, type Prepared } from './engine/rule-set.js';
import { PhiLintError } from './errors.js';
import {
  expandTargets, guardLinks, isIgnoredBy, isInside, kindByGlobs, readDraft, realOrSelf, selectTargets,
  stagedLinkProblem, workTreeOf, type ExpandOptions, type Target,
} from './files.js';
import type { FixOutcome } from './fix/fix-file.js';
import { planFixes } from './fix/plan.js';
import type { GitFile } from './git.js';
import type { Shard } from './shard.js';
import { formatterNames, loadFormatter } from './formatters/index.js';
import { atLeastBytes, lintInWorkers, threadCount } from './pool.js';
import { withConfigMask, type MaskDecision } from './formatters/mask-policy.js';
import type { DraftKind, FileResult, Finding, Severity } from './types.js';

export interface LintOptions {
  patterns: string[];
  useStdin: boolean;
  stdinFilename?: string;
  kind?: DraftKind;
  format: string;
  config?: string;
  rules: string[];
  failOn: Severity;
  maxWarnings?: number;
  quiet: boolean;
  color: boolean;
  mask: boolean;
  /** How `mask` was decided: when no flag or PHI_LINT_MASK did, the config's output.mask may. */
  maskDecision?: MaskDecision;
  outputFile?: string;
  /** A file holding the review the reply drafts answer. */
  inReplyTo?: string;
  /** Report directives that suppress nothing (as errors). */
  reportUnusedDirectives?: boolean;
  /** false: ignore inline directives, counting each in the summary (--no-inline-config). */
  inlineConfig?: boolean;
  /** List every suppression, disabled rule and ignored file, not just the summary line. */
  reportSuppressions?: boolean;
  /** Hide the findings this baseline file knows. */
  baseline?: string;
  /** Record every current finding in this baseline file. */
  writeBaseline?: string;
  /** Rewrite drafts with safe replacements. */
  fix?: boolean;
  /** Print the fixes as a unified diff instead of writing them. */
  fixDryRun?: boolean;
  /** Lint only drafts git lists as changed since this ref (plus untracked ones). */
  changedSince?: string;
  /** Lint the staged content of staged drafts (from the index, not the working copy). */
  staged?: boolean;
  /** Lint only this stable share of the files. */
  shard?: Shard;
  /** Worker threads for many drafts: 1 for none; default: one per core when there is enough to lint. */
  threads?: number;
  /** Skip drafts that linted clean before and have not changed since (src/cache/lint-cache.ts). */
  cache?: boolean;
  /** The cache file (or a directory for .phi-lint-cache in it); default: in the user cache folder. */
  cacheLocation?: string;
  /** --no-ignore: lint everything given; neither .gitignore nor the config's ignore globs apply. */
  noIgnore?: boolean;
  /** More reports written in the same run (`-f sarif:reports/phi.sarif`), each to its file. */
  outputs?: { format: string; file: string }[];
  /** Mask the reports in `outputs` (files written for sharing: yes unless --no-mask). */
  fileMask?: boolean;
  /** A folder or glob that yields no draft is not an error. */
  allowUnmatched?: boolean;
  /** --ignore-pattern: globs (relative to the working directory) of files to leave out. */
  ignorePatterns?: string[];
  /** Print the effective config for this draft and lint nothing (config/inspect.ts). */
  printConfig?: string;
  /** Say which config files and rule packs each draft used. */
  debug?: boolean;
  /** List the drafts that would be linted and lint nothing. */
  listFiles?: boolean;
}

export interface Io {
  cwd: string;
  readStdin: () => Promise<Buffer>;
  version: string;
  /** YYYY-MM-DD, for consent expiry (default: the local date). */
  today?: string;
  /** The user cache folder, for --cache's key and default file (default: $XDG_CACHE_HOME, else ~/.cache). */
  cacheDir?: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Everything that governs a file: its config, compiled rules and consent ledger. */
export interface FileSetup {
  config: Config;
  prepared: Prepared;
  ledger?: ConsentLedger;
  /** Every rule id (disabled ones too): what a directive may name. */
  ruleIds: ReadonlySet<string>;
  /** Rules that run only on replies (their findings call for the reply template). */
  replyRules: ReadonlySet<string>;
}

export interface Session {
  /** The config (and compiled rules) that governs a file: --config, else the nearest .phi-lint.yaml. */
  forFile(path: string): FileSetup;
  /** Every rule set prepared so far (for formatters that list rules). */
  all(): Prepared[];
  /** What the consent ledgers read so far say is wrong with them, without stopping the run (once each). */
  ledgerWarnings(): string[];
}

export function createSession(opts: { config?: string; rules: string[] }, cwd: string): Session {
  const extra = opts.rules.map((r) => resolve(cwd, r));
  const byKey = new Map<string, FileSetup>();
  const byDir = new Map<string, string[]>();
  const layers: LayerCache = new Map();
  const load = (key: string, make: () => Config): FileSetup => {
    let hit = byKey.get(key);
    if (!hit) {
      const config = make();
      const prepared = prepareRules(config, extra);
      hit = {
        config,
        prepared,
        ledger: loadLedger(config),
        ruleIds: new Set(prepared.ruleSet.rules.map((r) => r.id)),
        replyRules: new Set(prepared.ruleSet.rules.filter((r) => r.appliesTo === 'reply').map((r) => r.id)),
      };
      byKey.set(key, hit);
    }
    return hit;
  };
  // --config: that file (and what it extends) alone; else the cascade of .phi-lint.yaml files
  const fixed = opts.config ? resolve(cwd, opts.config) : undefined;
  const chainOf = (dir: string): string[] => {
    let chain = byDir.get(dir);
    if (!chain) byDir.set(dir, (chain = configChain(dir, layers)));
    return chain;
  };
  const forDir = (dir: string): FileSetup => {
    const chain = fixed ? [fixed] : chainOf(dir);
    return load(chain.join('\0'), () => (chain.length ? loadCascade(chain, layers) : emptyConfig(cwd)));
  };
  forDir(cwd); // fail fast on a broken config where the user stands
  return {
    forFile(path) {
      const setup = forDir(path === '<stdin>' ? cwd : dirname(path));
      const which = path === '<stdin>' ? [] : overridesFor(setup.config, path);
      if (!which.length) return setup;
      const key = `${fixed ? [fixed] : chainOf(dirname(path)).join('\0')}#${which.join(',')}`;
      return load(key, () => withOverrides(setup.config, which));
    },
    all: () => [...byKey.values()].map((v) => v.prepared),
    ledgerWarnings: () => [...new Set([...byKey.values()].flatMap((v) => v.ledger?.warnings ?? []))],
  };
}

export interface LintRun {
  results: FileResult[];
  session: Session;
  /** Unified diffs (--fix-dry-run), in file order. */
  diffs: string[];
  /** Findings --fix removed, and in how many files. */
  fixed: { findings: number; files: number };
  /** Files --fix could not write, with why. */
  fixErrors: string[];
  /** Things to tell the user on standard error (a cache that could not be read or written). */
  notices: string[];
  /** Drafts --cache let through unlinted (unchanged since they linted clean). */
  cached: number;
  /** Drafts a config's ignore: globs left out, with that config (for the summary). */
  ignoredFiles: { path: string; config: Config }[];
  /** Drafts .phi-lintignore and --ignore-pattern left out, by where the pattern was written. */
  otherIgnored: GateIgnore[];
  /** --list-files: the drafts that would be linted. */
  listed?: string[];
}

export async function lintFiles(opts: LintOptions, io: Io): Promise<LintRun> {
  for (const format of [opts.format, ...(opts.outputs ?? []).map((o) => o.format)]) {
    if (!formatterNames().includes(format)) {
      throw new PhiLintError(`unknown format "${format}" (formats: ${formatterNames().join(', ')})`);
    }
  }
  if (opts.fix && opts.fixDryRun) throw new PhiLintError('use either --fix or --fix-dry-run, not both');
  if (opts.writeBaseline && (opts.fix || opts.fixDryRun)) throw new PhiLintError('--write-baseline records findings; run --fix separately');
  if (opts.fix && opts.useStdin) throw new PhiLintError('--fix cannot rewrite standard input; use --fix-dry-run to see the changes, or "phi-lint redact -" to print a redacted copy');
  const session = createSession(opts, io.cwd);
  if (opts.maskDecision) {
    // the config's output.mask (where the run stands), when no flag or variable decided
    const configMask = session.forFile(resolve(io.cwd, 'x')).config.output?.mask;
    opts.mask = withConfigMask(opts.maskDecision, configMask, !!opts.outputFile);
  }
  const results: FileResult[] = [];
  const run: LintRun = {
    results,
    session,
    diffs: [],
    fixed: { findings: 0, files: 0 },
    fixErrors: [],
    notices: [],
    cached: 0,
    ignoredFiles: [],
    otherIgnored: [],
  };
  const today = io.today ?? localToday({});
  const linter = fileLinter(opts, io.cwd, today, session, run);
  if (opts.useStdin) {
    const name = opts.stdinFilename ? resolve(io.cwd, opts.stdinFilename) : '<stdin>';
    const setup = session.forFile(name);
    const buf = await io.readStdin();
    results.push(await linter.lintOne(name, buf, setup, linter.kindOf(name, setup.config), opts.stdinFilename ? undefined : 'txt'));
  } else {
    const base = linter.base;
    const counts = { gitignored: 0 };
    // ignore: globs are applied below (splitIgnored), so the files they leave out can be counted
    const expand: ExpandOptions = {
      cwd: io.cwd, extensions: base.extensions, ignore: [], ignoreBase: base.dir, noIgnore: opts.noIgnore, counts,
      allowUnmatched: opts.allowUnmatched,
    };
    let targets: Target[];
    let readStaged: ((path: string) => Promise<Buffer>) | undefined;
    /** --staged: links in the index, never followed (their blob is the target's path). */
    const stagedLinks = new Map<string, FileResult>();
    if (opts.staged) {
      // git, shards and --fix are loaded only by the runs that use them (start-up time)
      const { stagedFiles } = await import('./git.js');
      const staged = await stagedFiles(io.cwd);
      const byPath = new Map<string, GitFile>(staged.files.map((f) => [f.path, f]));
      readStaged = (path) => staged.read(byPath.get(path)!);
      targets = await selectTargets([...byPath.keys()], opts.patterns, expand);
      for (const t of targets) {
        const f = byPath.get(t.path);
        if (t.error || !f?.symlink) continue;
        let problem: string | undefined;
        try {
          problem = stagedLinkProblem(t.path, (await staged.read(f)).toString('utf8'), io.cwd);
        } catch (e) {
          problem = `cannot read the staged content (${(e as Error).message})`;
        }
        const skipped = 'symbolic link (never followed; the file it leads to is linted as itself)';
        stagedLinks.set(t.path, { filePath: t.path, findings: [], ...(problem ? { fatal: problem } : { skipped }) });
      }
    } else if (opts.changedSince !== undefined) {
      const { changedSince } = await import('./git.js');
      const changed = await changedSince(opts.changedSince, io.cwd);
      targets = guardLinks(await selectTargets(changed.map((f) => f.path), opts.patterns, expand), io.cwd);
    } else {
      targets = guardLinks(await expandTargets(opts.patterns, expand), io.cwd);
    }
    if (counts.gitignored) {
      const n = counts.gitignored;
      run.notices.push(`${n} file${n === 1 ? '' : 's'} skipped by .gitignore; --no-ignore lints them`);
    }
    const named = new Set(opts.patterns.map((p) => resolve(io.cwd, p)));
    const split = opts.noIgnore ? { kept: targets, ignored: [] } : splitIgnored(targets, base);
    targets = split.kept;
    run.ignoredFiles.push(...split.ignored.map((path) => ({ path, config: base })));
    const shown = (p: string): string => (relative(io.cwd, p) || p).split(sep).join('/');
    const where = (c: Config): string => (c.file ? shown(c.file) : 'the config');
    const namedIgnored = (p: string, by: string): void => {
      if (named.has(p)) run.notices.push(`${shown(p)}: ignored by ${by}; --no-ignore lints it`);
    };
    for (const p of split.ignored) namedIgnored(p, `ignore: in ${where(base)}`);
    if (!opts.noIgnore) {
      const { describeRule, loadIgnores } = await import('./files/ignore.js');
      const ignores = loadIgnores(io.cwd, opts.ignorePatterns ?? []);
      const byRule = new Map<string, GateIgnore>();
      targets = targets.filter((t) => {
        const rule = t.error ? undefined : ignores.ignoredBy(t.path);
        if (!rule) return true;
        const file = rule.file ? shown(rule.file) : '--ignore-pattern';
        const key = `${file}\0${rule.line}\0${rule.pattern}`;
        const g = byRule.get(key) ?? { file, line: rule.line, glob: rule.pattern, files: 0 };
        g.files++;
        byRule.set(key, g);
        namedIgnored(t.path, describeRule(rule, io.cwd));
        return false;
      });
      run.otherIgnored.push(...byRule.values());
    }
    // a kinds: glob that none of the drafts a folder walk found matches (issue 15: a reply
    // folder named wrong lints every reply as a post, silently)
    const walkedDrafts = targets.filter((t) => t.expanded && !t.error).map((t) => t.path);
    if (!opts.kind && walkedDrafts.length && (base.kinds.reply.length || base.kinds.post.length)) {
      const { globsMatchingNone } = await import('./commands/init-check.js');
      const what = `none of the ${walkedDrafts.length} draft${walkedDrafts.length === 1 ? '' : 's'} found`;
      for (const g of globsMatchingNone(base.dir, base.kinds, targets.map((t) => t.path), what)) {
        run.notices.push(`warning: ${base.file ? `${shown(base.file)}: ` : ''}${g.message}`);
      }
    }
    if (opts.shard) {
      const { index, total } = opts.shard;
      const { shardOf } = await import('./shard.js');
      // A bad path is reported by every shard: the command line is wrong for all of them.
      targets = targets.filter((t) => t.error || shardOf(relative(io.cwd, t.path).split(sep).join('/'), total) === index);
    }
    if (opts.listFiles) {
      // what lintPath would lint: minus what a nested config's ignore: leaves out
      const base = linter.base;
      const lintable = (t: Target): boolean => {
        const config = session.forFile(t.path).config;
        return opts.noIgnore || config === base || !config.ignore.length || !isIgnoredBy(t.path, config);
      };
      run.listed = targets.filter((t) => !t.error && lintable(t)).map((t) => t.path);
      for (const t of targets) if (t.error) results.push({ filePath: t.path, findings: [], fatal: `${t.error}` });
      return run;
    }
    // Drafts read from disk and not being fixed may be linted by worker threads (pool.ts),
    // the others here; either way the results come in the order of the targets.
    const all = targets.filter((t) => !t.error && !stagedLinks.has(t.path)).map((t) => t.path);
    const cache = opts.cache && !readStaged && !opts.writeBaseline ? await openCache(opts, io, today, run) : undefined;
    const cached = cache ? cache.lookup(all, session) : undefined;
    const paths = cached ? all.filter((p) => !cached.hits.has(p)) : all;
    const threads = !readStaged && !opts.fix && !opts.fixDryRun ? threadCount(opts.threads, paths) : 1;
    // Enough text to earn back the scan plans at once (see engine/regex-scan.ts)
    if (threads > 1 || atLeastBytes(paths, PLAN_AFTER)) expectMuchText();
    const linted = threads > 1 ? await lintInWorkers(paths, threads, { opts, cwd: io.cwd, today }, (p) => linter.lintPath(p)) : undefined;
    let next = 0;
    for (const t of targets) {
      if (t.error) {
        results.push({ filePath: t.path, findings: [], fatal: `${t.error}` });
        continue;
      }
      const link = stagedLinks.get(t.path);
      if (link) {
        results.push(link);
        continue;
      }
      if (cached?.hits.has(t.path)) {
        run.cached++;
        results.push({ filePath: t.path, findings: [], ...(linter.keepSources ? { source: decodeDraft(readFileSync(t.path)).text } : {}) });
        continue;
      }
      const r = linted ? linted[next++] : await linter.lintPath(t.path, readStaged);
      if (r) results.push(r);
      else {
        // a nested config's ignore:
        const config = session.forFile(t.path).config;
        run.ignoredFiles.push({ path: t.path, config });
        namedIgnored(t.path, `ignore: in ${where(config)}`);
      }
      // a draft --fix rewrote is keyed by its new bytes; a dry run's result is not the file's
      if (cache && !opts.fixDryRun) cache.record(t.path, r, opts.fix ? undefined : cached!.entries.get(t.path));
    }
    cache?.save();
  }
  return run;
}

/**
 * Why a cache may not be used, if it may not: a cache or key a pull request could have
 * written (tracked by git, or in the repository without --cache-location naming it).
 */
async function cacheRefusal(file: string, key: string, explicit: boolean, cwd: string): Promise<string | undefined> {
  const where = (f: string): string => relative(cwd, f) || f;
  const repo = workTreeOf(cwd);
  if (repo && !explicit && isInside(repo, file)) {
    const hint = 'name it with --cache-location to use it';
    return `cache ${where(file)} lies inside the repository: not used (everything is linted); ${hint}`;
  }
  if (repo && isInside(repo, key)) {
    const why = 'whoever can change the repository could forge entries';
    return `the cache key ${where(key)} lies inside the repository: --cache is off (${why}); everything is linted`;
  }
  if (existsSync(file) && workTreeOf(dirname(file)) && (await (await import('./git.js')).isTracked(file))) {
    const why = 'a cache in the repository could be forged';
    return `cache ${where(file)} is tracked by git: not used (${why}); everything is linted`;
  }
  return undefined;
}

/** The --cache of this run, keyed by what every draft's result depends on besides its own config and bytes. */
async function openCache(opts: LintOptions, io: Io, today: string, run: LintRun) {
  let review = '';
  try {
    review = opts.inReplyTo ? readFileSync(resolve(io.cwd, opts.inReplyTo), 'utf8') : '';
  } catch {
    // reported by fileLinter
  }
  const inline = opts.inlineConfig === false ? 'no-inline' : '';
  const unused = opts.reportUnusedDirectives ? 'unused' : '';
  const runKey = hashParts(io.version, opts.kind ?? '', review, unused, today, inline);
  const dir = io.cacheDir ?? userCacheDir();
  if (!dir) {
    run.notices.push('--cache needs a user cache folder (set XDG_CACHE_HOME or HOME); everything is linted');
    return undefined;
  }
  const explicit = opts.cacheLocation !== undefined;
  let file = explicit ? cacheFile(io.cwd, opts.cacheLocation!) : defaultCacheFile(dir, realOrSelf(io.cwd));
  if (explicit && existsSync(file) && statSync(file).isDirectory()) file = join(file, DEFAULT_CACHE_FILE);
  const refused = await cacheRefusal(file, keyFile(dir), explicit, io.cwd);
  if (refused) {
    run.notices.push(refused);
    return undefined;
  }
  let secret: Buffer;
  try {
    secret = cacheSecret(dir);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    run.notices.push(`cannot use the cache key ${keyFile(dir)} (${why}); everything is linted`);
    return undefined;
  }
  const cache = new LintCache(file, runKey, secret, explicit ? undefined : io.cwd);
  if (cache.problem) run.notices.push(`cache ${relative(io.cwd, cache.file) || cache.file}: ${cache.problem}`);
  const setupKeys = new Map<FileSetup, string>();
  const setupKey = (setup: FileSetup): string => {
    let k = setupKeys.get(setup);
    if (k === undefined) {
      const packs = setup.prepared.ruleSet.packs.map((p) => resolve(process.cwd(), p.file));
      const configs = setup.config.files ?? [setup.config.file];
      setupKeys.set(setup, (k = hashFiles([...configs, setup.ledger?.file, ...packs])));
    }
    return k;
  };
  const entryOf = (path: string, setup: FileSetup): string | undefined => {
    try {
      return cache.entryOf(setupKey(setup), readFileSync(path));
    } catch {
      return undefined; // unreadable: linted (and reported) as usual
    }
  };
  return {
    file: cache.file,
    /** Which drafts linted clean before, unchanged; and each draft's entry, to record after linting. */
    lookup(paths: string[], session: Session): { hits: Set<string>; entries: Map<string, string> } {
      const hits = new Set<string>();
      const entries = new Map<string, string>();
      for (const p of paths) {
        if (binaryByName(p)) continue;
        const e = entryOf(p, session.forFile(p));
        if (e === undefined) continue;
        entries.set(p, e);
        if (cache.isClean(p, e)) hits.add(p);
      }
      return { hits, entries };
    },
    /** Remember a result: only a clean one is kept. `entry` undefined: work it out from the file now. */
    record(path: string, r: FileResult | undefined, entry: string | undefined): void {
      const quiet = !!r && !r.suppressed?.length && !r.directives?.length; // nothing hidden, nothing to summarize
      const clean = quiet && !r.findings.length && !r.fatal && !r.skipped && !r.notice;
      cache.record(path, clean ? (entry ?? entryOf(path, run.session.forFile(path))) : undefined, clean);
    },
    save(): void {
      try {
        cache.save();
      } catch (e) {
        run.notices.push(`could not write the cache ${relative(io.cwd, cache.file) || cache.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    },
  };
}

/** What a worker thread needs to lint drafts as lintFiles would. */
export interface WorkerJob {
  opts: LintOptions;
  cwd: string;
  today: string;
}

export interface FileLinter {
  /** The config where the run stands (whose ignore globs expanded the targets). */
  base: Config;
  /** --kind, else the config's kinds: globs; undefined: the draft's front matter decides, else post. */
  kindOf(path: string, config: Config): DraftKind | undefined;
  lintOne(
    path: string,
    buf: Buffer,
    setup: FileSetup,
    kind: DraftKind | undefined,
    format?: 'md' | 'txt',
  ): Promise<FileResult>;
  /** Formats that show clean drafts need their text (see SHOW_CLEAN_DRAFTS). */
  keepSources: boolean;
  /** Read and lint a draft from disk (or the index); undefined when its own config ignores it. */
  lintPath(path: string, readStaged?: (path: string) => Promise<Buffer>): Promise<FileResult | undefined>;
}

/** Everything that lints one draft of this run (shared by lintFiles and the worker threads). */
export function fileLinter(opts: LintOptions, cwd: string, today: string, session: Session, run?: LintRun): FileLinter {
  let review: string | undefined;
  if (opts.inReplyTo) {
    try {
      review = decode(readFileSync(resolve(cwd, opts.inReplyTo)));
    } catch (e) {
      throw new PhiLintError(`cannot read the review given with --in-reply-to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, opts.inReplyTo);
    }
  }
  const baseline = opts.baseline && !opts.writeBaseline ? readBaseline(resolve(cwd, opts.baseline)) : undefined;
  // Formats that show clean drafts too need every source; the others quote only drafts with findings.
  const keepSources = [opts.format, ...(opts.outputs ?? []).map((o) => o.format)].some((f) => SHOW_CLEAN_DRAFTS.has(f));
  // Precedence: --kind, then the config's kinds: globs, then front matter kind: (parseDocument), then post.
  const kindOf = (path: string, config: Config): DraftKind | undefined =>
    opts.kind ?? kindByGlobs(path, config.dir, config.kinds);
  const base = session.forFile(resolve(cwd, 'x')).config;
  // A file the user named, or with a draft's extension, is linted or is an error: never skipped as binary.
  const named = new Set(opts.patterns.map((p) => resolve(cwd, p)));
  const draftByName = (path: string, config: Config): boolean => {
    const ext = extname(path).toLowerCase();
    if (ext === '.txt' || MARKDOWN_EXTENSIONS.includes(ext)) return true;
    return config.extensions.some((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase() === ext);
  };
  const lintOne: FileLinter['lintOne'] = async (path, buf, setup, kind, format) => {
    const mustLint = opts.useStdin || named.has(path) || draftByName(path, setup.config);
    const reportUnused = opts.reportUnusedDirectives;
    const inlineConfig = opts.inlineConfig;
    const ctx: FileContext = { setup, today, cwd, baseline, reportUnused, inlineConfig, review, keepSources, mustLint };
    const first = await lintBuffer(path, buf, kind, ctx, format);
    if (!first.doc || !(opts.fix || opts.fixDryRun) || !run) return first.result;
    const { fixDraft } = await import('./fix/fix-file.js');
    const outcome: FixOutcome = await fixDraft(path, buf, first.doc, first.result, {
      write: !!opts.fix,
      root: setup.config.file ? setup.config.dir : cwd,
      cwd,
      mask: opts.mask,
      plan: (doc, findings) => planFixesFor(doc, findings, setup),
      relint: async (text) => (await lintBuffer(path, Buffer.from(text, 'utf8'), kind, ctx, format)).result,
    });
    if (outcome.diff) run.diffs.push(outcome.diff);
    if (outcome.error) run.fixErrors.push(`${path}: ${outcome.error}`);
    if (outcome.fixedCount) {
      run.fixed.findings += outcome.fixedCount;
      run.fixed.files++;
    }
    return outcome.result;
  };
  const lintPath = async (path: string, readStaged?: (path: string) => Promise<Buffer>): Promise<FileResult | undefined> => {
    const setup = session.forFile(path);
    const { config } = setup;
    if (!opts.noIgnore && config !== base && config.ignore.length && isIgnoredBy(path, config)) return undefined;
    const binary = binaryByName(path);
    if (binary) return { filePath: path, findings: [], skipped: binary };
    let buf: Buffer;
    if (readStaged) {
      try {
        buf = await readStaged(path);
      } catch (e) {
        return { filePath: path, findings: [], fatal: `cannot read the staged content (${(e as Error).message})` };
      }
    } else {
      const read = readDraft(path);
      if ('error' in read) return { filePath: path, findings: [], fatal: read.error };
      buf = read.buf;
    }
    return lintOne(path, buf, setup, kindOf(path, config));
  };
  return { base, kindOf, lintOne, lintPath, keepSources };
}

interface FileContext {
  setup: FileSetup;
  /** The review the drafts answer (--in-reply-to). */
  review?: string;
  today: string;
  cwd: string;
  baseline?: Baseline;
  reportUnused?: boolean;
  /** false: --no-inline-config. */
  inlineConfig?: boolean;
  /** Keep the text of drafts without findings (for formats that show them). */
  keepSources: boolean;
  /** Named by the user or named like a draft: bytes that are not text are an error, not a skip. */
  mustLint: boolean;
}

/** Formats that print clean drafts' text as well (the HTML report's "Show the draft"). */
const SHOW_CLEAN_DRAFTS = new Set(['html']);

function planFixesFor(doc: Document, findings: Finding[], setup: FileSetup): ReturnType<typeof planFixes> {
  return planFixes(doc, findings, { replyTemplate: setup.config.fix.replyTemplate, phone: setup.config.contactPhone, replyRules: setup.replyRules });
}

/** Lint one draft's bytes: rules, then the filters (directives, consent, baseline), then mark what --fix can fix. */
async function lintBuffer(
  path: string,
  buf: Buffer,
  kind: DraftKind | undefined,
  ctx: FileContext,
  format?: 'md' | 'txt',
): Promise<{ result: FileResult; doc?: Document }> {
  let text: string;
  let notice: string | undefined;
  try {
    ({ text, notice } = decodeDraft(buf));
  } catch (e) {
    if (e instanceof BinaryFileError) {
      const fatal = `${e.message}: not linted (a draft must be text)`;
      if (ctx.mustLint) return { result: { filePath: path, findings: [], fatal } };
      return { result: { filePath: path, findings: [], skipped: e.message } };
    }
    throw e;
  }
  const { setup } = ctx;
  let doc: Document;
  let findings: Finding[];
  try {
    const mayRead = draftMayRead(path, setup.config.file ? setup.config.dir : undefined, ctx.cwd);
    // the kind --kind or kinds: globs gave is fixed; otherwise front matter kind: decides, else post
    const unpublished = setup.config.unpublishedKeys;
    doc = parseDocument(path, text, kind ?? 'post', format, { review: ctx.review, kindFixed: !!kind, mayRead, unpublished });
    findings = await lintDocument(doc, setup.prepared.ctx);
  } catch (e) {
    // A rule that ran out of time on this draft (matchers/budget.ts) is this file's error,
    // naming the rule; the other drafts are still linted.
    if (e instanceof PhiLintError) {
      return { result: { filePath: path, findings: [], fatal: e.toString(), ...(notice ? { notice } : {}) } };
    }
    // A bug met on one draft must not cost the report on the others: it is this file's
    // error (exit 2), with enough to report it, and never the draft's text.
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { result: { filePath: path, findings: [], fatal: `internal error while linting this file (${msg.slice(0, 200)}); please report it`, ...(notice ? { notice } : {}) } };
  }
  for (const p of doc.problems) {
    const s = doc.lines.position(p.start);
    const e = doc.lines.position(p.end);
    findings.unshift({
      ruleId: 'phi-lint/front-matter',
      category: 'other-id',
      severity: 'warning',
      start: p.start,
      end: p.end,
      match: '',
      message: p.message,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
    });
  }
  if (doc.text.includes('[')) {
    const { placeholderFindings } = await import('./engine/placeholders.js');
    findings.push(...placeholderFindings(doc));
  }
  const directives = { ...setup.config.directives, ...(ctx.reportUnused ? { reportUnused: 'error' as const } : {}) };
  const filtered = filterFindings(doc, findings, {
    ruleIds: setup.ruleIds,
    directives,
    ledger: setup.ledger,
    today: ctx.today,
    cwd: ctx.cwd,
    inlineConfig: ctx.inlineConfig,
  });
  let reported = filtered.findings;
  const suppressed = filtered.suppressed;
  if (setup.config.allow.length) {
    const { applyAllow } = await import('./engine/allow.js');
    const where = setup.config.file ? relative(ctx.cwd, setup.config.file).split(sep).join('/') : undefined;
    const a = applyAllow(text, reported, setup.config.allow, where);
    reported = a.findings;
    suppressed.push(...a.allowed);
  }
  if (ctx.baseline) {
    const b = applyBaseline(ctx.baseline, path, reported);
    reported = b.findings;
    suppressed.push(...b.suppressed);
  }
  const fixable = new Set(planFixesFor(doc, reported, setup).fixed);
  reported = reported.map((f) => (fixable.has(f) ? { ...f, fixable: true } : f));
  // The source is kept only where a formatter will quote it: a clean file's text is dropped
  // at once, so memory does not grow with the number of drafts.
  const source = ctx.keepSources || reported.length || suppressed.length ? text : undefined;
  const uses = filtered.directives.length ? { directives: filtered.directives } : {};
  const extra = { ...(suppressed.length ? { suppressed } : {}), ...uses, ...(notice ? { notice } : {}) };
  return { result: { filePath: path, findings: reported, source, ...extra }, doc };
}

const NOT_A_FOLDER = 'a part of its path is a file, not a folder';
const WRITE_ERRORS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOTEMPTY: 'it is a folder',
  ENOTDIR: NOT_A_FOLDER,
  EEXIST: NOT_A_FOLDER,
  ENOSPC: 'the disk is full',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

/**
 * Write the report atomically (a temporary file beside it, renamed over it), creating its
 * folder; on failure remove the temporary file and say why in a few words.
 */
function writeReport(target: string, text: string): string | undefined {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, target);
    return undefined;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never written
    }
    const err = e as NodeJS.ErrnoException;
    return (err.code && WRITE_ERRORS[err.code]) ?? err.code ?? err.message.split('\n')[0];
  }
}

export async function runLint(opts: LintOptions, io: Io): Promise<RunResult> {
  if (opts.printConfig !== undefined) {
    const { printConfig } = await import('./config/inspect.js');
    const path = resolve(io.cwd, opts.printConfig);
    const session = createSession(opts, io.cwd);
    const { config } = session.forFile(path);
    const kind = opts.kind ?? kindByGlobs(path, config.dir, config.kinds);
    return { exitCode: 0, stdout: printConfig(config, path, kind, io.cwd), stderr: '' };
  }
  let linted: LintRun;
  try {
    linted = await lintFiles(opts, io);
  } finally {
    if (opts.fix) (await import('./fix/interrupt.js')).endRewrites();
  }
  const { results, session, diffs, fixed, fixErrors, notices, cached, ignoredFiles } = linted;
  let stderr = '';
  if (opts.debug || linted.listed) {
    const { debugLines, showPath } = await import('./config/inspect.js');
    const files = linted.listed ?? results.map((r) => r.filePath).filter((p) => p !== '<stdin>');
    if (opts.debug) {
      const setupOf = (p: string) => {
        const s = session.forFile(p);
        return { config: s.config, packs: s.prepared.ruleSet.packs.map((x) => resolve(io.cwd, x.file)) };
      };
      stderr += debugLines(files, setupOf, io.cwd).join('');
    }
    if (linted.listed) {
      for (const r of results) if (r.fatal) stderr += `phi-lint: ${r.filePath}: ${r.fatal}\n`;
      const stdout = files.map((f) => `${showPath(f, io.cwd)}\n`).join('');
      return { exitCode: results.some((r) => r.fatal) ? 2 : 0, stdout, stderr };
    }
  }
  if (opts.writeBaseline) {
    const target = resolve(io.cwd, opts.writeBaseline);
    const w = writeBaseline(target, results);
    const fatalFiles = results.filter((r) => r.fatal);
    for (const r of fatalFiles) stderr += `phi-lint: ${r.filePath}: ${r.fatal}\n`;
    return {
      exitCode: fatalFiles.length ? 2 : 0,
      stdout: `Wrote ${w.count} finding${w.count === 1 ? '' : 's'} in ${w.files} file${w.files === 1 ? '' : 's'} to ${opts.writeBaseline} (hashes only, no matched text). Use it with --baseline ${opts.writeBaseline}.\n`,
      stderr,
    };
  }
  for (const e of fixErrors) stderr += `phi-lint: not fixed: ${e}\n`;
  for (const n of notices) stderr += `phi-lint: ${n}\n`;
  for (const w of session.ledgerWarnings()) stderr += `phi-lint: warning: ${w}\n`;
  if (opts.fix && fixed.files) stderr += `phi-lint: fixed ${fixed.findings} finding${fixed.findings === 1 ? '' : 's'} in ${fixed.files} file${fixed.files === 1 ? '' : 's'}.\n`;
  for (const r of results) {
    if (r.skipped) stderr += `phi-lint: skipped ${r.filePath}: ${r.skipped}\n`;
    if (r.notice) stderr += `phi-lint: ${r.filePath}: ${r.notice}\n`;
  }
  const shown = opts.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  const formatter = await loadFormatter(opts.format);
  // What was suppressed, disabled or ignored, and by whom: every format says it (src/formatters/gate.ts).
  const setupOf = (path: string) => {
    const s = session.forFile(path);
    return { config: s.config, rules: s.prepared.ruleSet.rules };
  };
  const baselineFile = opts.baseline && resolve(io.cwd, opts.baseline);
  const base = setupOf(resolve(io.cwd, 'x'));
  const report = gateReport({ cwd: io.cwd, results, setupOf, base, baseline: baselineFile, ignoredFiles });
  report.ignored.push(...linted.otherIgnored);
  {
    // a configuration that leaves identifiers uncovered says so in every summary
    const { coverageOf } = await import('./commands/rules.js');
    const prepared = session.forFile(resolve(io.cwd, 'x')).prepared;
    const running = new Set(prepared.ctx.rules.map((r) => r.id));
    const uncovered = coverageOf(prepared.ruleSet.rules, running).filter((i) => !i.rules.length).length;
    if (uncovered) report.uncovered = uncovered;
  }
  const gate = gateIsEmpty(report) ? undefined : { report, detailed: !!opts.reportSuppressions };
  if (gate && opts.format === 'json') {
    // ESLint's JSON array stays as it is on standard output; the summary goes to standard error.
    const { describeGate, placeOf } = await import('./formatters/gate.js');
    const text = describeGate(gate.report, gate.detailed);
    for (const l of text?.details ?? []) {
      stderr += `phi-lint: ${l.file === undefined ? '' : `${placeOf(l)}: `}${l.text}\n`;
    }
    if (text) stderr += `phi-lint: ${text.summary}\n`;
  }
  const output = formatter(shown, {
    mask: opts.mask,
    color: opts.color && !opts.outputFile,
    cwd: io.cwd,
    rules: new Map(session.all().flatMap((p) => p.ruleSet.rules.map((r) => [r.id, r] as const))),
    version: io.version,
    ...(gate && opts.format !== 'json' ? { gate } : {}),
  });
  // --fix-dry-run: the stylish report is the diff; any other format prints its report (of the
  // drafts as they would be after the fixes) and the diff goes to standard error.
  const dryRunDiff = opts.fixDryRun && !opts.fix;
  let stdout = dryRunDiff && opts.format === 'stylish' ? diffs.join('') : output;
  if (dryRunDiff && opts.format !== 'stylish') stderr += diffs.join('');
  if (cached) {
    // Every report says how much of it came from the cache: stylish in its summary, the others on standard error.
    const one = cached === 1;
    const what = `${cached} file${one ? '' : 's'} unchanged since ${one ? 'it' : 'they'} linted clean`;
    const line = `${what} ${one ? 'was' : 'were'} not linted again (--cache).\n`;
    if (opts.format === 'stylish' && !(opts.fixDryRun && !opts.fix)) stdout += line;
    else stderr += `phi-lint: ${line}`;
  }
  for (const extra of opts.outputs ?? []) {
    // every other report of the run (-f FORMAT:FILE), masked as files written for sharing are
    const write = await loadFormatter(extra.format);
    const text = write(shown, {
      mask: opts.fileMask ?? true,
      color: false,
      cwd: io.cwd,
      rules: new Map(session.all().flatMap((p) => p.ruleSet.rules.map((r) => [r.id, r] as const))),
      version: io.version,
      ...(gate ? { gate } : {}),
    });
    const problem = writeReport(resolve(io.cwd, extra.file), text);
    if (problem) {
      stderr += `phi-lint: cannot write the report to ${extra.file} (${problem})\n`;
      return { exitCode: 2, stdout: '', stderr };
    }
  }
  if (opts.outputFile) {
    const problem = writeReport(resolve(io.cwd, opts.outputFile), stdout);
    if (problem) {
      stderr += `phi-lint: cannot write the report to ${opts.outputFile} (${problem})\n`;
      return { exitCode: 2, stdout: '', stderr };
    }
    stdout = '';
  }
  const all = results.flatMap((r) => r.findings);
  const fatal = results.some((r) => r.fatal);
  const warnings = all.filter((f) => f.severity === 'warning').length;
  let exitCode = 0;
  if (all.some((f) => RANK[f.severity] >= RANK[opts.failOn])) exitCode = 1;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    exitCode = 1;
    stderr += `phi-lint found too many warnings (${warnings}; the maximum is ${opts.maxWarnings}).\n`;
  }
  if (fatal) {
    exitCode = 2;
    for (const r of results) if (r.fatal) stderr += `phi-lint: ${r.filePath}: ${r.fatal}\n`;
  }
  return { exitCode, stdout, stderr };
}
