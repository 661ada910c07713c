// Reading one character as a reader sees it (the first pass of the reader's view, view.ts):
// HTML entities decoded, format characters dropped, spaces, hyphens, dashes between digits
// and decimal digits made ASCII, compatibility forms folded, look-alike letters inside a
// Latin word made Latin.
import { createRequire } from 'node:module';

/** Characters of the visible text that may need normalising (ASCII printable text needs none). */
export const SPECIAL = /[^\t\n\r\x20-\x25\x27-\x5b\x5d-\x7e]/;
export const ENTITY = /&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

let decodeEntity: ((s: string) => string) | undefined;

/** The HTML entity starting at `at` in `s`: its length and the text it stands for; undefined when there is none. */
export function entityAt(s: string, at: number): { length: number; text: string } | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(s);
  if (!m) return undefined;
  const text = entityText(m[0]);
  return text === m[0] ? undefined : { length: m[0].length, text };
}

/** An entity's text (`entities`, BSD-2-Clause, markdown-it's own decoder; loaded on the first entity). */
export function entityText(s: string): string {
  decodeEntity ??= (createRequire(import.meta.url)('entities') as { decodeHTML: (s: string) => string }).decodeHTML;
  return decodeEntity(s);
}

const HYPHENS = new Set([
  0x2010, 0x2011, 0x2012, 0x2043, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x058a, 0x1400, 0x1806, 0x2e17, 0x30a0,
]);
const DASHES = new Set([0x2013, 0x2014, 0x2015, 0x2e3a, 0x2e3b]);
/** Blocks whose characters fold to ASCII under NFKC without changing a word: full-width, small forms, ligatures, enclosed and mathematical alphanumerics, super- and subscripts, one-dot leaders. */
const FOLD =
  /[\u2024\u2025\u2070-\u209f\u2460-\u24ff\u2776-\u2793\ufb00-\ufb06\ufe50-\ufe6f\uff01-\uff5e\u00b2\u00b3\u00b9]|\ud835[\udc00-\udfff]|\ud83c[\udd00-\udd0c]/;
// Cyrillic and Greek letters that look like Latin ones: a word that mixes them with Latin
// letters is written to dodge a filter.
const LOOKALIKE: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const SPACE = /\p{Zs}/u;
const DIGIT = /\p{Nd}/u;
export const MARK = /\p{M}/u;
const LATIN = /[A-Za-z]/;

/** The ASCII digit of any decimal digit (Unicode's decimal digits come in runs of ten, 0 to 9). */
function asciiDigit(cp: number): string {
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1)) && cp - start < 60) start--;
  return String((cp - start) % 10);
}

export function normaliseCluster(
  cluster: string,
  cp: number,
  source: string,
  at: number,
  end: number,
  from: number,
  to: number,
): string {
  const ch = String.fromCodePoint(cp);
  if (IGNORABLE.test(ch)) return cluster.length > ch.length ? cluster.slice(ch.length).normalize('NFC') : '';
  if (cp === 0x2028 || cp === 0x2029) return '\n';
  if (SPACE.test(ch)) return ' ';
  if (HYPHENS.has(cp)) return '-';
  if (DASHES.has(cp)) {
    const prev = at > from ? source[at - 1] : '';
    const next = end < to ? source[end] : '';
    return /\d/.test(prev) && /\d/.test(next) ? '-' : cluster;
  }
  if (DIGIT.test(ch)) return asciiDigit(cp);
  const look = LOOKALIKE[ch];
  if (look) {
    const prev = at > from ? source[at - 1] : '';
    const next = end < to ? source[end] : '';
    if (LATIN.test(prev) || LATIN.test(next)) return look + cluster.slice(ch.length);
    return cluster;
  }
  if (FOLD.test(ch)) return cluster.normalize('NFKC');
  return cluster.length > ch.length ? cluster.normalize('NFC') : cluster;
}

/** Normalise a decoded entity's text the same way (an entity may spell a full-width digit). */
export function normaliseText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let out = '';
  for (const ch of text) out += normaliseCluster(ch, ch.codePointAt(0)!, ch, 0, ch.length, 0, ch.length);
  return out;
}
