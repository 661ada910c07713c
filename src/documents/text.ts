// Plain-text drafts: every character is prose; blocks are paragraphs between blank lines.
import type { Comment, Document, Span } from './document.js';
import { LineIndex } from './position.js';

/** Plain-text directive lines: `# phi-lint-…`, `// phi-lint-…` or `[phi-lint-…]`. */
const COMMENT_LINE = /^[ \t]*(?:#|\/\/|\[)[ \t]*(phi-lint-[^\r\n]*?)\]?[ \t]*$/gm;

const EMPHASIS = /(?<=^|[\s(["'])(?:\*{1,3}|_{2})(?=[^\s*_])|(?<=[^\s*_])(?:\*{1,3}|_{2})(?=$|[\s)\].,!?:;"'])/gm;

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
  // Emphasis markers pasted into plain text ("**Ava M.**") are not prose: blank them so
  // they do not break matching. Positions stay put.
  let prose = text.replace(EMPHASIS, (m) => ' '.repeat(m.length));
  COMMENT_LINE.lastIndex = 0;
  while ((m = COMMENT_LINE.exec(text))) {
    comments.push({ start: m.index, end: m.index + m[0].length, body: m[1] });
  }
  if (comments.length) {
    // directive lines are instructions to the linter, not prose
    const chars = prose.split('');
    for (const c of comments) for (let i = c.start; i < c.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    prose = chars.join('');
  }
  return {
    path,
    format: 'txt',
    text,
    prose,
    lines: new LineIndex(text),
    blocks,
    images: [],
    comments,
    frontMatter: {},
    problems: [],
  };
}
