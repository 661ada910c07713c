// Markdown → prose view. markdown-it (CommonMark + GFM tables and strikethrough) gives the
// block structure with line maps and the inline tokens; this module recovers the exact
// source position of every visible piece of text, so findings point at the original file.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { createRequire } from 'node:module';
import { buildProse, type Comment, type Document, type Span } from './document.js';
import { LineIndex } from './position.js';
import { extractFrontMatter, valueReplacements, type FrontMatterOptions } from './front-matter.js';
import {
  isDirectiveComment,
  isTextAttribute,
  scanHtml,
  type HtmlAttribute,
  type HtmlComment,
  type HtmlTag,
} from './html.js';
import { entityAt } from './characters.js';
import { View } from './view.js';

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

export function parseMarkdown(path: string, text: string, opts: FrontMatterOptions = {}): Omit<Document, 'kind'> {
  const lines = new LineIndex(text);
  const fm = extractFrontMatter(text, opts);
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
  // Published front matter values are prose, each a block of its own.
  for (const v of fm.values) {
    markVisible(st, v.start, v.end);
    st.blocks.push({ start: v.start, end: v.end });
  }
  const tokens = parser().parse(mdInput, {});
  let rowLine = -1;
  const cellCursor = new Map<number, number>();
  for (const tok of tokens) {
    // Containers (quotes, lists) do not cover their lines: their leaf blocks do. Past
    // markdown-it's nesting limit a container's content is dropped without a leaf, and
    // those lines must still be linted (below).
    if (tok.map && !CONTAINERS.has(tok.type))
      for (let l = tok.map[0]; l < tok.map[1] && l < st.covered.length; l++) st.covered[l] = 1;
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
  shortcodeImages(st);
  st.blocks.sort((a, b) => a.start - b.start);
  st.images.sort((a, b) => a.start - b.start);
  return {
    path,
    format: 'md',
    text,
    prose: buildProse(text, st.visible),
    view: View.build(text, st.visible, valueReplacements(fm)),
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
    let at: number;
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
    // Character by character: markup may sit between the characters (emphasis inside a
    // word), and a character may be written as a backslash escape or an HTML entity.
    let si = 0;
    while (si < s.length) {
      const ch = s[si];
      let step = 0;
      for (let k = cursor; k < content.length && k - cursor <= 12; k++) {
        if (content[k] === ch) {
          markContent(k, k + 1);
          cursor = k + 1;
          step = 1;
        } else if (content[k] === '\\' && content[k + 1] === ch) {
          markContent(k + 1, k + 2);
          cursor = k + 2;
          step = 1;
        } else if (content[k] === '&') {
          const ent = entityAt(content, k);
          if (ent && s.startsWith(ent.text, si)) {
            markContent(k, k + ent.length);
            cursor = k + ent.length;
            step = ent.text.length;
          }
        }
        if (step) break;
      }
      si += step || 1;
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
            html(st, scanHtml(c.content), {
              source: (i) => toSource(at + i),
              show: (from, to) => markContent(at + from, at + to),
            });
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

function htmlBlock(st: State, a: number, b: number): void {
  const s = st.lines.starts[a];
  const e = st.lines.starts[b - 1] + st.lines.lineText(b - 1).length;
  const found = scanHtml(st.text.slice(s, e));
  // text between tags and comments is prose
  let last = 0;
  const pieces = [...found.tags, ...found.comments].sort((x, y) => x.start - y.start);
  for (const p of pieces) {
    markVisible(st, s + last, s + p.start);
    last = Math.max(last, p.end);
  }
  markVisible(st, s + last, e);
  html(st, found, { source: (i) => s + i, show: (from, to) => markVisible(st, s + from, s + to) });
  st.blocks.push({ start: s, end: e });
}

interface HtmlPlace {
  /** Source offset of an offset in the scanned HTML. */
  source(i: number): number;
  /** Make a stretch of the scanned HTML prose. */
  show(from: number, to: number): void;
}

/**
 * What HTML tags and comments add to the prose: attribute values that carry words or
 * addresses, comments (shipped in the page source; phi-lint's directives excepted, they are
 * collected for the directive filter), and `<img>` (or an MDX `<Image>`) as an image.
 */
function html(st: State, found: { tags: HtmlTag[]; comments: HtmlComment[] }, at: HtmlPlace): void {
  for (const c of found.comments) {
    const start = at.source(c.start);
    if (start >= 0) st.comments.push({ start, end: at.source(c.end - 1) + 1, body: c.body });
    if (!isDirectiveComment(c.body)) at.show(c.bodyStart, c.bodyStart + c.body.length);
  }
  for (const t of found.tags) {
    for (const a of t.attributes) if (isTextAttribute(a.name)) at.show(a.start, a.end);
    if (t.closing || (t.name !== 'img' && t.name !== 'image')) continue;
    const start = at.source(t.start);
    const end = at.source(t.end - 1) + 1;
    if (start >= 0 && end > start)
      st.images.push({ start, end, alt: attr(t.attributes, 'alt'), src: attr(t.attributes, 'src') });
  }
}

function attr(attributes: HtmlAttribute[], name: string): string {
  return attributes.find((a) => a.name.toLowerCase() === name)?.value ?? '';
}

// Hugo's figure shortcode: `{{< figure src="…" alt="…" >}}` (or `{{% … %}}`) is an image.
const SHORTCODE_FIGURE = /\{\{[<%]\s*figure([^{}]*?)[%>]\}\}/g;

function shortcodeImages(st: State): void {
  if (!st.text.includes('{{')) return;
  SHORTCODE_FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHORTCODE_FIGURE.exec(st.text))) {
    if (!st.visible[m.index]) continue; // in code, or not prose at all
    const { tags } = scanHtml(`<figure${m[1]}>`);
    const attributes = tags[0]?.attributes ?? [];
    st.images.push({
      start: m.index,
      end: m.index + m[0].length,
      alt: attr(attributes, 'alt'),
      src: attr(attributes, 'src'),
    });
  }
}
