// The parts of the built-in vocabularies' word indexes (term-index.ts), computed when phi-lint
// is built and stored in dist/term-indexes.json, keyed by a hash of the options and terms:
// sorting tens of thousands of terms into one-word keys, plurals and phrases cost tens of
// milliseconds at every start, more than anything else in loading the rules. Any other list
// (a user's pack, or a built-in one edited since the build) is sorted as it is loaded.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { termIndexParts, type TermIndexOptions, type TermIndexParts } from './term-index.js';

export const STORED_TERM_INDEXES = new URL('../term-indexes.json', import.meta.url);
/** Changes when the parts' layout or their computation does (a store made by another version is not used). */
const FORMAT = 2;

let stored: Record<string, TermIndexParts> | undefined;
/** The parts this process used, stored or computed (what the build stores). */
const used = new Map<string, TermIndexParts>();

function storedParts(): Record<string, TermIndexParts> {
  if (stored) return stored;
  try {
    const s = JSON.parse(readFileSync(STORED_TERM_INDEXES, 'utf8')) as { format: number; parts: typeof stored };
    stored = s.format === FORMAT && s.parts ? s.parts : {};
  } catch {
    stored = {}; // not built, or unreadable: compute every index
  }
  return stored;
}

/** A term list's index parts: from the build's store when it holds this list with these options. */
export function indexParts(key: string, terms: string[], opts: TermIndexOptions): TermIndexParts {
  const hash = createHash('sha256').update(`${FORMAT}\0${key}`).digest('base64');
  const parts = storedParts()[hash] ?? used.get(hash) ?? termIndexParts(terms, opts);
  used.set(hash, parts);
  return parts;
}

/** The index parts this process used, for the build to store. */
export function usedIndexParts(): { format: number; parts: Record<string, TermIndexParts> } {
  return { format: FORMAT, parts: Object.fromEntries(used) };
}
