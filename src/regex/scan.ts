// Run a rule's regular expression over a document in bounded windows.
//
// NOTE: why windows. A backtracking regex engine retried at every start position costs, in
// the worst case, (text length) × (how far one attempt can scan). Rule patterns are checked
// when loaded (regex/safety.ts refuses the exponential shapes), but a pattern that is
// fine on prose can still scan to the end of the text from every position of a long
// adversarial line — "a%a%a%…" for an e-mail pattern, a run of spaces for an unbounded
// lookbehind — and a 1 MB line then takes minutes. Here every execution sees at most
// BEFORE + WINDOW + AFTER characters, so one attempt scans at most that far and a pass over
// the document is linear in its length, whatever the pattern.
//
// Semantics are those of one global exec loop over the whole text for every match that is
// at most AFTER characters long and whose lookbehind needs at most BEFORE characters. A
// window owns the matches that start in it; it sees BEFORE characters of context before it
// (for lookbehinds) and AFTER characters after it (for matches and lookaheads that run on);
// the scan resumes where the last match ended, exactly as a global regex does. A window
// that stops short of the end of the text ends in a sentinel, so `$` and lookaheads like
// `(?=\s*$)` never take the cut for the end of the document. A match that runs into the
// sentinel (only one longer than AFTER can) is kept, cut at the window's end: windows never
// lose a finding, at worst they shorten a very long one.
import type { Span } from '../documents/document.js';

/** Characters each window owns (matches starting here are its to report). */
export const WINDOW = 1024;
/** Context before a window, for lookbehinds. */
export const BEFORE = 256;
/** Context after a window: the longest match (and lookahead) that is always exact. */
export const AFTER = 512;

export interface WindowSizes {
  window: number;
  before: number;
  after: number;
}

export interface Window {
  /** Owned range [start, own). */
  start: number;
  own: number;
  /** Offset of chunk[0] in the text, and where the real text in chunk ends. */
  base: number;
  end: number;
  chunk: string;
  /** Long white-space runs shortened in chunk (see SPACE_RUN), in order. */
  cuts: Cut[];
}

interface Cut {
  /** Where the shortened middle of a run sits in chunk, and its length there. */
  at: number;
  len: number;
  /** Where the removed middle was in the text, and its length. */
  orig: number;
  origLen: number;
}

/**
 * White-space runs, and runs of one repeated character, longer than this are kept as their
 * first and last SPACE_KEEP characters (and a line break or two when a white-space run's
 * middle had them). NOTE: a pattern with several quantifiers in a row over the same
 * characters (`\s*(?:you)?\s*(?:both)?\s*(?:at|for)`, `\w*[\w-]*`) backtracks
 * polynomially on a long run of one character, and prose has long white-space runs wherever
 * markup was blanked (an HTML comment, a long tag). No real match needs more than a few
 * dozen spaces, or the same character 64 times over.
 */
export const SPACE_RUN = 64;
const SPACE_KEEP = 32;

/** NUL: not a letter, digit, space or line break, and keeps a Latin-1 chunk one byte wide. */
const SENTINEL = '\0';

/** Cut a text into windows (computed once per document and shared by every pattern). */
export function windowsOf(
  text: string,
  sizes: WindowSizes = { window: WINDOW, before: BEFORE, after: AFTER },
): Window[] {
  const out: Window[] = [];
  const n = text.length;
  const runs = longRuns(text);
  let r = 0;
  for (let start = 0; start < n; start += sizes.window) {
    const own = Math.min(n, start + sizes.window);
    const base = Math.max(0, start - sizes.before);
    const end = Math.min(n, own + sizes.after);
    const cuts: Cut[] = [];
    let removed = 0;
    // only a chunk that a long run reaches into can hold a LONG_RUN match
    while (r < runs.length && runs[r + 1] <= base) r += 2;
    if (r >= runs.length || runs[r] >= end) {
      const raw = text.slice(base, end);
      out.push({ start, own, base, end, chunk: end < n ? `${raw}${SENTINEL}` : raw, cuts });
      continue;
    }
    const raw = text.slice(base, end).replace(LONG_RUN, (run: string, _c: string | undefined, at: number) => {
      const middle = run.slice(SPACE_KEEP, run.length - SPACE_KEEP);
      const breaks = _c === undefined ? (middle.match(/\r\n|\r|\n/g) ?? []).length : 0;
      const repl = breaks >= 2 ? '\n\n' : breaks === 1 ? '\n' : '';
      cuts.push({
        at: at - removed + SPACE_KEEP,
        len: repl.length,
        orig: base + at + SPACE_KEEP,
        origLen: middle.length,
      });
      removed += middle.length - repl.length;
      return run.slice(0, SPACE_KEEP) + repl + run.slice(run.length - SPACE_KEEP);
    });
    out.push({ start, own, base, end, chunk: end < n ? `${raw}${SENTINEL}` : raw, cuts });
  }
  return out;
}

const LONG_RUN = new RegExp(`\\s{${SPACE_RUN + 1},}|(\\S)\\1{${SPACE_RUN},}`, 'g');

/** Is this UTF-16 code unit white space as `\s` (without the u flag) reads it? */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && isWideSpace(c));
}
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Where the text has a run longer than SPACE_RUN of white space, or of one repeated
 * character: [start, end) pairs, flattened, in order. Every LONG_RUN match lies inside one of
 * them, so a chunk that none reaches into is kept as it is (one pass of a few comparisons per
 * character, instead of the regex over every window).
 */
export function longRuns(text: string): number[] {
  const out: number[] = [];
  let spaceFrom = -1;
  let sameFrom = 0;
  // runs are found in the order they end; a white-space run may start before a run found earlier
  const push = (from: number, to: number): void => {
    while (out.length && out[out.length - 1] >= from) {
      to = Math.max(to, out.pop()!);
      from = Math.min(from, out.pop()!);
    }
    out.push(from, to);
  };
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    const space = c >= 0 && isSpace(c);
    if (space && spaceFrom < 0) spaceFrom = i;
    if (!space && spaceFrom >= 0) {
      if (i - spaceFrom > SPACE_RUN) push(spaceFrom, i);
      spaceFrom = -1;
    }
    if (i === text.length || c !== text.charCodeAt(sameFrom)) {
      if (i - sameFrom > SPACE_RUN) push(sameFrom, i);
      sameFrom = i;
    }
  }
  return out;
}

/** Chunk index → text offset. */
function toText(w: Window, ci: number): number {
  let delta = 0;
  for (const c of w.cuts) {
    if (ci < c.at) break;
    if (ci < c.at + c.len) return c.orig + Math.min(ci - c.at, c.origLen);
    delta += c.origLen - c.len;
  }
  return w.base + ci + delta;
}

/** Text offset → chunk index. */
function toChunk(w: Window, offset: number): number {
  let delta = 0;
  for (const c of w.cuts) {
    if (offset < c.orig) break;
    if (offset < c.orig + c.origLen) return c.at + Math.min(offset - c.orig, c.len);
    delta += c.origLen - c.len;
  }
  return offset - w.base - delta;
}

/**
 * Every match of a global regex (`g`, plus `d` when `group` is given) in a text, as a
 * global exec loop over the whole text finds them (see the note above for the bound).
 * `group` names a capture group whose span is reported instead of the whole match; matches
 * where it did not take part are skipped. Empty matches are skipped.
 */
export function scanWindows(re: RegExp, text: string | Window[], group?: string): Span[] {
  const windows = typeof text === 'string' ? windowsOf(text) : text;
  const out: Span[] = [];
  let resume = 0; // where the whole-text scan would go on
  for (const w of windows) resume = scanWindow(re, w, resume, group, out);
  return out;
}

/**
 * One window's part of scanWindows: the matches starting in it at or after `resume`,
 * appended to `out`; returns where the whole-text scan goes on. (regex/regex-scan.ts skips
 * windows that cannot hold a match, and calls this for the others.)
 */
export function scanWindow(re: RegExp, w: Window, resume: number, group: string | undefined, out: Span[]): number {
  const from = Math.max(w.start, resume);
  if (from >= w.own) return resume;
  re.lastIndex = toChunk(w, from);
  let m: RegExpExecArray | null;
  while ((m = re.exec(w.chunk))) {
    const ms = toText(w, m.index);
    if (ms >= w.own) break; // the next window owns it, and sees more after it
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    resume = record(w, m, ms, group, out);
    if (resume >= w.own) break;
  }
  return resume;
}

/** Add a match found in a window's chunk (at text offset `ms`); returns its end in the text. */
export function record(w: Window, m: RegExpExecArray, ms: number, group: string | undefined, out: Span[]): number {
  const me = Math.min(toText(w, m.index + m[0].length), w.end);
  if (group) {
    const idx = m.indices?.groups?.[group];
    const gs = idx ? toText(w, idx[0]) : -1;
    const ge = idx ? Math.min(toText(w, idx[1]), w.end) : -1;
    if (gs >= 0 && ge > gs) out.push({ start: gs, end: ge });
  } else {
    out.push({ start: ms, end: me });
  }
  return me;
}
