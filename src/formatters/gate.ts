// The run's report of what was suppressed, disabled or ignored (src/config/gate-report.ts)
// in words: one summary line, and with --report-suppressions one line per item, each
// pointing at a file and line. Every formatter prints these in its own form. Nothing here
// comes from a draft's text: paths, line numbers, rule ids, categories, globs and counts.
import type { GateReport } from '../config/gate-report.js';
import type { FormatOptions } from './types.js';
import { escapeControls } from './escape.js';

export interface GateLine {
  file?: string;
  line?: number;
  text: string;
}

export interface GateText {
  summary: string;
  /** Item by item (only with --report-suppressions). */
  details: GateLine[];
}

const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "a, b and c" */
function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** ".phi-lint.yaml:3,4,6 and posts/.phi-lint.yaml:1" */
function places(items: { file: string; line?: number }[]): string {
  const byFile = new Map<string, number[]>();
  for (const i of items) {
    const lines = byFile.get(i.file) ?? [];
    if (i.line !== undefined && !lines.includes(i.line)) lines.push(i.line);
    byFile.set(i.file, lines);
  }
  const place = ([file, lines]: [string, number[]]): string =>
    lines.length ? `${file}:${lines.sort((x, y) => x - y).join(',')}` : file;
  return list([...byFile].map(place));
}

function suppressedPart(r: GateReport): string[] {
  const { directives: d, baseline: b } = r.suppressed;
  if (!(d + b)) return [];
  let by = ' by directives';
  if (d && b) by = ` (${d} by directives, ${b} by the baseline)`;
  else if (b) by = ` by the baseline${r.baseline ? ` (${r.baseline.file})` : ''}`;
  return [`${n(d + b, 'finding')} suppressed${by}`];
}

function summaryOf(r: GateReport): string | undefined {
  const parts = suppressedPart(r);
  if (r.uncovered) {
    const what = 'of the 18 Safe Harbor identifiers not covered by the rules that run';
    parts.push(`${r.uncovered} ${what} (phi-lint rules --coverage)`);
  }
  if (r.allowed?.length) {
    const k = r.allowed.reduce((sum, a) => sum + a.count, 0);
    parts.push(`${k} ${k === 1 ? 'match' : 'matches'} allowed by allow: (${list(r.allowed.map((a) => a.file))})`);
  }
  const blanket = r.directives.filter((x) => !x.ignored && !x.rules.length && x.kind !== 'enable');
  if (blanket.length) {
    const shown = blanket.slice(0, 3).map((x) => `${x.file}:${x.line}`);
    if (blanket.length > 3) shown.push(`${blanket.length - 3} more`);
    parts.push(`${list(shown)} ${blanket.length === 1 ? 'disables' : 'disable'} every rule`);
  }
  const ignored = r.directives.filter((x) => x.ignored);
  if (ignored.length) parts.push(`${n(ignored.length, 'inline directive')} ignored (--no-inline-config)`);
  const off = r.settings.filter((s) => s.kind !== 'extensions');
  if (off.length) {
    const count = (kind: string, one: string, many: string): string[] => {
      const k = off.filter((s) => s.kind === kind).length;
      return k ? [`${k} ${k === 1 ? one : many}`] : [];
    };
    const what = [
      ...count('rule', 'rule', 'rules'),
      ...count('category', 'category', 'categories'),
      ...count('pack', 'pack', 'packs'),
    ];
    parts.push(`${list(what)} disabled by ${places(off)}`);
  }
  if (r.ignored.length) {
    const files = r.ignored.reduce((k, g) => k + g.files, 0);
    parts.push(`${n(files, 'file')} ignored by ignore: globs (${places(r.ignored)})`);
  }
  for (const s of r.settings.filter((x) => x.kind === 'extensions')) {
    parts.push(`extensions: (${s.file}:${s.line}) leave out ${list(s.leavesOut ?? [])} drafts`);
  }
  if (r.nested.length) {
    const drafts = r.nested.reduce((k, x) => k + x.drafts, 0);
    const which = r.nested.length === 1 ? 'a nested config' : 'nested configs';
    const files = r.nested.map((x) => x.file).join(', ');
    parts.push(`${n(drafts, 'draft')} ${drafts === 1 ? 'follows' : 'follow'} ${which} (${files})`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

function settingText(s: GateReport['settings'][number]): string {
  switch (s.kind) {
    case 'rule':
      return `rules: ${s.name}: off disables ${s.name}`;
    case 'category':
      return `categories: ${s.name}: off disables ${n(s.rules, 'rule')}`;
    case 'pack':
      return `packs: ${s.name}: false disables ${n(s.rules, 'rule')}`;
    default:
      return `extensions: [${s.name}] leave out ${list(s.leavesOut ?? [])} drafts`;
  }
}

function detailsOf(r: GateReport): GateLine[] {
  const out: GateLine[] = [];
  for (const d of r.directives) {
    const names = d.rules.length ? ` ${d.rules.join(', ')}` : d.kind === 'enable' ? '' : ' (every rule)';
    const what = d.ignored ? 'ignored (--no-inline-config)' : `suppressed ${n(d.suppressed, 'finding')}`;
    out.push({ file: d.file, line: d.line, text: `phi-lint-${d.kind}${names} ${what}` });
  }
  for (const f of r.baseline?.byFile ?? []) {
    out.push({ file: r.baseline!.file, text: `${n(f.count, 'finding')} in ${f.file} suppressed by the baseline` });
  }
  for (const s of r.settings) out.push({ file: s.file, line: s.line, text: settingText(s) });
  for (const g of r.ignored) {
    out.push({ file: g.file, line: g.line, text: `ignore: "${g.glob}" left out ${n(g.files, 'file')}` });
  }
  for (const x of r.nested) out.push({ file: x.file, text: `nested config: governs ${n(x.drafts, 'draft')}` });
  return out;
}

/** The report in words, or undefined when nothing was suppressed, disabled or ignored. */
export function describeGate(report: GateReport, detailed: boolean): GateText | undefined {
  const summary = summaryOf(report);
  if (!summary) return undefined;
  return { summary, details: detailed ? detailsOf(report) : [] };
}

/** The run's report in words, as a formatter is given it (FormatOptions.gate). */
export function gateText(opts: FormatOptions): GateText | undefined {
  const text = opts.gate ? describeGate(opts.gate.report, opts.gate.detailed) : undefined;
  if (!text) return undefined;
  // file names and globs come from the repository: control characters print as escapes (escape.ts)
  const clean = (l: GateLine): GateLine => ({
    ...l,
    file: l.file === undefined ? undefined : escapeControls(l.file),
    text: escapeControls(l.text),
  });
  return { summary: escapeControls(text.summary), details: text.details.map(clean) };
}

/** `file:line` (or `file`) of a detail line. */
export function placeOf(l: GateLine): string {
  return l.file === undefined ? '' : l.line === undefined ? l.file : `${l.file}:${l.line}`;
}
