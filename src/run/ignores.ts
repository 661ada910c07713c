// What a run leaves out besides .gitignore, never silently (issue 15): the config's ignore:
// globs, .phi-lintignore and --ignore-pattern apply to files named on the command line too
// (as in ESLint), with a notice naming the pattern, and every run counts what they dropped.
// Also: a kinds: glob that matches none of the drafts a folder walk found is a warning.
import { relative, resolve, sep } from 'node:path';
import type { Config } from '../config/config.js';
import { splitIgnored, type GateIgnore } from '../config/gate-report.js';
import type { Target } from '../files.js';
import type { LintOptions } from '../io.js';
import type { LintRun } from './lint-run.js';

/** A path as the user sees it: relative to the working directory, with forward slashes. */
export const shownPath = (p: string, cwd: string): string => (relative(cwd, p) || p).split(sep).join('/');

/** Says so when a path named on the command line is ignored (by `by`). */
export function namedIgnoredNotice(
  opts: Pick<LintOptions, 'patterns'>,
  cwd: string,
  run: Pick<LintRun, 'notices'>,
): (path: string, by: string) => void {
  const named = new Set(opts.patterns.map((p) => resolve(cwd, p)));
  return (p, by) => {
    if (named.has(p)) run.notices.push(`${shownPath(p, cwd)}: ignored by ${by}; --no-ignore lints it`);
  };
}

/** Where a config's ignore: globs are written, for notices. */
export const configPlace = (c: Config, cwd: string): string => (c.file ? shownPath(c.file, cwd) : 'the config');

/** The targets left after the base config's ignore:, .phi-lintignore and --ignore-pattern. */
export async function dropIgnored(
  targets: Target[],
  base: Config,
  opts: LintOptions,
  cwd: string,
  run: LintRun,
): Promise<Target[]> {
  if (opts.noIgnore) return targets;
  const notice = namedIgnoredNotice(opts, cwd, run);
  const split = splitIgnored(targets, base);
  run.ignoredFiles.push(...split.ignored.map((path) => ({ path, config: base })));
  for (const p of split.ignored) notice(p, `ignore: in ${configPlace(base, cwd)}`);
  const { describeRule, loadIgnores } = await import('../files/ignore.js');
  const ignores = loadIgnores(cwd, opts.ignorePatterns ?? []);
  const byRule = new Map<string, GateIgnore>();
  const kept = split.kept.filter((t) => {
    const rule = t.error ? undefined : ignores.ignoredBy(t.path);
    if (!rule) return true;
    const file = rule.file ? shownPath(rule.file, cwd) : '--ignore-pattern';
    const key = `${file}\0${rule.line}\0${rule.pattern}`;
    const g = byRule.get(key) ?? { file, line: rule.line, glob: rule.pattern, files: 0 };
    g.files++;
    byRule.set(key, g);
    notice(t.path, describeRule(rule, cwd));
    return false;
  });
  run.otherIgnored.push(...byRule.values());
  return kept;
}

/**
 * A kinds: glob that none of the drafts a folder walk found matches (a reply folder named
 * wrong lints every reply as a post, silently): a warning.
 */
export async function warnUnmatchedKinds(
  targets: Target[],
  base: Config,
  opts: LintOptions,
  cwd: string,
  run: LintRun,
): Promise<void> {
  const walkedDrafts = targets.filter((t) => t.expanded && !t.error).map((t) => t.path);
  if (opts.kind || !walkedDrafts.length || !(base.kinds.reply.length || base.kinds.post.length)) return;
  const { globsMatchingNone } = await import('../commands/init-check.js');
  const what = `none of the ${walkedDrafts.length} draft${walkedDrafts.length === 1 ? '' : 's'} found`;
  for (const g of globsMatchingNone(
    base.dir,
    base.kinds,
    targets.map((t) => t.path),
    what,
  )) {
    run.notices.push(`warning: ${base.file ? `${shownPath(base.file, cwd)}: ` : ''}${g.message}`);
  }
}
