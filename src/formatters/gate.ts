// The run's report of what was suppressed, disabled or ignored (src/config/gate-report.ts)
// in words: one summary line, and with --report-suppressions one line per item, each
// pointing at a file and line. Every formatter prints these in its own form. Nothing here
// comes from a draft's text: paths, line numbers, rule ids, categories, globs and counts.
import type { GateReport } from '../config/gate-report.js';
import type { FormatOptions } from './types.js';

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
  return list([...byFile].map(([file, lines]) => (lines.length ? `${file}:${lines.sort((a, b) => a - b).join(',')}` : file)));
}

function summaryOf(r: GateReport): string | undefined {
  const parts: string[] = [];
  const { directives: d, baseline: b } = r.suppressed;
  if (d + b) {
    const by = d && b ? ` (${d} by directives, ${b} by the baseline)` : d ? ' by directives' : ` by the baseline${r.baseline ? ` (${r.baseline.file})` : ''}`;
    parts.push(`${n(d + b, 'finding')} suppressed${by}`);
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
    const count = (kind: string, word: string): string[] => {
      const k = off.filter((s) => s.kind === kind).length;
      return k ? [n(k, word)] : [];
    };
    const what = [...count('rule', 'rule'), ...count('category', 'category').map((s) => s.replace(/categorys$/, 'categories')), ...count('pack', 'pack')];
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
    const verb = drafts === 1 ? 'follows' : 'follow';
    parts.push(`${n(drafts, 'draft')} ${verb} ${r.nested.length === 1 ? 'a nested config' : 'nested configs'} (${r.nested.map((x) => x.file).join(', ')})`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

function detailsOf(r: GateReport): GateLine[] {
  const out: GateLine[] = [];
  for (const d of r.directives) {
    const what = `phi-lint-${d.kind}${d.rules.length ? ` ${d.rules.join(', ')}` : d.kind === 'enable' ? '' : ' (every rule)'}`;
    out.push({ file: d.file, line: d.line, text: `${what} ${d.ignored ? 'ignored (--no-inline-config)' : `suppressed ${n(d.suppressed, 'finding')}`}` });
  }
  for (const f of r.baseline?.byFile ?? []) out.push({ file: r.baseline!.file, text: `${n(f.count, 'finding')} in ${f.file} suppressed by the baseline` });
  for (const s of r.settings) {
    const text =
      s.kind === 'rule'
        ? `rules: ${s.name}: off disables ${s.name}`
        : s.kind === 'category'
          ? `categories: ${s.name}: off disables ${n(s.rules, 'rule')}`
          : s.kind === 'pack'
            ? `packs: ${s.name}: false disables ${n(s.rules, 'rule')}`
            : `extensions: [${s.name}] leave out ${list(s.leavesOut ?? [])} drafts`;
    out.push({ file: s.file, line: s.line, text });
  }
  for (const g of r.ignored) out.push({ file: g.file, line: g.line, text: `ignore: "${g.glob}" left out ${n(g.files, 'file')}` });
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
  return opts.gate ? describeGate(opts.gate.report, opts.gate.detailed) : undefined;
}

/** `file:line` (or `file`) of a detail line. */
export function placeOf(l: GateLine): string {
  return l.file === undefined ? '' : l.line === undefined ? l.file : `${l.file}:${l.line}`;
}
