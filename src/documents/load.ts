// Bytes → Document: decoding (BOM, UTF-16, invalid UTF-8) and format detection.
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
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.bmp',
  '.tif',
  '.tiff',
  '.ico',
  '.heic',
  '.heif',
  '.avif',
  '.svg',
  '.psd',
  '.raw',
  '.mp3',
  '.wav',
  '.m4a',
  '.aac',
  '.ogg',
  '.flac',
  '.mp4',
  '.m4v',
  '.mov',
  '.avi',
  '.mkv',
  '.webm',
  '.pdf',
  '.doc',
  '.docx',
  '.rtf',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.key',
  '.pages',
  '.numbers',
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.7z',
  '.rar',
  '.tar',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.eot',
  '.exe',
  '.dll',
  '.so',
  '.dylib',
  '.wasm',
  '.bin',
  '.class',
  '.jar',
]);

/**
 * Documents a draft may be written in but phi-lint cannot read: named on the command line,
 * they are an error with a hint to export the text (images and media named there, as a
 * pre-commit hook names every staged file, are skipped with a notice).
 */
export const DOCUMENT_EXTENSIONS = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.rtf',
  '.odt',
  '.pages',
  '.key',
  '.ppt',
  '.pptx',
]);

/** Is this path a document in a format phi-lint cannot read (a Word file, a PDF)? */
export function unreadableDocument(path: string): boolean {
  const m = /(\.[A-Za-z0-9]+)$/.exec(path);
  return !!m && DOCUMENT_EXTENSIONS.has(m[1].toLowerCase());
}

export function formatOf(path: string): 'md' | 'txt' {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((e) => lower.endsWith(e)) ? 'md' : 'txt';
}

/** The reason a path is never linted because of its extension, else undefined. */
export function binaryByName(path: string): string | undefined {
  const m = /(\.[A-Za-z0-9]+)$/.exec(path);
  const ext = m?.[1].toLowerCase();
  return ext && BINARY_EXTENSIONS.has(ext)
    ? `${ext.slice(1)} files are not drafts (image, media or binary file)`
    : undefined;
}

/** The bytes are not text (an image or other binary saved under a draft's name). */
export class BinaryFileError extends Error {}

export interface Decoded {
  text: string;
  /** Set when the bytes were not clean UTF-8/UTF-16 with a BOM: what was done about it. */
  notice?: string;
}

// Windows-1252 bytes 0x80–0x9F (where it differs from ISO-8859-1); U+FFFD for the five unused.
const CP1252_HIGH = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';
// A well-formed UTF-8 multi-byte sequence, seen through a latin1 view of the bytes.
const UTF8_MULTIBYTE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** How much of a file is sampled to tell its encoding, or binary from text. */
const SAMPLE = 64 * 1024;
/** C0 controls text never holds (tab, line breaks, form feed, escape and DOS's end-of-file mark are fine). */
const BINARY_CONTROL = /[\x01-\x08\x0E-\x1A\x1C-\x1F]/g;

type Wide = 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

function decodeUtf16(body: Buffer, bigEndian: boolean): string {
  // An odd trailing byte cannot be a UTF-16 unit: drop it (swap16 would throw on it).
  const even = Buffer.from(body.subarray(0, body.length & ~1));
  if (bigEndian) even.swap16();
  return even.toString('utf16le');
}

function decodeUtf32(body: Buffer, bigEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 4 <= body.length; i += 4) {
    const cp = bigEndian ? body.readUInt32BE(i) : body.readUInt32LE(i);
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
  }
  return out;
}

/**
 * UTF-16 or UTF-32 without a BOM, told by where its zero bytes fall: in text that is mostly
 * Latin script, UTF-16LE has a zero in nearly every second byte (UTF-16BE in every first),
 * and every UTF-32 unit has a zero high byte. Undefined when the bytes do not look like one.
 */
function sniffWide(sample: Buffer): Wide | undefined {
  let le = sample.length >= 4;
  let be = le;
  let letters = 0;
  for (let i = 0; i + 4 <= sample.length && (le || be); i += 4) {
    const cpLe = sample.readUInt32LE(i);
    const cpBe = sample.readUInt32BE(i);
    if (cpLe > 0x10ffff || (cpLe >= 0xd800 && cpLe <= 0xdfff)) le = false;
    if (cpBe > 0x10ffff || (cpBe >= 0xd800 && cpBe <= 0xdfff)) be = false;
    if (cpLe !== 0) letters++;
  }
  if (le !== be && letters) return le ? 'UTF-32LE' : 'UTF-32BE';
  const pairs = sample.length >> 1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (oddZeros * 4 >= pairs && evenZeros * 8 < oddZeros) return 'UTF-16LE';
  if (evenZeros * 4 >= pairs && oddZeros * 8 < evenZeros) return 'UTF-16BE';
  return undefined;
}

function decodeWide(body: Buffer, wide: Wide): string {
  return wide.startsWith('UTF-16') ? decodeUtf16(body, wide === 'UTF-16BE') : decodeUtf32(body, wide === 'UTF-32BE');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const SAVE_AS_UTF8 = 'Save it as UTF-8 to be sure';
const NO_NUL = '(text holds none)';

/** Text with its NUL characters removed, and how many there were. */
function withoutNul(text: string): { text: string; removed: number } {
  if (!text.includes('\0')) return { text, removed: 0 };
  const out = text.replace(/\0/g, '');
  return { text: out, removed: text.length - out.length };
}

/** Refuse text that is mostly not text: control characters no editor writes. */
function refuseBinary(sample: string): void {
  const controls = sample.match(BINARY_CONTROL)?.length ?? 0;
  if (controls * 100 > sample.length) throw new BinaryFileError('binary file (control bytes no text holds)');
}

/** UTF-8 (BOM optional) or, failing that, Windows-1252 or UTF-8 with U+FFFD; NUL bytes already gone. */
function decodeNarrow(body: Buffer): Decoded {
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
  return {
    text,
    notice: `not valid UTF-8; ${Math.max(1, bad)} invalid byte sequence${bad === 1 ? '' : 's'} read as U+FFFD (\uFFFD). Save it as UTF-8 to be sure`,
  };
}

const BOMS: [number[], Wide][] = [
  [[0xff, 0xfe, 0, 0], 'UTF-32LE'], // before UTF-16LE, whose BOM it starts with
  [[0, 0, 0xfe, 0xff], 'UTF-32BE'],
  [[0xff, 0xfe], 'UTF-16LE'],
  [[0xfe, 0xff], 'UTF-16BE'],
];

/**
 * Decode a file's bytes. UTF-8 (BOM optional); UTF-16 or UTF-32, with a BOM or told by its
 * zero bytes without one. A NUL byte never makes a draft "binary": NUL characters are removed
 * (so one cannot hide a value, "404-555\0-0187") and the text is linted, with a notice; only
 * bytes that are not text at all (control characters no editor writes) are refused, with a
 * BinaryFileError. Bytes that are not UTF-8 are never dropped silently: a file with no UTF-8
 * multi-byte sequence at all is a legacy 8-bit file (Windows-1252, a superset of Latin-1 —
 * what older editors and Word exports write) and is read as such, so "José" stays "José";
 * otherwise the bad bytes become U+FFFD. Every such case carries a notice. Offsets are into
 * the decoded text.
 */
export function decodeDraft(buf: Buffer): Decoded {
  const notices: string[] = [];
  let text: string;
  const bom = BOMS.find(([bytes]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b));
  const sample = buf.subarray(0, SAMPLE);
  const wide = bom || !sample.includes(0) ? undefined : sniffWide(sample);
  if (bom) {
    text = decodeWide(buf.subarray(bom[0].length), bom[1]);
    if (bom[1].startsWith('UTF-32')) notices.push(`read as ${bom[1]} (by its byte-order mark). ${SAVE_AS_UTF8}`);
  } else if (wide) {
    text = decodeWide(buf, wide);
    notices.push(`no byte-order mark, but its zero bytes say ${wide}; read as ${wide}. ${SAVE_AS_UTF8}`);
  } else {
    const nul = buf.indexOf(0) < 0 ? buf : Buffer.from(buf.filter((b) => b !== 0));
    const body = nul.length >= 3 && nul[0] === 0xef && nul[1] === 0xbb && nul[2] === 0xbf ? nul.subarray(3) : nul;
    refuseBinary(body.subarray(0, SAMPLE).toString('latin1'));
    const narrow = decodeNarrow(body);
    text = narrow.text;
    if (narrow.notice) notices.push(narrow.notice);
    const removed = buf.length - nul.length;
    if (removed) notices.unshift(`${plural(removed, 'NUL byte')} removed before linting ${NO_NUL}`);
    return { text, ...(notices.length ? { notice: notices.join('; ') } : {}) };
  }
  refuseBinary(text.slice(0, SAMPLE));
  const stripped = withoutNul(text);
  if (stripped.removed) notices.push(`${plural(stripped.removed, 'NUL character')} removed before linting ${NO_NUL}`);
  return { text: stripped.text, ...(notices.length ? { notice: notices.join('; ') } : {}) };
}

/** Decode a file's bytes to text (see decodeDraft). */
export function decode(buf: Buffer): string {
  return decodeDraft(buf).text;
}

/**
 * What front matter `in-reply-to:` names (a file, or `EXPORT#ID`), read: the review's text, or
 * why it was not read (src/run/reply-review.ts). Never the review's text in a problem.
 */
export type ReviewReader = (ref: string) => { review: string } | { problem: string };

export interface ParseOptions {
  /** The review given on the command line (--in-reply-to): it wins over front matter `in-reply-to:`. */
  review?: string;
  /** Front matter keys whose values are not published (config `front-matter.unpublished`). */
  unpublished?: readonly string[];
  /** The kind was set by --kind or the config's kinds: globs: front matter `kind:` does not change it. */
  kindFixed?: boolean;
  /** Reads a file front matter `in-reply-to:` names; without it no file is read. */
  readReview?: ReviewReader;
}

export function parseDocument(
  path: string,
  text: string,
  kind: DraftKind,
  format = formatOf(path),
  opts: ParseOptions = {},
): Document {
  const body = format === 'md' ? parseMarkdown(path, text, { unpublished: opts.unpublished }) : parseText(path, text);
  const fmKind = body.frontMatter.kind;
  const fromFrontMatter = fmKind === 'reply' || fmKind === 'post' || fmKind === 'comment';
  const resolvedKind: DraftKind = !opts.kindFixed && fromFrontMatter ? fmKind : kind;
  // the command line wins: front matter is then not read at all
  const found = opts.review === undefined ? reviewOf(body.frontMatter['in-reply-to'], opts.readReview) : {};
  if ('problem' in found) {
    const span = inReplyToLine(text, body.frontMatterSpan) ?? body.frontMatterSpan ?? { start: 0, end: 0 };
    body.problems.push({ ...span, message: `in-reply-to: ${found.problem}` });
  }
  const review = opts.review ?? ('review' in found ? found.review : undefined);
  return { ...body, kind: resolvedKind, review };
}

/** A file `in-reply-to:` names: `review.txt`, `../reviews/export.csv#123` (one line, with a known extension). */
const REFERENCE = /^[^\n]{1,299}\.(?:md|markdown|txt|csv|tsv|jsonl|ndjson|json)(?:#[^\s#]+)?$/i;

/** `in-reply-to:` is the review's text, or a reference to a file holding it (read by `read`). */
function reviewOf(value: unknown, read?: ReviewReader): { review?: string } | { problem: string } {
  if (typeof value !== 'string' || !value.trim()) return {};
  const v = value.trim();
  if (!REFERENCE.test(v)) return { review: v };
  return read ? read(v) : {};
}

/** The `in-reply-to:` line of the front matter (YAML, TOML or JSON), for a problem's place. */
function inReplyToLine(
  text: string,
  fm: { start: number; end: number } | undefined,
): { start: number; end: number } | undefined {
  if (!fm) return undefined;
  const m = /^[ \t]*(["']?in-reply-to["']?[ \t]*[:=][^\r\n]*)/m.exec(text.slice(fm.start, fm.end));
  if (!m) return undefined;
  const start = fm.start + m.index + m[0].length - m[1].length;
  return { start, end: start + m[1].length };
}
