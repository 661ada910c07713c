// YAML front matter: data, not prose. Recognised only at the very start of a Markdown file,
// between `---` lines (closed by `---` or `...`).
import { parseDocument, LineCounter } from 'yaml';
import type { Problem, Span } from './document.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  span?: Span;
  /** Number of lines the block occupies, closing fence included. */
  lineCount: number;
  problems: Problem[];
}

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /(?:^|\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)/g;

export function extractFrontMatter(text: string): FrontMatter {
  const empty: FrontMatter = { data: {}, lineCount: 0, problems: [] };
  const open = OPEN.exec(text);
  if (!open) return empty;
  const bodyStart = open[0].length;
  CLOSE.lastIndex = bodyStart - 1;
  const close = CLOSE.exec(text);
  if (!close) return empty; // a lone `---` is a thematic break, not front matter
  const closeEnd = close.index + close[0].length;
  const yamlText = text.slice(bodyStart, close.index);
  const span = { start: 0, end: closeEnd };
  const lineCount = (text.slice(0, closeEnd).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const problems: Problem[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false });
  for (const err of doc.errors) {
    const at = bodyStart + (err.pos?.[0] ?? 0);
    problems.push({ start: at, end: Math.min(at + 1, closeEnd), message: `Front matter is not valid YAML: ${err.message.split('\n')[0]}` });
  }
  let data: Record<string, unknown> = {};
  if (!doc.errors.length) {
    try {
      const value = doc.toJS({ maxAliasCount: 50 });
      if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else if (value != null) problems.push({ start: bodyStart, end: bodyStart + 1, message: 'Front matter must be a YAML mapping (key: value lines).' });
    } catch (e) {
      problems.push({ start: bodyStart, end: bodyStart + 1, message: `Front matter could not be read: ${(e as Error).message}` });
    }
  }
  return { data, span, lineCount, problems };
}
