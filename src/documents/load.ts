// Bytes → Document: decoding (BOM, UTF-16, invalid UTF-8) and format detection.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { DraftKind } from '../types.js';
import type { Document } from './document.js';
import { parseMarkdown } from './markdown.js';
import { parseText } from './text.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mdx'];

/**
 * Images, media, archives and office binaries: never drafts, even when a glob matches them
 * or they are named on the command line. (An SVG is XML text, but it is an image: its text
 * is drawing instructions, not prose.)
 */
export const BINARY_EXTENSIONS = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.tif', '.tiff', '.ico', '.heic', '.heif', '.avif', '.svg', '.psd', '.raw',
  '.mp3', '.wav', '.m4a', '.aac', '.ogg', '.flac', '.mp4', '.m4v', '.mov', '.avi', '.mkv', '.webm',
  '.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.key', '.pages', '.numbers',
  '.zip', '.gz', '.tgz', '.bz2', '.xz', '.7z', '.rar', '.tar',
  '.woff', '.woff2', '.ttf', '.otf', '.eot', '.exe', '.dll', '.so', '.dylib', '.wasm', '.bin', '.class', '.jar',
]);

export function formatOf(path: string): 'md' | 'txt' {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((e) => lower.endsWith(e)) ? 'md' : 'txt';
}

/** The reason a path is never linted because of its extension, else undefined. */
export function binaryByName(path: string): string | undefined {
  const m = /(\.[A-Za-z0-9]+)$/.exec(path);
  const ext = m?.[1].toLowerCase();
  return ext && BINARY_EXTENSIONS.has(ext) ? `${ext.slice(1)} files are not drafts (image, media or binary file)` : undefined;
}

export class BinaryFileError extends Error {}

export interface Decoded {
  text: string;
  /** Set when the bytes were not clean UTF-8/UTF-16: what was done about it. */
  notice?: string;
}

// Windows-1252 bytes 0x80–0x9F (where it differs from ISO-8859-1); U+FFFD for the five unused.
const CP1252_HIGH = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';
// A well-formed UTF-8 multi-byte sequence, seen through a latin1 view of the bytes.
const UTF8_MULTIBYTE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf16(buf: Buffer, bigEndian: boolean): string {
  // An odd trailing byte cannot be a UTF-16 unit: drop it (swap16 would throw on it).
  const body = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
  if (bigEndian) body.swap16();
  const text = body.toString('utf16le');
  // U+0000 does not occur in text; UTF-32 and binaries that happen to start with FF FE do.
  if (text.includes('\0')) throw new BinaryFileError('binary file (contains NUL characters)');
  return text;
}

/**
 * Decode a file's bytes. UTF-8 (BOM optional) or UTF-16 with a BOM; binary is refused.
 * Bytes that are not UTF-8 are never dropped silently: a file with no UTF-8 multi-byte
 * sequence at all is a legacy 8-bit file (Windows-1252, a superset of Latin-1 — what older
 * editors and Word exports write) and is read as such, so "José" stays "José"; otherwise the
 * bad bytes become U+FFFD. Both cases carry a notice. Offsets are into the decoded text.
 */
export function decodeDraft(buf: Buffer): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: decodeUtf16(buf, false) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: decodeUtf16(buf, true) };
  const probe = buf.subarray(0, 8000);
  if (probe.includes(0)) throw new BinaryFileError('binary file (contains NUL bytes)');
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return { text: strictUtf8.decode(body) };
  } catch {
    // not valid UTF-8: see below
  }
  const latin1 = body.toString('latin1');
  if (!UTF8_MULTIBYTE.test(latin1)) {
    const text = latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
    return { text, notice: 'not valid UTF-8; read as Windows-1252 (Latin-1). Save it as UTF-8 to be sure' };
  }
  const text = body.toString('utf8');
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
  bad -= (latin1.match(/\xEF\xBF\xBD/g) ?? []).length; // genuine U+FFFD characters in the file
  return { text, notice: `not valid UTF-8; ${Math.max(1, bad)} invalid byte sequence${bad === 1 ? '' : 's'} read as U+FFFD (\uFFFD). Save it as UTF-8 to be sure` };
}

/** Decode a file's bytes to text (see decodeDraft). */
export function decode(buf: Buffer): string {
  return decodeDraft(buf).text;
}

export interface ParseOptions {
  /** Review text to use when the draft's front matter names none. */
  review?: string;
  /** The kind was set by --kind or the config's kinds: globs: front matter `kind:` does not change it. */
  kindFixed?: boolean;
  /** Which files front matter `in-reply-to:` may name (default: any); src/config/repo-root.ts. */
  mayRead?: (file: string) => boolean;
}

export function parseDocument(path: string, text: string, kind: DraftKind, format = formatOf(path), opts: ParseOptions = {}): Document {
  const body = format === 'md' ? parseMarkdown(path, text) : parseText(path, text);
  const fmKind = body.frontMatter.kind;
  const resolvedKind: DraftKind = !opts.kindFixed && (fmKind === 'reply' || fmKind === 'post') ? fmKind : kind;
  const review = reviewOf(path, body.frontMatter['in-reply-to'], opts.mayRead);
  const message = 'in-reply-to: names a file outside the repository; it is not read.';
  if (review === OUTSIDE) body.problems.push({ ...(body.frontMatterSpan ?? { start: 0, end: 0 }), message });
  return { ...body, kind: resolvedKind, review: (review === OUTSIDE ? undefined : review) ?? opts.review };
}

/** reviewOf's answer for a file outside the repository. */
const OUTSIDE: unique symbol = Symbol('outside');

/** `in-reply-to:` is the review's text, or the path of a file holding it (relative to the draft). */
function reviewOf(path: string, value: unknown, mayRead?: (f: string) => boolean): string | typeof OUTSIDE | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value.trim();
  if (!v.includes('\n') && v.length < 300 && /\.(?:md|markdown|txt)$/i.test(v)) {
    const file = isAbsolute(v) ? v : join(dirname(path), v);
    if (mayRead && !mayRead(file)) return OUTSIDE;
    try {
      return decode(readFileSync(file));
    } catch {
      return undefined;
    }
  }
  return v;
}
