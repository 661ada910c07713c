// Display width of text in a terminal (what the string-width package measures): wide East
// Asian characters and emoji take two columns, combining marks, joiners and variation
// selectors none; a grapheme cluster (an emoji ZWJ sequence, a flag) counts once. Used to
// put carets under the right characters after a wide character.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ZERO_CLASS = /^[\p{M}\p{Cf}]$/u;
/** Marks, format characters, zero-width spaces and joiners, variation selectors: no column. */
const ZERO = {
  test(c: string): boolean {
    const cp = c.codePointAt(0) ?? 0;
    return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || ZERO_CLASS.test(c);
  },
};
const PICTO = /\p{Extended_Pictographic}/u;
const REGIONAL = /^[\u{1F1E6}-\u{1F1FF}]{2}$/u;

/** Wide (W) and fullwidth (F) East Asian ranges. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function clusterWidth(g: string): number {
  const cp = g.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (g.length === 1 && ZERO.test(g)) return 0;
  if (REGIONAL.test(g)) return 2;
  if (PICTO.test(g) && (cp >= 0x1f000 || g.includes('\uFE0F') || g.includes('\u200D'))) return 2;
  if (ZERO.test(String.fromCodePoint(cp))) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Columns `text` takes in a terminal. */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let w = 0;
  for (const { segment } of segmenter.segment(text)) w += clusterWidth(segment);
  return w;
}
