// The second pass of the reader's view (view.ts): where the writer split a value.
import type { Span } from './position.js';

// Second pass: what a writer split on purpose or by accident.
// - a line break inside a number, e-mail or web address ("404-555-" / "0187"): dropped after
//   a joining character ("-", "@", "_", "/", or "." between digits), a space between two digits;
// - digits spaced or dotted out one by one ("4 0 4 5 5 5 0 1 8 7"): joined;
// - emphasis characters Markdown leaves as they are, inside a number ("404**-5**55"): dropped;
// - letters standing in for digits inside a number ("4O4-555-Ol87"), numbers spelled out
//   word by word ("four oh four, five five five…") and words typed letter by letter
//   ("S a r a h"): read as the number or word;
// - digits standing in for letters inside a word ("Sar4h", "ch3mo"): read as the letters.
// (Addresses spelled out, "jane [at] mail [dot] com", are the phi/email-obfuscated rule's.)
const ALNUM = /[\p{L}\p{N}]/u;
const JOINERS = '-@_/';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export interface Edit extends Span {
  text: string;
}

/** Where the writer split a value (see above), as edits of the first pass's text. */
export function splits(text: string): Edit[] {
  const edits: Edit[] = [];
  // line breaks (found by the break itself, then widened over the blanks around it: a
  // pattern that starts with blanks would be quadratic on a long run of spaces)
  const breaks = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = breaks.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
    const prev = text[s - 1];
    const next = text[e];
    if (prev === undefined || next === undefined || !ALNUM.test(next)) continue;
    if (
      (JOINERS.includes(prev) && ALNUM.test(text[s - 2] ?? '')) ||
      (prev === '.' && isDigit(text[s - 2]) && isDigit(next))
    ) {
      edits.push({ start: s, end: e, text: '' });
    } else if (isDigit(prev) && isDigit(next)) edits.push({ start: s, end: e, text: ' ' });
  }
  // digits one by one, with or without their separators ("4 0 4 5 5 5", "0 7 8 - 0 5 - 1 1 2 0")
  const spacedOut = /\d(?:(?:[ .]| ?[-/] ?)\d){6,40}/g;
  while ((m = spacedOut.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (isDigit(text[s - 1]) || isDigit(text[e])) continue;
    for (let i = s + 1; i < e; i++) {
      const c = text[i];
      if (c === ' ' || (c === '.' && isDigit(text[i - 1]) && isDigit(text[i + 1])))
        edits.push({ start: i, end: i + 1, text: '' });
    }
  }
  // groups of digits with spaced separators: "03 / 12 / 1961", "404 - 555 - 0187"
  const spacedGroups = /\d+(?: ?[-/] ?\d+){2,4}/g;
  while ((m = spacedGroups.exec(text))) {
    if (!m[0].includes(' ')) continue;
    for (let i = m.index; i < m.index + m[0].length; i++)
      if (text[i] === ' ') edits.push({ start: i, end: i + 1, text: '' });
  }
  // emphasis characters left inside a number
  const marks = /[*_~`]+/g;
  while ((m = marks.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    const before = /[-.]/.test(text[s - 1] ?? '') ? text[s - 2] : text[s - 1];
    const after = /[-.]/.test(text[e] ?? '') ? text[e + 1] : text[e];
    if (isDigit(before) && isDigit(after)) edits.push({ start: s, end: e, text: '' });
  }
  lookAlikeDigits(text, edits);
  spelledDigits(text, edits);
  spacedLetters(text, edits);
  leetLetters(text, edits);
  return edits.sort((x, y) => x.start - y.start);
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
/** Words that have a digit inside them and mean it (lab tests, vitamins). */
const DIGIT_WORDS_KEPT =
  /^(?:h?b?a1c|hba1c|mp3|mp4|h2o|co2|b12|t3|t4|f2f|p2p|b2b|w2|w9|i9|g6pd|her2|brca[12]|covid19)$/i;

/**
 * Digits standing in for letters inside a word ("Sar4h Wh1tfield", "ch3mo"): read as the
 * letters (0 o, 1 i, 3 e, 4 a, 5 s, 7 t). Only a digit between two small letters, at most two
 * in a word of four or more characters, and not in words that mean their digits (A1c, B12).
 */
function leetLetters(text: string, edits: Edit[]): void {
  if (!/\p{Ll}[013457]\p{Ll}/u.test(text)) return;
  const word = /(?<![\p{L}\p{N}])[\p{L}\p{N}]{4,}(?![\p{L}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = word.exec(text))) {
    const w = m[0];
    const digits = w.replace(/\D/g, '');
    if (!digits.length || digits.length > 2 || DIGIT_WORDS_KEPT.test(w)) continue;
    // a hexadecimal group, or part of an address, a host or a code ("2001:c0de::1", "a1b2-c3d4")
    if (
      /^[0-9a-f]+$/i.test(w) ||
      /[:./@_#-]/.test(text[m.index - 1] ?? '') ||
      /[:./@_#-]/.test(text[m.index + w.length] ?? '')
    )
      continue;
    const at: number[] = [];
    for (let i = 1; i < w.length - 1; i++) {
      if (!LEET[w[i]]) continue;
      if (!/\p{Ll}/u.test(w[i - 1]) || !/\p{Ll}/u.test(w[i + 1])) break;
      at.push(i);
    }
    if (at.length !== digits.length) continue; // a digit at an end, or one that is no letter
    for (const i of at) edits.push({ start: m.index + i, end: m.index + i + 1, text: LEET[w[i]] });
  }
}

const LOOK_ALIKE_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1' };

/** Letters standing in for digits inside a number ("4O4-555-Ol87"): read as the digits. */
function lookAlikeDigits(text: string, edits: Edit[]): void {
  if (!/\d[ .()-]?[OoIl]|[OoIl][ .()-]?\d/.test(text)) return;
  const run = /[0-9OoIl][0-9OoIl() .-]{5,30}[0-9OoIl]/g; // bounded: retried from each start
  let m: RegExpExecArray | null;
  while ((m = run.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (ALNUM.test(text[s - 1] ?? '') || ALNUM.test(text[e] ?? '')) {
      run.lastIndex = s + 1;
      continue;
    }
    const digits = m[0].replace(/\D/g, '').length;
    const letters = m[0].replace(/[^OoIl]/g, '').length;
    // a number with a few letters in it, not words with a digit
    if (digits < 5 || !letters || letters * 2 > digits) continue;
    for (let i = s; i < e; i++) {
      const d = LOOK_ALIKE_DIGIT[text[i]];
      if (d) edits.push({ start: i, end: i + 1, text: d });
    }
  }
}

const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  o: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const SPELLED = new RegExp(`\\b${DIGIT_WORD}(?:[\\s,.-]{1,3}${DIGIT_WORD}){6,20}\\b`, 'gi');

/** A number spelled out word by word ("four oh four, five five five…"): read as digits, groups kept. */
function spelledDigits(text: string, edits: Edit[]): void {
  SPELLED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPELLED.exec(text))) {
    const base = m.index;
    const words = m[0].match(/[A-Za-z]+/g)!.map((w) => Number(DIGIT_WORDS[w.toLowerCase()]));
    if (words.every((d, i) => i === 0 || d === words[i - 1] + 1)) continue; // counting along, not a number
    const parts = /([A-Za-z]+)|([\s,.-]+)/g;
    let p: RegExpExecArray | null;
    while ((p = parts.exec(m[0]))) {
      const s = base + p.index;
      const e = s + p[0].length;
      if (p[1]) edits.push({ start: s, end: e, text: DIGIT_WORDS[p[1].toLowerCase()] ?? p[1] });
      else edits.push({ start: s, end: e, text: /[,-]/.test(p[2]) ? '-' : '' });
    }
  }
}

/** A word typed letter by letter ("S a r a h", "S.a.r.a.h"): joined; a capital after a small letter starts a new word. */
function spacedLetters(text: string, edits: Edit[]): void {
  const run = /[A-Za-z](?:[ .-][A-Za-z](?![A-Za-z])){3,40}/g; // bounded: retried from each start
  let m: RegExpExecArray | null;
  while ((m = run.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (/[A-Za-z]/.test(text[s - 1] ?? '') || /[A-Za-z]/.test(text[e] ?? '')) {
      run.lastIndex = s + 1;
      continue;
    }
    for (let i = s + 1; i < e; i += 2) {
      const split = /[a-z]/.test(text[i - 1]) && /[A-Z]/.test(text[i + 1]);
      edits.push({ start: i, end: i + 1, text: split ? ' ' : '' });
    }
  }
}
