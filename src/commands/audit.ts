// `phi-lint audit verify FILE`: check the audit log's hash chain (exit 1 naming the first
// line that was changed, removed or moved). `phi-lint audit summary FILE [--since DATE]`:
// what was checked, blocked and suppressed in a period.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isCalendarDate } from '../consent/dates.js';
import { PhiLintError } from '../errors.js';
import { verifyAudit, type AuditEntry } from '../audit/log.js';
import { fail, ok, runSub, subProgram, type SubCommand } from './common.js';
import { table } from './text.js';

function readLog(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new PhiLintError(`cannot read the audit log (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
}

function summary(text: string, since: string | undefined): string {
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as AuditEntry);
    } catch {
      // verify reports it
    }
  }
  const runs = entries.filter((e) => !since || e.time.slice(0, 10) >= since);
  const drafts = runs.flatMap((e) => e.drafts.map((d) => ({ ...d, time: e.time })));
  const by = (v: string): number => drafts.filter((d) => d.verdict === v).length;
  const distinct = new Set(drafts.map((d) => `${d.path}\0${d.sha256}`)).size;
  const categories = new Map<string, number>();
  for (const d of drafts) {
    for (const [c, n] of Object.entries(d.counts)) categories.set(c, (categories.get(c) ?? 0) + n);
  }
  const day = (t: string): string => t.slice(0, 10);
  const counts = (c: Record<string, number>): string =>
    Object.entries(c)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const suppressions = drafts.flatMap((d) =>
    d.suppressions.map((s) => [day(d.time), `${s.file}:${s.line}`, s.rule, s.kind, s.reason]),
  );
  const blocked = drafts.filter((d) => d.verdict === 'blocked').map((d) => [day(d.time), d.path, counts(d.counts)]);
  const period = runs.length ? `${day(runs[0]!.time)} to ${day(runs[runs.length - 1]!.time)}` : 'no runs';
  const verdicts = ['blocked', 'warnings', 'clean', 'unreadable', 'skipped'].map((v) => `${v} ${by(v)}`);
  const byCategory = [...categories].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
  const suppressedTable = table([['date', 'where', 'rule', 'by', 'reason'], ...suppressions]);
  return [
    `${runs.length} run${runs.length === 1 ? '' : 's'}${since ? ` since ${since}` : ''} (${period}): ` +
      `${drafts.length} draft checks, ${distinct} distinct draft versions`,
    `  ${verdicts.join(' · ')} · from the cache ${drafts.filter((d) => d.cached).length}`,
    '',
    categories.size ? `Findings by category: ${byCategory.join(', ')}` : 'No findings.',
    '',
    blocked.length ? `Blocked\n${table([['date', 'draft', 'findings'], ...blocked])}` : 'Nothing was blocked.',
    '',
    suppressions.length ? `Suppressed\n${suppressedTable}` : 'Nothing was suppressed.',
    '',
  ].join('\n');
}

export const audit: SubCommand = (args, env) => {
  const program = subProgram('audit', 'Check or summarize an audit log written with --audit-log.')
    .argument('<action>', 'verify or summary')
    .argument('<file>', 'the audit log')
    .option('--since <date>', 'summary: only runs on or after this date (YYYY-MM-DD)');
  return runSub(program, args, () => {
    const [action, file] = program.args as [string, string];
    const o = program.opts();
    if (action !== 'verify' && action !== 'summary') {
      return fail(`unknown audit action "${action}" (use verify or summary)`);
    }
    if (o.since !== undefined && !isCalendarDate(o.since)) {
      return fail(`--since "${o.since}" is not a date (YYYY-MM-DD)`);
    }
    const text = readLog(file, env.cwd);
    if (action === 'summary') return ok(summary(text, o.since));
    const v = verifyAudit(text);
    if (v.ok) return ok(`${file}: ${v.lines} line${v.lines === 1 ? '' : 's'} verified; last hash ${v.head}\n`);
    return { exitCode: 1, stdout: '', stderr: v.problems.map((p) => `phi-lint: ${file}: ${p}\n`).join('') };
  });
};
