// A lint run: the files asked for (paths, globs, --staged, --changed-since, --shard, the
// cache) → one result per file, in order (run/file-linter.ts, in worker threads when there
// is much to lint) → the report and exit code (run/report.ts). run() in cli.ts resolves the
// options; what a run needs from the process comes in Io (ARCHITECTURE.md lists the few
// process globals read below), so a run is testable in-process.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { today as localToday } from './consent/dates.js';
import { decodeDraft } from './documents/load.js';
import { expectMuchText, PLAN_AFTER } from './regex/regex-scan.js';
import {
  expandTargets,
  guardLinks,
  selectTargets,
  stagedLinkProblem,
  type ExpandOptions,
  type Target,
} from './files.js';
import type { GitFile } from './git.js';
import type { Io, LintOptions, RunResult } from './io.js';
import { atLeastBytes, lintInWorkers, threadCount } from './pool.js';
import { openCache } from './run/cache.js';
import { fileLinter } from './run/file-linter.js';
import type { LintRun } from './run/lint-run.js';
import { report } from './run/report.js';
import { createSession, STDIN_PATH } from './run/session.js';
import { configPlace, dropIgnored, namedIgnoredNotice, warnUnmatchedKinds } from './run/ignores.js';
import { isIgnoredBy, kindByGlobs } from './globs.js';
import { withConfigMask } from './formatters/mask-policy.js';
import type { FileResult } from './types.js';

export async function lintFiles(opts: LintOptions, io: Io): Promise<LintRun> {
  const session = createSession(opts, io.cwd);
  if (opts.maskDecision) {
    // the config's output.mask (where the run stands), when no flag or variable decided
    opts.mask = withConfigMask(opts.maskDecision, session.base().config.output?.mask, !!opts.outputFile);
  }
  const results: FileResult[] = [];
  const run: LintRun = {
    results,
    session,
    diffs: [],
    fixed: { findings: 0, files: 0 },
    fixErrors: [],
    suggestions: 0,
    notices: [],
    cached: 0,
    ignoredFiles: [],
    otherIgnored: [],
  };
  const today = io.today ?? localToday({});
  const linter = fileLinter(opts, io.cwd, today, session, run);
  if (opts.useStdin) {
    const name = opts.stdinFilename ? resolve(io.cwd, opts.stdinFilename) : STDIN_PATH;
    const setup = session.forFile(name);
    const buf = await io.readStdin();
    results.push(
      await linter.lintOne(name, buf, setup, linter.kindOf(name, setup.config), opts.stdinFilename ? undefined : 'txt'),
    );
  } else {
    const base = linter.base;
    const counts = { gitignored: 0 };
    // ignore: globs are applied below (splitIgnored), so the files they leave out can be counted
    const expand: ExpandOptions = {
      cwd: io.cwd,
      extensions: base.extensions,
      ignore: [],
      ignoreBase: base.dir,
      noIgnore: opts.noIgnore,
      counts,
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
      targets = guardLinks(
        await selectTargets(
          changed.map((f) => f.path),
          opts.patterns,
          expand,
        ),
        io.cwd,
      );
    } else {
      targets = guardLinks(await expandTargets(opts.patterns, expand), io.cwd);
    }
    if (counts.gitignored) {
      const n = counts.gitignored;
      run.notices.push(`${n} file${n === 1 ? '' : 's'} skipped by .gitignore; --no-ignore lints them`);
    }
    targets = await dropIgnored(targets, base, opts, io.cwd, run);
    await warnUnmatchedKinds(targets, base, opts, io.cwd, run);
    if (opts.shard) {
      const { index, total } = opts.shard;
      const { shardOf } = await import('./shard.js');
      // A bad path is reported by every shard: the command line is wrong for all of them.
      targets = targets.filter(
        (t) => t.error || shardOf(relative(io.cwd, t.path).split(sep).join('/'), total) === index,
      );
    }
    if (opts.listFiles) {
      // what lintPath would lint: minus what a nested config's ignore: leaves out
      const lintable = (t: Target): boolean => {
        const config = session.forFile(t.path).config;
        return !!opts.noIgnore || config === base || !config.ignore.length || !isIgnoredBy(t.path, config);
      };
      run.listed = targets.filter((t) => !t.error && lintable(t)).map((t) => t.path);
      for (const t of targets) if (t.error) results.push({ filePath: t.path, findings: [], fatal: `${t.error}` });
      return run;
    }
    // Drafts read from disk and not being fixed may be linted by worker threads (pool.ts),
    // the others here; either way the results come in the order of the targets.
    const all = targets.filter((t) => !t.error && !stagedLinks.has(t.path)).map((t) => t.path);
    const cache =
      opts.cache && !readStaged && !opts.writeBaseline
        ? await openCache(opts, io, today, session, run.notices)
        : undefined;
    const cached = cache ? cache.lookup(all) : undefined;
    const paths = cached ? all.filter((p) => !cached.hits.has(p)) : all;
    const threads = !readStaged && !opts.fix && !opts.fixDryRun ? threadCount(opts.threads, paths) : 1;
    // Enough text to earn back the scan plans at once (see engine/regex-scan.ts)
    if (threads > 1 || atLeastBytes(paths, PLAN_AFTER)) expectMuchText();
    const namedIgnored = namedIgnoredNotice(opts, io.cwd, run);
    const linted =
      threads > 1
        ? await lintInWorkers(paths, threads, { opts, cwd: io.cwd, today }, (p) => linter.lintPath(p))
        : undefined;
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
        const source = linter.keepSources ? { source: decodeDraft(readFileSync(t.path)).text } : {};
        results.push({ filePath: t.path, findings: [], cached: true, ...source });
        continue;
      }
      const r = linted ? linted[next++] : await linter.lintPath(t.path, readStaged);
      if (r) results.push(r);
      else {
        // a nested config's ignore:
        const config = session.forFile(t.path).config;
        run.ignoredFiles.push({ path: t.path, config });
        namedIgnored(t.path, `ignore: in ${configPlace(config, io.cwd)}`);
      }
      // a draft --fix rewrote is keyed by its new bytes; a dry run's result is not the file's
      if (cache && !opts.fixDryRun) cache.record(t.path, r, opts.fix ? undefined : cached!.entries.get(t.path));
    }
    cache?.save();
  }
  return run;
}

export async function runLint(opts: LintOptions, io: Io): Promise<RunResult> {
  const startedAt = new Date();
  if (opts.printConfig !== undefined) {
    const { printConfig } = await import('./config/inspect.js');
    const path = resolve(io.cwd, opts.printConfig);
    const { config } = createSession(opts, io.cwd).forFile(path);
    const kind = opts.kind ?? kindByGlobs(path, config.dir, config.kinds);
    return { exitCode: 0, stdout: printConfig(config, path, kind, io.cwd), stderr: '' };
  }
  let linted: LintRun;
  try {
    linted = await lintFiles(opts, io);
  } finally {
    if (opts.fix) (await import('./fix/interrupt.js')).endRewrites();
  }
  const result = await report(linted, opts, io, startedAt);
  if (opts.auditLog) {
    const { recordRun } = await import('./audit/record.js');
    const problem = recordRun(opts.auditLog, { opts, io, linted, exitCode: result.exitCode, startedAt });
    if (problem) return { exitCode: 2, stdout: result.stdout, stderr: `${result.stderr}phi-lint: ${problem}\n` };
  }
  return result;
}
