// Plain-text drafts: every character is prose; blocks are paragraphs between blank lines.
import { buildProse, type Comment, type Document, type Span } from './document.js';
import { LineIndex } from './position.js';
import { View } from './view.js';

/** Plain-text directive lines: `# phi-lint-…`, `// phi-lint-…` or `[phi-lint-…]`. */
const COMMENT_LINE = /^[ \t]*(?:#|\/\/|\[)[ \t]*(phi-lint-[^\r\n]*?)\]?[ \t]*$/gm;

// At a word's edge, or (doubled) inside one: "**Ava M.**", "404-**555**-0187".
const EMPHASIS =
  /(?<=^|[\s(["'])(?:\*{1,3}|_{2})(?=[^\s*_])|(?<=[^\s*_])(?:\*{1,3}|_{2})(?=$|[\s)\].,!?:;"'])|(?<=[^\s*_])(?:\*{2,3}|_{2})(?=[^\s*_])/gm;

export function parseText(path: string, text: string): Omit<Document, 'kind'> {
  const blocks: Span[] = [];
  // A CRLF is one line break, never the "\r" then "\n" of a blank line.
  const re = /[^\r\n](?:[\s\S]*?)(?=(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    blocks.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  const comments: Comment[] = [];
  // Emphasis markers pasted into plain text ("**Ava M.**") are not prose: hidden, so they
  // do not break matching. Directive lines are instructions to the linter, not prose.
  let visible: Uint8Array | undefined;
  const hide = (from: number, to: number): void => {
    visible ??= new Uint8Array(text.length).fill(1);
    for (let i = from; i < to; i++) if (text[i] !== '\n' && text[i] !== '\r') visible[i] = 0;
  };
  if (text.includes('*') || text.includes('__')) {
    EMPHASIS.lastIndex = 0;
    while ((m = EMPHASIS.exec(text))) hide(m.index, m.index + m[0].length);
  }
  COMMENT_LINE.lastIndex = 0;
  while ((m = COMMENT_LINE.exec(text))) {
    comments.push({ start: m.index, end: m.index + m[0].length, body: m[1] });
    hide(m.index, m.index + m[0].length);
  }
  const prose = visible ? buildProse(text, visible) : text;
  return {
    path,
    format: 'txt',
    text,
    prose,
    view: View.build(text, visible),
    lines: new LineIndex(text),
    blocks,
    images: [],
    comments,
    frontMatter: {},
    problems: [],
  };
}
