// A draft as the rules see it: the original text; a same-length "prose" in which everything
// a reader would not see (Markdown syntax, unpublished front matter, HTML tags, directive
// comments) is blanked to spaces; the reader's "view" that rules match (markup joined,
// entities decoded, characters normalised; view.ts maps it back to the text); and the block
// structure. Offsets in a Document (blocks, images, comments, findings) are into `text`.
import type { DraftKind } from '../types.js';
import { LineIndex, type Span } from './position.js';
import type { View } from './view.js';

export type { Span };

export interface Comment extends Span {
  /** Comment body without the delimiters. */
  body: string;
}

export interface Problem extends Span {
  message: string;
}

export interface Document {
  path: string;
  format: 'md' | 'txt';
  /** File content without a BOM; offsets point into this. */
  text: string;
  /** Same length as text; hidden characters are spaces, line breaks kept. */
  prose: string;
  /** What rules match: the text as a reader sees it, normalised, mapped back to `text` (view.ts). */
  view: View;
  lines: LineIndex;
  /** Blocks (paragraphs, headings, list items, table cells, code blocks) in order. */
  blocks: Span[];
  /** Markdown images, whole `![alt](src)`. */
  images: (Span & { alt: string; src: string })[];
  /** HTML comments (Markdown) or comment lines (text): where directives live. */
  comments: Comment[];
  frontMatter: Record<string, unknown>;
  frontMatterSpan?: Span;
  problems: Problem[];
  kind: DraftKind;
  /** The review or comment this reply answers (front matter `in-reply-to:` or --in-reply-to). */
  review?: string;
}

/** Build the prose view: characters outside `visible` become spaces, line breaks stay. */
export function buildProse(text: string, visible: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let j = i;
    if (visible[i]) {
      while (j < n && visible[j]) j++;
      parts.push(text.slice(i, j));
    } else {
      while (j < n && !visible[j]) j++;
      parts.push(text.slice(i, j).replace(/[^\r\n]/g, ' '));
    }
    i = j;
  }
  return parts.join('');
}
