// Text from drafts, file names and rule packs is hostile: a draft must not be able to move
// the cursor, recolour or clear the terminal (ANSI/OSC escape sequences), hide a line, fake a
// line of its own (a newline then `::error …` in GitHub annotations) or reverse what is
// shown (bidi overrides). Terminal and CI formats print such characters as visible escapes:
// `\x1b`, `\n`, `\u202e`.

/** C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line/paragraph separators. */
const CLASS = '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const CONTROL = new RegExp(CLASS, 'g');
const IS_CONTROL = new RegExp(`^${CLASS}$`);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const c = ch.charCodeAt(0);
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/** One character, escaped when it is a control character (else as it is). */
export function escapeChar(ch: string): string {
  return IS_CONTROL.test(ch) ? escapeOne(ch) : ch;
}

/** Text with every control character written as a visible escape. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escapeOne);
}
