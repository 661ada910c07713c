// Inline directives, read from a draft's comments (Markdown HTML comments, plain-text
// comment lines — the document parsers collect both into `doc.comments`):
//
//   phi-lint-disable-next-line RULE[, RULE…] -- reason
//   phi-lint-disable-line RULE -- reason
//   phi-lint-disable RULE -- reason   …   phi-lint-enable RULE
//
// RULE is a rule id (`phi/phone`), a category (`phone`) or nothing (every rule).
import type { Comment, Document } from '../documents/document.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
export const DIRECTIVE_KINDS: DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable', 'enable'];

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or categories; empty means every rule. */
  selectors: string[];
  reason?: string;
  /** The comment it was written in (offsets into the document text). */
  start: number;
  end: number;
  /** 1-based lines of the comment's first and last character. */
  line: number;
  endLine: number;
  /** The directive as written, without comment delimiters (for messages). */
  text: string;
}

export interface DirectiveSyntaxError {
  start: number;
  end: number;
  /** What was written after `phi-lint-`. */
  keyword: string;
  text: string;
}

const DIRECTIVE = /^\s*phi-lint-([a-z-]*)(?=\s|$)([\s\S]*)$/;

/** Split `RULE, RULE -- reason` into selectors and reason. */
export function splitDirectiveBody(rest: string): { selectors: string[]; reason?: string } {
  const m = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const head = m ? rest.slice(0, m.index) : rest;
  const reason = m ? rest.slice(m.index + m[0].length).trim() : undefined;
  const selectors = head.split(/[\s,]+/).filter(Boolean);
  return { selectors, reason: reason || undefined };
}

export function parseDirectives(doc: Pick<Document, 'comments' | 'lines'>): {
  directives: Directive[];
  errors: DirectiveSyntaxError[];
} {
  const directives: Directive[] = [];
  const errors: DirectiveSyntaxError[] = [];
  for (const c of doc.comments) {
    const parsed = parseComment(c);
    if (!parsed) continue;
    if ('keyword' in parsed) {
      errors.push(parsed);
      continue;
    }
    directives.push({
      ...parsed,
      line: doc.lines.position(c.start).line,
      endLine: doc.lines.position(Math.max(c.start, c.end - 1)).line,
    });
  }
  return { directives, errors };
}

function parseComment(c: Comment): Omit<Directive, 'line' | 'endLine'> | DirectiveSyntaxError | undefined {
  const m = DIRECTIVE.exec(c.body);
  if (!m) return undefined;
  const text = c.body.trim().replace(/\s+/g, ' ');
  const kind = m[1] as DirectiveKind;
  if (!DIRECTIVE_KINDS.includes(kind)) return { start: c.start, end: c.end, keyword: m[1], text };
  const { selectors, reason } = splitDirectiveBody(m[2]);
  return { kind, selectors, reason, start: c.start, end: c.end, text };
}
