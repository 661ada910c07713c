// Masking: enough of a value to find it again, not to read it. "Sarah Lee" → "S**** L**",
// "123-45-6789" → "***-**-6789", "jane@mail.com" → "j***@m***.c**".
export function maskValue(text: string): string {
  const totalDigits = (text.match(/\d/g) ?? []).length;
  const keepDigits = totalDigits >= 7 ? 4 : totalDigits >= 5 ? 2 : 0;
  let digitsSeen = 0;
  let out = '';
  let wordStart = true;
  for (const ch of text) {
    if (/\d/.test(ch)) {
      digitsSeen++;
      out += digitsSeen > totalDigits - keepDigits ? ch : '*';
      wordStart = false;
    } else if (/\p{L}/u.test(ch)) {
      out += wordStart ? ch : '*';
      wordStart = false;
    } else {
      out += ch;
      wordStart = true;
    }
  }
  return out;
}

/** A message template with `{match}` filled in, masked or not. */
export function renderMessage(template: string, match: string, mask: boolean): string {
  return template.replace(/\{match\}/g, mask ? maskValue(match) : match);
}
