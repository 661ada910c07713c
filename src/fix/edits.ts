// Text edits over a document's text (offsets as findings carry them): build redactions that
// keep the Markdown around them intact, merge overlaps, apply.
import type { Document } from '../documents/document.js';
import type { Finding } from '../types.js';
import { PLACEHOLDERS } from './placeholders.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Emphasis markers inside a span (`**Sarah** Lee`) stay, so the Markdown stays balanced. */
const KEEP_MARKUP = /[*_~`]/;

/** Group findings whose spans overlap; each group becomes one edit. */
function groups(findings: Finding[]): Finding[][] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[][] = [];
  let end = -1;
  for (const f of sorted) {
    if (out.length && f.start < end) {
      out[out.length - 1].push(f);
      end = Math.max(end, f.end);
    } else {
      out.push([f]);
      end = f.end;
    }
  }
  return out;
}

type RedactDoc = Pick<Document, 'text' | 'prose' | 'format'>;

/** Replace each finding (overlapping ones together) with its category's placeholder. */
export function redactionEdits(doc: RedactDoc, findings: Finding[]): Edit[] {
  return redactionGroups(doc, findings).map((g) => g.edit);
}

/** The redaction edits, each with the findings it removes. */
export function redactionGroups(doc: RedactDoc, findings: Finding[]): { edit: Edit; findings: Finding[] }[] {
  return groups(findings).map((g) => ({ edit: redaction(doc, g), findings: g }));
}

function redaction(doc: RedactDoc, g: Finding[]): Edit {
  const start = Math.min(...g.map((f) => f.start));
  const end = Math.max(...g.map((f) => f.end));
  const main = g.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  let placeholder = PLACEHOLDERS[main.category];
  // In Markdown "[PHONE](cell)" would become a link: escape the brackets there.
  if (doc.format === 'md' && /^[([]/.test(doc.text.slice(end, end + 1)))
    placeholder = placeholder.replace(/^\[(.*)\]$/, '\\[$1\\]');
  if (main.category === 'photo') return { start, end, text: placeholder };
  let before = '';
  let after = '';
  let seenVisible = false;
  for (let i = start; i < end; i++) {
    const hidden = doc.prose[i] !== doc.text[i];
    if (!hidden) {
      seenVisible = true;
      continue;
    }
    if (!KEEP_MARKUP.test(doc.text[i])) continue;
    if (seenVisible) after += doc.text[i];
    else before += doc.text[i];
  }
  return { start, end, text: before + placeholder + after };
}

/** Apply non-overlapping edits. */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
