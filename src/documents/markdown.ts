// Markdown → prose view. markdown-it (CommonMark + GFM tables and strikethrough) gives the
// block structure with line maps and the inline tokens; this module recovers the exact
// source position of every visible piece of text, so findings point at the original file.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { createRequire } from 'node:module';
import { buildProse, type Comment, type Document, type Span } from './document.js';
import { LineIndex } from './position.js';
import { extractFrontMatter } from './front-matter.js';

// Loaded on the first Markdown draft, from markdown-it's single-file CommonJS build (a third
// of the ES modules' load time; a reply on standard input never pays for it).
let md: MarkdownIt | undefined;
function parser(): MarkdownIt {
  if (!md) {
    const Ctor = createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt;
    md = new Ctor('commonmark', { html: true }).enable(['table', 'strikethrough']);
  }
  return md;
}

type Img = Document['images'][number];

const CONTAINERS = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open']);
/** Block-quote and list markers at the start of a line: `> `, `- `, `1. `, repeated. */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/;

interface State {
  text: string;
  lines: LineIndex;
  visible: Uint8Array;
  blocks: Span[];
  images: Img[];
  comments: Comment[];
  covered: Uint8Array; // per line: part of some block
}

export function parseMarkdown(path: string, text: string): Omit<Document, 'kind'> {
  const lines = new LineIndex(text);
  const fm = extractFrontMatter(text);
  // markdown-it sees the file with the front matter lines emptied, so line numbers agree.
  let mdInput = text;
  if (fm.span) mdInput = '\n'.repeat(fm.lineCount - 1) + text.slice(fm.span.end);
  const st: State = {
    text,
    lines,
    visible: new Uint8Array(text.length),
    blocks: [],
    images: [],
    comments: [],
    covered: new Uint8Array(lines.lineCount),
  };
  for (let l = 0; l < (fm.span ? fm.lineCount : 0); l++) st.covered[l] = 1;
  const tokens = parser().parse(mdInput, {});
  let rowLine = -1;
  const cellCursor = new Map<number, number>();
  for (const tok of tokens) {
    // Containers (quotes, lists) do not cover their lines: their leaf blocks do. Past
    // markdown-it's nesting limit a container's content is dropped without a leaf, and
    // those lines must still be linted (below).
    if (tok.map && !CONTAINERS.has(tok.type)) for (let l = tok.map[0]; l < tok.map[1] && l < st.covered.length; l++) st.covered[l] = 1;
    switch (tok.type) {
      case 'tr_open':
        rowLine = tok.map ? tok.map[0] : rowLine;
        break;
      case 'inline':
        if (tok.map) inlineBlock(st, tok, tok.map[0], new Map());
        else if (rowLine >= 0) inlineBlock(st, tok, rowLine, cellCursor);
        break;
      case 'fence':
      case 'code_block':
        if (tok.map) codeBlock(st, tok);
        break;
      case 'html_block':
        if (tok.map) htmlBlock(st, tok.map[0], tok.map[1]);
        break;
    }
  }
  // Lines no leaf block claims (link reference definitions, content nested deeper than
  // markdown-it goes) are linted as they are, after their container markers.
  for (let l = 0; l < st.covered.length; l++) {
    if (st.covered[l]) continue;
    const t = lines.lineText(l);
    const s = lines.starts[l] + (CONTAINER_MARKERS.exec(t)?.[0].length ?? 0);
    const e = lines.starts[l] + t.length;
    if (st.text.slice(s, e).trim()) {
      markVisible(st, s, e);
      st.blocks.push({ start: s, end: e });
    }
  }
  st.blocks.sort((a, b) => a.start - b.start);
  return {
    path,
    format: 'md',
    text,
    prose: buildProse(text, st.visible),
    lines,
    blocks: st.blocks,
    images: st.images,
    comments: st.comments,
    frontMatter: fm.data,
    frontMatterSpan: fm.span,
    problems: fm.problems,
  };
}

function markVisible(st: State, start: number, end: number): void {
  st.visible.fill(1, start, end);
}

/**
 * Map each line of an inline token's content to its source offset. The content of a
 * paragraph is its source lines with container markers and indentation removed, so each
 * content line sits at the end of its source line (the last one trimmed).
 */
function contentLineOffsets(st: State, content: string, firstLine: number, cursors: Map<number, number>): number[] {
  const parts = content.split('\n');
  const offs: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const line = firstLine + i;
    if (line >= st.lines.lineCount) {
      offs.push(-1);
      continue;
    }
    const src = st.lines.lineText(line);
    const part = parts[i];
    const from = cursors.get(line) ?? 0;
    let at = -1;
    const trimmed = i === parts.length - 1 ? src.trimEnd() : src;
    const expected = trimmed.length - part.length;
    if (expected >= from && trimmed.startsWith(part, expected) && cursors.size === 0) at = expected;
    else at = src.indexOf(part, from);
    if (at >= 0) cursors.set(line, at + part.length);
    offs.push(at < 0 ? -1 : st.lines.starts[line] + at);
  }
  return offs;
}

function inlineBlock(st: State, tok: Token, firstLine: number, cursors: Map<number, number>): void {
  const content = tok.content;
  const lineOffs = contentLineOffsets(st, content, firstLine, cursors);
  // content index → source offset
  const lineStartsInContent: number[] = [0];
  for (let i = 0; i < content.length; i++) if (content.charCodeAt(i) === 10) lineStartsInContent.push(i + 1);
  const toSource = (ci: number): number => {
    // binary search: a paragraph of many short lines must not make this quadratic
    let l = 0;
    let hi = lineStartsInContent.length - 1;
    while (l < hi) {
      const mid = (l + hi + 1) >> 1;
      if (lineStartsInContent[mid] <= ci) l = mid;
      else hi = mid - 1;
    }
    const base = lineOffs[l];
    return base < 0 ? -1 : base + (ci - lineStartsInContent[l]);
  };
  const markContent = (from: number, to: number): void => {
    for (let ci = from; ci < to; ci++) {
      if (content.charCodeAt(ci) === 10) continue;
      const so = toSource(ci);
      if (so >= 0 && so < st.text.length) st.visible[so] = 1;
    }
  };
  const blockStart = toSource(0);
  const blockEnd = toSource(Math.max(0, content.length - 1)) + 1;
  if (blockStart >= 0 && blockEnd > blockStart) st.blocks.push({ start: blockStart, end: blockEnd });

  let cursor = 0;
  /** Find `s` in content from the cursor; fall back to char-by-char alignment (escapes, entities). */
  const align = (s: string): void => {
    if (!s) return;
    // Both searches look only a bounded distance ahead: an unbounded indexOf per text piece
    // is quadratic on a long line of entities or escapes.
    const near = content.slice(cursor, cursor + 64 + 2 * s.length).indexOf(s);
    const at = near < 0 ? -1 : cursor + near;
    if (at >= 0 && at - cursor < 64 + s.length) {
      markContent(at, at + s.length);
      cursor = at + s.length;
      return;
    }
    for (const ch of s) {
      const k0 = content.slice(cursor, cursor + 12 + ch.length).indexOf(ch);
      const k = k0 < 0 ? -1 : cursor + k0;
      if (k >= 0 && k - cursor <= 12) {
        markContent(k, k + ch.length);
        cursor = k + ch.length;
      }
    }
  };
  /** After a link's text: `](dest "title")` — the destination is visible, linted as text. */
  const destination = (): number => {
    let k = cursor;
    while (k < content.length && content[k] !== ']') k++;
    if (content[k] !== ']' || content[k + 1] !== '(') return cursor;
    k += 2;
    while (k < content.length && /\s/.test(content[k])) k++;
    let destStart = k;
    let destEnd: number;
    if (content[k] === '<') {
      destStart = k + 1;
      destEnd = content.indexOf('>', destStart);
      if (destEnd < 0) return cursor;
      k = destEnd + 1;
    } else {
      let depth = 0;
      while (k < content.length && !/\s/.test(content[k])) {
        if (content[k] === '(') depth++;
        else if (content[k] === ')') {
          if (depth === 0) break;
          depth--;
        }
        k++;
      }
      destEnd = k;
    }
    markContent(destStart, destEnd);
    // skip an optional title and the closing paren
    const close = content.indexOf(')', k);
    cursor = close >= 0 ? close + 1 : k;
    return cursor;
  };
  const walk = (children: Token[]): void => {
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      switch (c.type) {
        case 'text':
        case 'code_inline':
          align(c.content);
          break;
        case 'html_inline': {
          const at = content.indexOf(c.content, cursor);
          if (at >= 0) {
            const s = toSource(at);
            if (c.content.startsWith('<!--') && s >= 0)
              st.comments.push({ start: s, end: s + c.content.length, body: c.content.slice(4, c.content.endsWith('-->') ? -3 : undefined) });
            cursor = at + c.content.length;
          }
          break;
        }
        case 'link_close': {
          const open = findOpen(children, i);
          if (open && open.markup !== 'autolink' && open.markup !== 'linkify') destination();
          break;
        }
        case 'image': {
          const at = content.indexOf('![', cursor);
          if (at >= 0) cursor = at + 2;
          walk(c.children ?? []);
          destination();
          const s = at >= 0 ? toSource(at) : -1;
          const e = toSource(cursor - 1) + 1;
          if (s >= 0 && e > s) st.images.push({ start: s, end: e, alt: c.content, src: c.attrGet('src') ?? '' });
          break;
        }
        default:
          if (c.children) walk(c.children);
      }
    }
  };
  walk(tok.children ?? []);
}

function findOpen(children: Token[], closeIdx: number): Token | undefined {
  let depth = 0;
  for (let j = closeIdx - 1; j >= 0; j--) {
    if (children[j].type === 'link_close') depth++;
    else if (children[j].type === 'link_open') {
      if (depth === 0) return children[j];
      depth--;
    }
  }
  return undefined;
}

function codeBlock(st: State, tok: Token): void {
  const [a, b] = tok.map!;
  const fenced = tok.type === 'fence';
  const first = fenced ? a + 1 : a;
  let last = b; // exclusive
  if (fenced && last - 1 > a && /^\s*(```|~~~)/.test(st.lines.lineText(last - 1))) last--;
  if (first >= last) return;
  const s = st.lines.starts[first];
  const lastText = st.lines.lineText(last - 1);
  const e = st.lines.starts[last - 1] + lastText.length;
  for (let l = first; l < last; l++) {
    const ls = st.lines.starts[l];
    markVisible(st, ls, ls + st.lines.lineText(l).length);
  }
  st.blocks.push({ start: s, end: e });
}

// `[^<>]` (not `[^>]`): a tag never holds "<", and a long line of "<a<a<a…" must not scan
// to the end of the block from every "<".
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z][^<>]*>/g;

function htmlBlock(st: State, a: number, b: number): void {
  const s = st.lines.starts[a];
  const e = st.lines.starts[b - 1] + st.lines.lineText(b - 1).length;
  const raw = st.text.slice(s, e);
  let last = 0;
  TAG_OR_COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_OR_COMMENT.exec(raw))) {
    markVisible(st, s + last, s + m.index);
    if (m[0].startsWith('<!--'))
      st.comments.push({ start: s + m.index, end: s + m.index + m[0].length, body: m[0].slice(4, m[0].endsWith('-->') ? -3 : undefined) });
    last = m.index + m[0].length;
  }
  markVisible(st, s + last, e);
  st.blocks.push({ start: s, end: e });
}
