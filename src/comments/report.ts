// `phi-lint comments`: lint each comment of an export as a draft of kind comment, decide its
// action (hide | reply-privately | ok) and print the report as CSV, JSON, SARIF or HTML. A
// comment's location is its row in the export; the JSON, SARIF and HTML reports are the lint
// formats' own, with the row, id and action added.
import { resolve } from 'node:path';
import { parseDocument } from '../documents/load.js';
import { filterFindings } from '../engine/filters.js';
import { lintDocument } from '../engine/lint.js';
import { escapeControls } from '../formatters/escape.js';
import { displayPath } from '../formatters/paths.js';
import { loadFormatter } from '../formatters/index.js';
import type { FormatOptions } from '../formatters/types.js';
import type { FileSetup } from '../run/session.js';
import type { FileResult, Finding } from '../types.js';
import type { ExportedComment } from './export.js';
import { actionOf, applyCommentPolicy, commentRules, type CommentAction } from './policy.js';

export interface CommentResult {
  comment: ExportedComment;
  findings: Finding[];
  action: CommentAction;
}

/** Lint every comment: kind comment, plain text, no directive obeyed, no file read on its behalf. */
export async function lintComments(
  comments: ExportedComment[],
  setup: FileSetup,
  file: string,
  today: string,
  cwd: string,
): Promise<CommentResult[]> {
  const filterCtx = {
    ruleIds: setup.ruleIds,
    directives: setup.config.directives,
    ledger: setup.ledger,
    today,
    cwd,
    inlineConfig: false,
  };
  const out: CommentResult[] = [];
  for (const comment of comments) {
    const path = `${file}#row-${comment.row}`;
    // front matter in a comment may not name a file to read (in-reply-to:), nor change the kind
    const doc = parseDocument(path, comment.text, 'comment', 'txt', { kindFixed: true, readReview: NOT_READ });
    const own = commentRules(setup.prepared.ruleSet.rules);
    const raw = applyCommentPolicy(await lintDocument(doc, setup.prepared.ctx), setup.config.comments.severity, own);
    const { findings } = filterFindings(doc, raw, filterCtx);
    out.push({ comment, findings, action: actionOf(findings) });
  }
  return out;
}

/** Why a comment gets its action: each category with its rules, no value from the comment. */
export function reasonsOf(findings: readonly Finding[]): string {
  const by = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    (by.get(f.category) ?? by.set(f.category, new Set()).get(f.category)!).add(f.ruleId);
  }
  return [...by].map(([c, ids]) => `${c} (${[...ids].join(', ')})`).join('; ');
}

/**
 * A CSV cell: control characters (escape sequences, bidi overrides, line breaks) written as visible escapes, so
 * no cell can drive a terminal or split a row; a leading = + - @ defused so a spreadsheet never runs it; quoted
 * when needed.
 */
export function csvCell(value: string): string {
  const visible = escapeControls(value);
  const safe = /^[=+\-@]/.test(visible) ? `'${visible}` : visible;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Front matter in a comment may not name a file to read (in-reply-to:). */
const NOT_READ = (): { problem: string } => ({ problem: 'a comment may not name a file to read; it is not read.' });

const CSV_COLUMNS = ['row', 'line', 'id', 'created', 'platform', 'action', 'reasons'];

const ACTION_LABEL: Record<CommentAction, string> = {
  hide: 'Hide the comment and reply privately',
  'reply-privately': 'Reply privately (the comment may stay)',
  ok: 'No action',
};

export interface ReportOptions {
  format: string;
  file: string;
  mask: boolean;
  cwd: string;
  version: string;
  rules: FormatOptions['rules'];
}

/**
 * The report. CSV: row, line, id, created, platform, action, reasons (and, unmasked, author,
 * url and text). JSON: ESLint's array, one entry per comment with row, line, id and action.
 * SARIF: each result at the comment's lines of the export. HTML: each comment as a draft,
 * headed by its row and recommended action.
 */
export async function formatComments(results: CommentResult[], o: ReportOptions): Promise<string> {
  const rel = displayPath(resolve(o.cwd, o.file), o.cwd);
  if (o.format === 'csv') {
    const head = [...CSV_COLUMNS, ...(o.mask ? [] : ['author', 'url', 'text'])];
    const rows = results.map(({ comment: c, findings, action }) => {
      const cells = [String(c.row), String(c.line), c.id ?? '', c.created ?? '', c.platform ?? '', action];
      cells.push(reasonsOf(findings));
      if (!o.mask) cells.push(c.author ?? '', c.url ?? '', c.text);
      return cells.map(csvCell).join(',');
    });
    return `${[head.join(','), ...rows].join('\r\n')}\r\n`;
  }
  const fopts: FormatOptions = { mask: o.mask, color: false, cwd: o.cwd, rules: o.rules, version: o.version };
  const where = (c: ExportedComment): string => `row ${c.row}${c.id ? `, id ${c.id}` : ''}`;
  if (o.format === 'html') {
    const files: FileResult[] = results.map(({ comment: c, findings, action }) => ({
      filePath: resolve(o.cwd, `${rel} · ${where(c)}`),
      findings,
      source: c.text,
      comment: { action, label: ACTION_LABEL[action] },
    }));
    return (await loadFormatter('html'))(files, fopts);
  }
  const files: FileResult[] = results.map(({ findings }) => ({ filePath: rel, findings }));
  const text = (await loadFormatter(o.format))(files, fopts);
  if (o.format === 'json') {
    const entries = JSON.parse(text) as Record<string, unknown>[];
    const out = entries.map((e, i) => {
      const { comment: c, action } = results[i]!;
      const id = c.id !== undefined ? { id: c.id } : {};
      return { ...e, row: c.row, line: c.line, ...id, action, reasons: reasonsOf(results[i]!.findings) };
    });
    return `${JSON.stringify(out)}\n`;
  }
  // SARIF: a finding's place is its comment's lines in the export; fingerprints tell comments apart.
  const log = JSON.parse(text) as { runs: { results: SarifResult[] }[] };
  const { fingerprint, FINGERPRINT_KEY } = await import('../formatters/sarif.js');
  const lines = results.flatMap((x) => x.findings.map(() => x));
  const seen = new Map<string, number>();
  log.runs[0]!.results.forEach((r, i) => {
    const { comment: c, action } = lines[i]!;
    const loc = r.locations[0]!.physicalLocation;
    loc.region = { startLine: c.line, endLine: c.endLine };
    const key = `${r.ruleId}\u0000${c.id ?? `row ${c.row}`}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    r.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint(r.ruleId, `${rel}#${c.id ?? `row-${c.row}`}`, n) };
    r.properties = { ...r.properties, row: c.row, ...(c.id !== undefined ? { commentId: c.id } : {}), action };
  });
  return `${JSON.stringify(log, null, 2)}\n`;
}

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { region?: Record<string, number> } }[];
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
}
