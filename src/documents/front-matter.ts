// YAML front matter: a mapping between `---` lines at the very start of a Markdown file
// (closed by `---` or `...`). Static sites publish most of it (title, description, tags, image
// alt text…), so every scalar value is linted as prose in place, except the keys phi-lint
// reads itself and those the site does not publish (the post's own dates, layout flags).
// Anything between two `---` lines that is not a YAML mapping is not front matter: it is
// Markdown (a thematic break, then a paragraph or a heading) and is linted as such.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { duplicateKeys } from '../yaml-source.js';
import { parseTomlFrontMatter } from './front-matter-toml.js';
import type { Problem, Span } from './document.js';
import type { Replacement } from './view.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  span?: Span;
  /** Number of lines the block occupies, closing fence included. */
  lineCount: number;
  problems: Problem[];
  /** Published values, in file order: their source range, and their text when it differs from the source (escapes, quotes). */
  values: (Span & { text?: string })[];
}

/** Keys phi-lint reads itself: never published content. */
export const PHI_LINT_KEYS = ['kind', 'consent', 'in-reply-to'];
/**
 * Keys a site or scheduler does not show as text, by default: the post's own dates and
 * schedule, where and how it is published, layout switches.
 */
export const DEFAULT_UNPUBLISHED_KEYS = [
  'date',
  'publishDate',
  'publish_date',
  'pubDate',
  'published',
  'lastmod',
  'lastMod',
  'updated',
  'modified',
  'expiryDate',
  'scheduled',
  'schedule',
  'publishAt',
  'publish_at',
  'platform',
  'platforms',
  'channel',
  'channels',
  'status',
  'draft',
  'layout',
  'template',
  'weight',
  'order',
  'sidebar_position',
  'toc',
  'comments',
  'type',
];

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /(?:^|\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)/g;

export interface FrontMatterOptions {
  /** Top-level keys whose values are not published (default DEFAULT_UNPUBLISHED_KEYS); phi-lint's own keys are always skipped. */
  unpublished?: readonly string[];
}

const TOML_OPEN = /^\+\+\+[ \t]*(?:\r\n|\r|\n)/;
const TOML_CLOSE = /(?:\r\n|\r|\n)\+\+\+[ \t]*(?=\r\n|\r|\n|$)/g;
const JSON_OPEN = /^\{[ \t]*(?:\r\n|\r|\n)/;
const JSON_CLOSE = /(?:\r\n|\r|\n)\}[ \t]*(?=\r\n|\r|\n|$)/g;

const linesTo = (text: string, end: number): number => (text.slice(0, end).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;

/** Hugo's TOML front matter, between `+++` lines (documents/front-matter-toml.ts). */
function tomlFrontMatter(text: string, opts: FrontMatterOptions): FrontMatter {
  const empty: FrontMatter = { data: {}, lineCount: 0, problems: [], values: [] };
  const open = TOML_OPEN.exec(text);
  if (!open) return empty;
  TOML_CLOSE.lastIndex = open[0].length - 1;
  const close = TOML_CLOSE.exec(text);
  if (!close) return empty;
  const closeEnd = close.index + close[0].length;
  const parsed = parseTomlFrontMatter(text.slice(open[0].length, close.index), open[0].length);
  if (parsed.error) {
    const at = open[0].length + parsed.error.at;
    const message =
      `The block between the first two "+++" lines is not TOML phi-lint can read ` +
      `(line ${linesTo(text, at)}: ` +
      `${parsed.error.why}), so it is not front matter: it is linted as text.`;
    return { ...empty, problems: [{ start: at, end: Math.min(at + 1, closeEnd), message }] };
  }
  const skip = new Set([...PHI_LINT_KEYS, ...(opts.unpublished ?? DEFAULT_UNPUBLISHED_KEYS)]);
  const values = parsed.values.filter((v) => !skip.has(v.top)).map(({ top: _top, ...v }) => v);
  const lineCount = linesTo(text, closeEnd);
  return { data: parsed.data, span: { start: 0, end: closeEnd }, lineCount, problems: [], values };
}

export function extractFrontMatter(text: string, opts: FrontMatterOptions = {}): FrontMatter {
  const empty: FrontMatter = { data: {}, lineCount: 0, problems: [], values: [] };
  if (text.startsWith('+++')) return tomlFrontMatter(text, opts);
  // JSON front matter (Hugo): `{` alone on the first line to `}` alone on a line; JSON is
  // YAML, so it is read as YAML is (the braces are part of the mapping)
  const json = JSON_OPEN.test(text);
  const open = json ? { 0: '' } : OPEN.exec(text);
  if (!open) return empty;
  const bodyStart = open[0].length;
  const closer = json ? JSON_CLOSE : CLOSE;
  closer.lastIndex = Math.max(bodyStart - 1, 0);
  const close = closer.exec(text);
  if (!close) return empty; // a lone `---` is a thematic break, not front matter
  const closeEnd = close.index + close[0].length;
  const yamlText = json ? text.slice(0, closeEnd) : text.slice(bodyStart, close.index);
  const fence = json ? 'the "{" and "}" lines' : 'the first two "---" lines';
  const format = json ? 'JSON' : 'YAML';
  // Repeated keys are found with one Set per map: yaml's own check compares every key with
  // every earlier one, minutes for a front matter of 100,000 keys.
  const doc = parseDocument(yamlText, { prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  const errors = [
    ...doc.errors.map((e) => ({ at: e.pos?.[0] ?? 0, code: e.code as string })),
    ...duplicateKeys(doc).map((e) => ({ at: e.pos[0], code: e.code })),
  ];
  errors.sort((a, b) => a.at - b.at);
  if (errors.length) {
    // Not front matter a site could read: lint it as the Markdown it is, and say why. The
    // parser's message is not repeated (it can quote the line, and the line may hold PHI):
    // its error code is, in words.
    const at = bodyStart + errors[0].at;
    const why =
      errors[0].code === 'DUPLICATE_KEY' ? 'Map keys must be unique' : errors[0].code.toLowerCase().replace(/_/g, ' ');
    const line = (text.slice(0, at).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    return {
      ...empty,
      problems: [
        {
          start: at,
          end: Math.min(at + 1, closeEnd),
          message:
            `The block between ${fence} is not valid ${format} (line ${line}: ${why}), ` +
            'so it is not front matter: it is linted as text.',
        },
      ],
    };
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) return empty; // a paragraph between two rules, not front matter
  let data: Record<string, unknown> = {};
  const problems: Problem[] = [];
  try {
    const value = doc.toJS({ maxAliasCount: 50 }) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
  } catch {
    problems.push({
      start: bodyStart,
      end: bodyStart + 1,
      message: 'Front matter could not be read: it expands too many aliases; its values are linted as text.',
    });
  }
  const span = { start: 0, end: closeEnd };
  const lineCount = (text.slice(0, closeEnd).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const skip = new Set([...PHI_LINT_KEYS, ...(opts.unpublished ?? DEFAULT_UNPUBLISHED_KEYS)]);
  const values: FrontMatter['values'] = [];
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && skip.has(key)) continue;
      collectValues(pair.value as Node | null, yamlText, bodyStart, values);
    }
  }
  return { data, span, lineCount, problems, values };
}

/** Every scalar under a node (sequence items, nested mapping values; not nested keys). Iterative: deep nesting cannot overflow the stack. */
function collectValues(root: Node | null, yamlText: string, base: number, out: FrontMatter['values']): void {
  const stack: (Node | null)[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    if (isScalar(node)) {
      const v = scalarValue(node, yamlText, base);
      if (v) out.push(v);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i] as Node);
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const p = node.items[i];
        if (isPair(p)) stack.push(p.value as Node | null);
      }
    }
  }
}

function scalarValue(
  node: Node & { type?: string; value?: unknown },
  yamlText: string,
  base: number,
): (Span & { text?: string }) | undefined {
  const range = node.range;
  if (!range || node.value === null || node.value === undefined || typeof node.value === 'boolean') return undefined;
  const [s, e] = range;
  const value = String(node.value);
  if (!value.trim()) return undefined;
  switch (node.type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE': {
      const inner = yamlText.slice(s + 1, e - 1);
      return inner === value
        ? { start: base + s + 1, end: base + e - 1 }
        : { start: base + s + 1, end: base + e - 1, text: value };
    }
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      // the header line (`|`, `>-`…) is syntax; the lines below are the text
      const nl = yamlText.indexOf('\n', s);
      if (nl < 0 || nl >= e) return undefined;
      return { start: base + nl + 1, end: base + e };
    }
    default:
      return { start: base + s, end: base + e };
  }
}

/** Front matter values as replacements for the view (those whose text differs from their source). */
export function valueReplacements(fm: FrontMatter): Replacement[] {
  return fm.values.filter((v) => v.text !== undefined).map((v) => ({ start: v.start, end: v.end, text: v.text! }));
}
