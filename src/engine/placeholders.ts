// Placeholders left in a draft (issue 15): "[LOCATION]", "[PHOTO]", "[DATE]"… are what --fix
// and `phi-lint redact` put where a value was; a copy holding them lints clean otherwise and
// could be published as it is. Each is a `phi-lint/placeholder` error.
import type { Document } from '../documents/document.js';
import { metaFinding } from '../meta-rules.js';
import { PLACEHOLDER_SOURCE } from '../fix/placeholders.js';
import type { Finding } from '../types.js';

const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');

export function placeholderFindings(doc: Pick<Document, 'text' | 'lines'>): Finding[] {
  const out: Finding[] = [];
  for (const m of doc.text.matchAll(PLACEHOLDER)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const message = `"[${m[1]}]" was left where a detail was taken out: this is not ready to post; write the sentence without it.`;
    out.push(metaFinding(doc, 'phi-lint/placeholder', 'error', span, message));
  }
  return out;
}
