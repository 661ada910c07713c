// Reading an export of comments from the practice's pages: CSV (a header row, RFC 4180
// quoting, CRLF or LF, line breaks inside quoted fields) or JSON Lines (one object a line).
// Which column holds the text, the id… is found by common names, or given (config
// `comments: columns:`, `--column text=Message`). A comment's location is its row: the
// record's number and the line of the file where it starts. Nothing is fetched: an export is
// a file the practice already has.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { COMMENT_FIELDS } from '../config/config.js';
import { decodeDraft, BinaryFileError } from '../documents/load.js';
import { PhiLintError } from '../errors.js';
import { MAX_DRAFT_BYTES } from '../read-draft.js';

export type CommentField = (typeof COMMENT_FIELDS)[number];

export interface ExportedComment {
  /** 1-based record number (the header row not counted; for JSON Lines, non-blank lines). */
  row: number;
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Last line of the record (a quoted CSV field may span lines). */
  endLine: number;
  id?: string;
  author?: string;
  created?: string;
  text: string;
  url?: string;
  platform?: string;
}

/** Header names each field is known by (lower case, compared without spaces, dashes and underscores). */
const KNOWN_NAMES: Record<CommentField, string[]> = {
  id: ['id', 'commentid', 'messageid', 'postid'],
  author: ['author', 'name', 'user', 'username', 'from', 'authorname', 'commenter'],
  created: ['created', 'createdat', 'createdtime', 'date', 'time', 'timestamp', 'posted', 'postedat'],
  text: ['text', 'message', 'comment', 'body', 'content', 'commenttext'],
  url: ['url', 'link', 'permalink', 'commenturl'],
  platform: ['platform', 'source', 'network', 'site', 'channel'],
};

const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

export type ColumnMap = Partial<Record<CommentField, string>>;

/** Parse `--column text=Message` options into a column map (exit 2 on a bad one). */
export function parseColumnOptions(options: string[]): ColumnMap {
  const out: ColumnMap = {};
  for (const o of options) {
    const m = /^([a-z]+)=(.+)$/.exec(o);
    if (!m || !(COMMENT_FIELDS as readonly string[]).includes(m[1]!)) {
      throw new PhiLintError(`--column expects FIELD=NAME with FIELD one of ${COMMENT_FIELDS.join(', ')}, got "${o}"`);
    }
    out[m[1] as CommentField] = m[2]!;
  }
  return out;
}

/** Which header (or key) holds each field: the given names first, then the known names. */
function resolveColumns(headers: string[], given: ColumnMap, file: string): Map<CommentField, string> {
  const out = new Map<CommentField, string>();
  for (const field of COMMENT_FIELDS) {
    const name = given[field];
    if (name !== undefined) {
      const hit = headers.find((h) => h === name) ?? headers.find((h) => squash(h) === squash(name));
      if (hit === undefined) throw new PhiLintError(`the export has no column "${name}" (given for ${field})`, file);
      out.set(field, hit);
      continue;
    }
    const hit = headers.find((h) => KNOWN_NAMES[field].includes(squash(h)));
    if (hit !== undefined) out.set(field, hit);
  }
  return out;
}

/** CSV records with the line each starts and ends on. RFC 4180; a bare quote inside a field is kept. */
export function parseCsv(text: string, file: string): { fields: string[]; line: number; endLine: number }[] {
  const records: { fields: string[]; line: number; endLine: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let quoted = false;
  let any = false;
  const endRecord = (): void => {
    fields.push(field);
    if (any || fields.length > 1 || field !== '') records.push({ fields, line: start, endLine: line });
    fields = [];
    field = '';
    any = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      any = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      any = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new PhiLintError(`a quoted field that starts on line ${start} is never closed`, file);
  if (field !== '' || fields.length || any) endRecord();
  return records;
}

/** A JSON value as a cell: strings, numbers and booleans; anything else is absent. */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function fromCsv(text: string, given: ColumnMap, file: string): ExportedComment[] {
  const records = parseCsv(text, file);
  const header = records.shift();
  if (!header) return [];
  const columns = resolveColumns(header.fields, given, file);
  if (!columns.has('text')) throw new PhiLintError(NO_TEXT, file);
  const index = new Map([...columns].map(([f, h]) => [f, header.fields.indexOf(h)]));
  return records.map((r, n) => {
    const get = (f: CommentField): string | undefined => (index.has(f) ? r.fields[index.get(f)!] : undefined);
    return {
      row: n + 1,
      line: r.line,
      endLine: r.endLine,
      text: get('text') ?? '',
      id: get('id'),
      author: get('author'),
      created: get('created'),
      url: get('url'),
      platform: get('platform'),
    };
  });
}

const NO_TEXT =
  "the export has no column for the comment's text (name it with --column text=NAME, or in the config: " +
  'comments: { columns: { text: NAME } })';

function fromJsonLines(text: string, given: ColumnMap, file: string): ExportedComment[] {
  const out: ExportedComment[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let columns: Map<CommentField, string> | undefined;
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      // never quote the line: it is a patient's comment
      throw new PhiLintError('not a JSON object (JSON Lines: one object a line)', file, i + 1);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new PhiLintError('not a JSON object (JSON Lines: one object a line)', file, i + 1);
    }
    const obj = value as Record<string, unknown>;
    columns = resolveColumns(Object.keys(obj), given, file);
    const key = columns.get('text');
    const get = (f: CommentField): string | undefined => {
      const k = columns!.get(f);
      return k === undefined ? undefined : str(obj[k]);
    };
    if (key === undefined || typeof obj[key] !== 'string') throw new PhiLintError(NO_TEXT, file, i + 1);
    out.push({
      row: out.length + 1,
      line: i + 1,
      endLine: i + 1,
      text: obj[key] as string,
      id: get('id'),
      author: get('author'),
      created: get('created'),
      url: get('url'),
      platform: get('platform'),
    });
  });
  return out;
}

/** JSON Lines by extension (.jsonl, .ndjson, .json), else by a first non-blank character "{"; otherwise CSV. */
export function isJsonLines(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return true;
  if (ext === '.csv' || ext === '.tsv') return false;
  return /^\s*\{/.test(text);
}

/** Read an export from disk. Errors (exit 2) name the file and never quote a comment. */
export function readExport(file: string, given: ColumnMap = {}): ExportedComment[] {
  let buf: Buffer;
  try {
    if (statSync(file).size > MAX_DRAFT_BYTES) {
      throw new PhiLintError(`the export is larger than ${MAX_DRAFT_BYTES / 1024 / 1024} MB; split it`, file);
    }
    buf = readFileSync(file);
  } catch (e) {
    if (e instanceof PhiLintError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new PhiLintError(`cannot read the export (${why})`, file);
  }
  let text: string;
  try {
    text = decodeDraft(buf).text;
  } catch (e) {
    if (e instanceof BinaryFileError) {
      throw new PhiLintError(`${e.message}: not a comment export (CSV or JSON Lines)`, file);
    }
    throw e;
  }
  return parseExport(file, text, given);
}

/** An export's comments from its text (CSV or JSON Lines, by `file`'s name). Errors never quote a comment. */
export function parseExport(file: string, text: string, given: ColumnMap = {}): ExportedComment[] {
  return isJsonLines(file, text) ? fromJsonLines(text, given, file) : fromCsv(text, given, file);
}

/** The comment whose id is `key`, else whose row is `key`. */
export function findComment(comments: ExportedComment[], key: string): ExportedComment | undefined {
  const byRow = /^\d+$/.test(key) ? comments.find((c) => c.row === Number(key)) : undefined;
  return comments.find((c) => c.id === key) ?? byRow;
}

/** A comment as the review a reply answers: signed by its author, as a review is (a reply must not repeat the name). */
export function asReview(c: ExportedComment): string {
  return c.author ? `${c.text}\n— ${c.author}` : c.text;
}

/**
 * `export.csv#123`: the comment whose id is 123 (else whose row is 123), signed by its author, as the review a reply
 * answers; undefined when the spec has no `#` or names no existing file before it.
 */
export function commentFromSpec(
  spec: string,
  resolvePath: (p: string) => string,
  given: ColumnMap = {},
): string | undefined {
  const hash = spec.lastIndexOf('#');
  if (hash <= 0 || hash === spec.length - 1) return undefined;
  const file = spec.slice(0, hash);
  const key = spec.slice(hash + 1);
  const path = resolvePath(file);
  try {
    statSync(path);
  } catch {
    return undefined; // a file whose name holds "#": read as a review by the caller
  }
  const hit = findComment(readExport(path, given), key);
  if (!hit) throw new PhiLintError(`no comment with id or row "${key}" in the export`, file);
  return asReview(hit);
}
