// Bytes → Document: decoding (BOM, UTF-16, invalid UTF-8) and format detection.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { DraftKind } from '../types.js';
import type { Document } from './document.js';
import { parseMarkdown } from './markdown.js';
import { parseText } from './text.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mdx'];

export function formatOf(path: string): 'md' | 'txt' {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((e) => lower.endsWith(e)) ? 'md' : 'txt';
}

export class BinaryFileError extends Error {}

/** Decode a file's bytes. UTF-8 (BOM optional) or UTF-16 with a BOM; binary is refused. */
export function decode(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const probe = buf.subarray(0, 8000);
  if (probe.includes(0)) throw new BinaryFileError('binary file (contains NUL bytes)');
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

export interface ParseOptions {
  /** Review text to use when the draft's front matter names none. */
  review?: string;
}

export function parseDocument(path: string, text: string, kind: DraftKind, format = formatOf(path), opts: ParseOptions = {}): Document {
  const body = format === 'md' ? parseMarkdown(path, text) : parseText(path, text);
  const fmKind = body.frontMatter.kind;
  const resolvedKind: DraftKind = fmKind === 'reply' || fmKind === 'post' ? fmKind : kind;
  return { ...body, kind: resolvedKind, review: reviewOf(path, body.frontMatter['in-reply-to']) ?? opts.review };
}

/** `in-reply-to:` is the review's text, or the path of a file holding it (relative to the draft). */
function reviewOf(path: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value.trim();
  if (!v.includes('\n') && v.length < 300 && /\.(?:md|markdown|txt)$/i.test(v)) {
    const file = isAbsolute(v) ? v : join(dirname(path), v);
    try {
      return decode(readFileSync(file));
    } catch {
      return undefined;
    }
  }
  return v;
}
