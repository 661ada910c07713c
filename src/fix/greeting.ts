// The one identifier fix that leaves publishable text: a name right after a greeting and
// right before punctuation or the end of the line is left out — "Hi Sarah," → "Hi,",
// "Thank you, Sarah Whitfield!" → "Thank you!". Anything else (the sentence goes on after the
// name, Markdown in the way, a title before it) is not attempted: a placeholder would be
// needed, which --fix never writes (plan.ts).
import type { Document } from '../documents/document.js';
import type { Edit } from './edits.js';

/** A greeting, then the separator the name hangs on (", " or " "), ending where the name starts. */
const GREETING =
  /(?:^|[^\p{L}\p{N}])(?:hi|hello|hey|hiya|thanks|thank you|good (?:morning|afternoon|evening))(,?[ \t]+)$/iu;
/** What may follow the name: punctuation that ends the greeting, or the end of the line. */
const AFTER = /^(?:[,!.:;]|\r?\n|$)/;

export function greetingEdit(doc: Pick<Document, 'text' | 'prose'>, start: number, end: number): Edit | undefined {
  const m = GREETING.exec(doc.text.slice(Math.max(0, start - 40), start));
  if (!m || !AFTER.test(doc.text.slice(end, end + 2))) return undefined;
  const from = start - m[1].length;
  // plain text only: no emphasis, link or markup between the greeting and the end of the name
  if (doc.prose.slice(from, end) !== doc.text.slice(from, end)) return undefined;
  return { start: from, end, text: '' };
}
