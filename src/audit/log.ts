// The audit trail (`--audit-log FILE`): one JSON line per run, appended. It records when and
// with what a check ran — UTC time, phi-lint's version, a hash of each rule pack and of the
// effective configuration, the git commit and branch, the command line — and per draft its
// path, the SHA-256 of its bytes, the verdict, counts by category, suppressions (rule, masked
// reason, file:line), the consent ids applied and whether the cache let it through.
// No value from a draft is written: counts and hashes only; a suppression's reason is masked
// like any draft text in a shared report.
//
// Each line carries `prev`, the SHA-256 of the line before it (64 zeros for the first), and
// `hash`, the SHA-256 of its own JSON without `hash`: `phi-lint audit verify` finds a changed
// byte, a removed line and two swapped lines, and says which line.
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { PhiLintError } from '../errors.js';
import { findingText } from '../formatters/mask.js';
import type { RuleSet } from '../rules/rule.js';
import type { FileResult } from '../types.js';
import { configDigest, packDigests, sha256, type PackDigest } from './digest.js';
import type { GitInfo } from './provenance.js';

export const GENESIS = '0'.repeat(64);

export type Verdict = 'blocked' | 'warnings' | 'clean' | 'unreadable' | 'skipped';

export interface AuditDraft {
  path: string;
  /** SHA-256 of the bytes checked; null for standard input or a file that could not be read. */
  sha256: string | null;
  verdict: Verdict;
  counts: Record<string, number>;
  suppressions: { rule: string; kind: string; reason: string; file: string; line: number }[];
  consents: string[];
  cached: boolean;
}

export interface AuditEntry {
  v: 1;
  seq: number;
  time: string;
  version: string;
  command: string[];
  git: GitInfo | null;
  config: { file: string | null; sha256: string };
  packs: PackDigest[];
  drafts: AuditDraft[];
  exitCode: number;
  prev: string;
  hash?: string;
}

export interface RunFacts {
  cwd: string;
  version: string;
  argv: string[];
  time: Date;
  git: GitInfo | null;
  config: Config;
  ruleSet: RuleSet;
  results: FileResult[];
  exitCode: number;
}

const COVERED = /^covered by consent ([^,\s]+), expires /;

function verdictOf(r: FileResult): Verdict {
  if (r.fatal) return 'unreadable';
  if (r.skipped) return 'skipped';
  if (r.findings.some((f) => f.severity === 'error')) return 'blocked';
  if (r.findings.some((f) => f.severity === 'warning')) return 'warnings';
  return 'clean';
}

function draftHash(r: FileResult): string | null {
  if (r.sha256) return r.sha256;
  if (r.fatal || r.skipped || r.filePath === '<stdin>') return null;
  try {
    return sha256(readFileSync(r.filePath));
  } catch {
    return null;
  }
}

export function auditDraft(r: FileResult, cwd: string, ruleIds: Iterable<string>): AuditDraft {
  const path = r.filePath === '<stdin>' ? '<stdin>' : relative(cwd, r.filePath).split('\\').join('/') || r.filePath;
  const counts: Record<string, number> = {};
  for (const f of r.findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  const texts = findingText(true, ruleIds);
  const suppressions = (r.suppressed ?? []).flatMap((f) =>
    f.suppressions.map((s) => {
      const reason = texts.draftText(s.justification);
      return { rule: f.ruleId, kind: s.kind, reason, file: path, line: f.line };
    }),
  );
  const consents = [...new Set(r.findings.map((f) => COVERED.exec(f.note ?? '')?.[1]).filter((x): x is string => !!x))];
  return { path, sha256: draftHash(r), verdict: verdictOf(r), counts, suppressions, consents, cached: !!r.cached };
}

/** The config file as a path relative to the working directory (null: no config file). */
export function configFile(config: Config, cwd: string): string | null {
  return config.file ? relative(cwd, config.file).split('\\').join('/') : null;
}

/** The entry for one run (without seq, prev and hash, which the log adds). */
export function auditEntry(f: RunFacts): Omit<AuditEntry, 'seq' | 'prev' | 'hash'> {
  const ruleIds = f.ruleSet.rules.map((r) => r.id);
  return {
    v: 1,
    time: f.time.toISOString(),
    version: f.version,
    command: f.argv,
    git: f.git,
    config: { file: configFile(f.config, f.cwd), sha256: configDigest(f.config) },
    packs: packDigests(f.ruleSet, f.cwd),
    drafts: f.results.map((r) => auditDraft(r, f.cwd, ruleIds)),
    exitCode: f.exitCode,
  };
}

/** A line of the log: the entry's JSON with its own hash last. */
export function sealLine(entry: Omit<AuditEntry, 'hash'>): string {
  const body = JSON.stringify(entry);
  return JSON.stringify({ ...entry, hash: sha256(body) });
}

/** The last line of a log file (to chain to), or undefined when the file is empty or missing. */
function lastLine(file: string, shown: string): { line: string; seq: number } | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  if (text && !text.endsWith('\n')) {
    const why = 'the audit log does not end with a line break (a line was cut off); run `phi-lint audit verify`';
    throw new PhiLintError(why, shown);
  }
  const lines = text.split('\n').filter(Boolean);
  const line = lines[lines.length - 1];
  if (!line) return undefined;
  let seq = lines.length;
  try {
    seq = (JSON.parse(line) as AuditEntry).seq ?? seq;
  } catch {
    throw new PhiLintError(`line ${lines.length} of the audit log is not JSON; run \`phi-lint audit verify\``, shown);
  }
  return { line, seq };
}

/** Append one run to the log, under a lock file so parallel runs (CI shards) chain correctly. */
export function appendAudit(file: string, entry: Omit<AuditEntry, 'seq' | 'prev' | 'hash'>, cwd = process.cwd()): void {
  const shown = file;
  file = resolve(cwd, file);
  const lock = `${file}.lock`;
  let fd: number | undefined;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fd = openSync(lock, 'wx');
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new PhiLintError(`cannot write the audit log (${code ?? 'error'})`, shown);
      // a lock left by a run that was killed: older than a minute
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { force: true });
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new PhiLintError(`the audit log is locked by another run (${lock})`, shown);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
  try {
    const last = lastLine(file, shown);
    const line = sealLine({ ...entry, seq: (last?.seq ?? 0) + 1, prev: last ? sha256(last.line) : GENESIS });
    const out = openSync(file, 'a');
    try {
      writeSync(out, `${line}\n`);
    } finally {
      closeSync(out);
    }
  } catch (e) {
    if (e instanceof PhiLintError) throw e;
    throw new PhiLintError(`cannot write the audit log (${(e as NodeJS.ErrnoException).code ?? 'error'})`, shown);
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

export interface VerifyResult {
  ok: boolean;
  lines: number;
  /** The hash of the last line: keep it elsewhere (a CI log) to detect the last lines being removed. */
  head: string;
  problems: string[];
}

/** Check every line's own hash and its link to the line before. */
export function verifyAudit(text: string): VerifyResult {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else if (text) {
    problems.push(`line ${lines.length}: the file does not end with a line break (the line was cut off or edited)`);
  }
  let prev = GENESIS;
  lines.forEach((line, i) => {
    const n = i + 1;
    let entry: AuditEntry;
    try {
      entry = JSON.parse(line) as AuditEntry;
    } catch {
      problems.push(`line ${n}: not valid JSON (the line was edited)`);
      prev = sha256(line);
      return;
    }
    const { hash, ...body } = entry;
    if (!hash || sha256(JSON.stringify(body)) !== hash) {
      problems.push(`line ${n}: its content does not match its hash (the line was edited)`);
    } else if (entry.prev !== prev) {
      const before = n - 1 || 'the start';
      problems.push(`line ${n}: it does not follow line ${before} (a line before it was removed, moved or edited)`);
    } else if (entry.seq !== n) {
      problems.push(`line ${n}: it is run ${entry.seq} of the log (lines were removed or reordered)`);
    }
    prev = sha256(line);
  });
  return { ok: problems.length === 0, lines: lines.length, head: prev, problems };
}
