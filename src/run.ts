// files → documents → rules → findings → format → exit code. No process globals here:
// run() takes what it needs and returns what to print, so it is testable in-process.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { findConfig, loadConfig, type Config } from './config/config.js';
import { BinaryFileError, decode, parseDocument } from './documents/load.js';
import { lintDocument } from './engine/lint.js';
import { prepareRules, type Prepared } from './engine/rule-set.js';
import { PhiLintError } from './errors.js';
import { expandTargets, isIgnoredBy, kindByGlobs } from './files.js';
import { FORMATTERS, formatterNames } from './formatters/index.js';
import type { DraftKind, FileResult, Severity } from './types.js';

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
  outputFile?: string;
  /** A file holding the review the reply drafts answer. */
  inReplyTo?: string;
}

export interface Io {
  cwd: string;
  readStdin: () => Promise<Buffer>;
  version: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Session {
  /** The config (and compiled rules) that governs a file: --config, else the nearest .phi-lint.yaml. */
  forFile(path: string): { config: Config; prepared: Prepared };
  /** Every rule set prepared so far (for formatters that list rules). */
  all(): Prepared[];
}

export function createSession(opts: { config?: string; rules: string[] }, cwd: string): Session {
  const extra = opts.rules.map((r) => resolve(cwd, r));
  const byConfig = new Map<string, { config: Config; prepared: Prepared }>();
  const byDir = new Map<string, string>();
  const load = (file: string | undefined): { config: Config; prepared: Prepared } => {
    const key = file ?? '';
    let hit = byConfig.get(key);
    if (!hit) {
      const config = loadConfig(file, cwd);
      hit = { config, prepared: prepareRules(config, extra) };
      byConfig.set(key, hit);
    }
    return hit;
  };
  const fixed = opts.config ? resolve(cwd, opts.config) : undefined;
  if (fixed) load(fixed);
  else load(findConfig(cwd)); // fail fast on a broken config where the user stands
  return {
    forFile(path) {
      if (fixed) return load(fixed);
      const dir = path === '<stdin>' ? cwd : dirname(path);
      let file = byDir.get(dir);
      if (file === undefined) {
        file = findConfig(dir) ?? '';
        byDir.set(dir, file);
      }
      return load(file || undefined);
    },
    all: () => [...byConfig.values()].map((v) => v.prepared),
  };
}

export async function lintFiles(opts: LintOptions, io: Io): Promise<{ results: FileResult[]; session: Session }> {
  if (!formatterNames().includes(opts.format)) {
    throw new PhiLintError(`unknown format "${opts.format}" (formats: ${formatterNames().join(', ')})`);
  }
  const session = createSession(opts, io.cwd);
  let review: string | undefined;
  if (opts.inReplyTo) {
    try {
      review = decode(readFileSync(resolve(io.cwd, opts.inReplyTo)));
    } catch (e) {
      throw new PhiLintError(`cannot read the review given with --in-reply-to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, opts.inReplyTo);
    }
  }
  const results: FileResult[] = [];
  const kindOf = (path: string, config: Config): DraftKind => opts.kind ?? kindByGlobs(path, config.dir, config.kinds) ?? 'post';
  if (opts.useStdin) {
    const name = opts.stdinFilename ? resolve(io.cwd, opts.stdinFilename) : '<stdin>';
    const { config, prepared } = session.forFile(name);
    const buf = await io.readStdin();
    results.push(await lintBuffer(name, buf, kindOf(name, config), prepared, opts.stdinFilename ? undefined : 'txt', review));
  } else {
    const base = session.forFile(resolve(io.cwd, 'x')).config;
    const targets = await expandTargets(opts.patterns, {
      cwd: io.cwd,
      extensions: base.extensions,
      ignore: base.ignore,
      ignoreBase: base.dir,
    });
    for (const t of targets) {
      if (t.error) {
        results.push({ filePath: t.path, findings: [], fatal: `${t.error}` });
        continue;
      }
      const { config, prepared } = session.forFile(t.path);
      if (config !== base && config.ignore.length && isIgnoredBy(t.path, config)) continue;
      let buf: Buffer;
      try {
        buf = readFileSync(t.path);
      } catch (e) {
        results.push({ filePath: t.path, findings: [], fatal: `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
        continue;
      }
      results.push(await lintBuffer(t.path, buf, kindOf(t.path, config), prepared, undefined, review));
    }
  }
  return { results, session };
}

async function lintBuffer(path: string, buf: Buffer, kind: DraftKind, prepared: Prepared, format?: 'md' | 'txt', review?: string): Promise<FileResult> {
  let text: string;
  try {
    text = decode(buf);
  } catch (e) {
    if (e instanceof BinaryFileError) return { filePath: path, findings: [], skipped: e.message };
    throw e;
  }
  const doc = parseDocument(path, text, kind, format, { review });
  const findings = await lintDocument(doc, prepared.ctx);
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
  return { filePath: path, findings, source: text };
}

export async function runLint(opts: LintOptions, io: Io): Promise<RunResult> {
  const { results, session } = await lintFiles(opts, io);
  let stderr = '';
  for (const r of results) if (r.skipped) stderr += `phi-lint: skipped ${r.filePath}: ${r.skipped}\n`;
  const shown = opts.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  const formatter = FORMATTERS[opts.format];
  const output = formatter(shown, {
    mask: opts.mask,
    color: opts.color && !opts.outputFile,
    cwd: io.cwd,
    rules: new Map(session.all().flatMap((p) => p.ruleSet.rules.map((r) => [r.id, r] as const))),
    version: io.version,
  });
  let stdout = output;
  if (opts.outputFile) {
    const target = resolve(io.cwd, opts.outputFile);
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    writeFileSync(tmp, output);
    renameSync(tmp, target);
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
