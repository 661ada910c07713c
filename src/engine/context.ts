// Context hotwords: the words around a candidate that a rule's `context:` requires, forbids,
// or that raise or lower its severity, looked for in the words, sentence or paragraph around
// it (engine/lint.ts asks applyContext per candidate).
import type { Document, Span } from '../documents/document.js';
import type { Structure } from '../matchers/structure.js';
import type { Tester } from '../matchers/terms.js';
import { scanWindows } from '../regex/scan.js';
import type { CompiledContext } from '../rules/rule.js';
import type { Severity } from '../types.js';
import { collapse } from './candidates.js';
import type { PracticeFilter } from './practice.js';

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

export function scopeSpan(st: Structure, scope: 'sentence' | 'paragraph' | 'document', at: number): Span {
  if (scope === 'document') return { start: 0, end: st.doc.text.length };
  return scope === 'sentence' ? st.sentence(at) : st.paragraph(at);
}

/**
 * Scopes longer than this are searched for hotwords once, not once per candidate: a
 * megabyte-long "paragraph" with thousands of candidates would otherwise cost candidates ×
 * paragraph length. Real sentences and paragraphs are far shorter and take the exact path.
 */
export const CONTEXT_EXACT_MAX = 4000;
/**
 * The text before and after a match that context is read from reaches at most this far
 * within its scope (far beyond any real sentence, and most paragraphs).
 */
export const CONTEXT_SIDE_MAX = 1500;

/** Where a hotword regex's occurrences lie in a scope: the first end and the last start. */
interface Hits {
  minEnd: number;
  maxStart: number;
}
const globalCopies = new WeakMap<RegExp, RegExp>();
/** Per context: the settings its text depends on, as a key ("sentence both 8"). */
const shapes = new WeakMap<CompiledContext, string>();
/** Characters of context text a document's ContextMemo keeps at most (the rest is recomputed). */
export const CONTEXT_MEMO_CHARS = 1 << 21;

/**
 * What context costs per document, computed once and shared by all rules: the text before and
 * after a span under each scope, direction and window (rules that share a detector and their
 * context settings ask for the same), and where long scopes hold hotwords.
 */
export class ContextMemo {
  /** Per hotword regex and scope start: where its occurrences lie. */
  readonly scopeHits = new Map<RegExp, Map<number, Hits>>();
  /** Per tester and scope start: does the tester find anything in the whole scope? */
  readonly wholeScope = new Map<Tester, Map<number, boolean>>();
  private readonly texts = new Map<string, Map<number | string, [string, string]>>();
  private chars = 0;

  constructor(
    readonly doc: Document,
    readonly st: Structure,
  ) {}

  /** The text around [s, e) that context hotwords are looked for in (the match excluded). */
  sides(c: CompiledContext, s: number, e: number): [string, string] {
    let shape = shapes.get(c);
    if (shape === undefined) shapes.set(c, (shape = `${c.scope} ${c.direction} ${c.window}`));
    let byspan = this.texts.get(shape);
    if (!byspan) this.texts.set(shape, (byspan = new Map()));
    // one number per span while it stays exact (texts under 2^26 characters: every draft the CLI reads)
    const n = this.doc.prose.length + 1;
    const key = n <= 2 ** 26 ? s * n + e : `${s}:${e}`;
    let found = byspan.get(key);
    if (!found) {
      found = contextText(this.doc, this.st, c, s, e);
      const size = found[0].length + found[1].length;
      if (this.chars + size <= CONTEXT_MEMO_CHARS) {
        this.chars += size;
        byspan.set(key, found);
      }
    }
    return found;
  }
}

/** The text around a match that context hotwords are looked for in (the match excluded). */
function contextText(doc: Document, st: Structure, c: CompiledContext, s: number, e: number): [string, string] {
  let before = '';
  let after = '';
  if (c.scope === 'words') {
    const sent = st.sentence(s);
    if (c.direction !== 'after') before = doc.prose.slice(st.wordsBefore(s, c.window, sent.start), s);
    if (c.direction !== 'before')
      after = doc.prose.slice(e, st.wordsAfter(e, c.window, Math.max(st.sentence(Math.max(s, e - 1)).end, e)));
  } else {
    // At most CONTEXT_SIDE_MAX characters on each side: a text with no sentence breaks (one
    // long line of tokens) would otherwise cost candidates × its length.
    const sp = scopeSpan(st, c.scope, s);
    if (c.direction !== 'after') before = doc.prose.slice(Math.max(sp.start, s - CONTEXT_SIDE_MAX), s);
    if (c.direction !== 'before') after = doc.prose.slice(e, Math.min(Math.max(sp.end, e), e + CONTEXT_SIDE_MAX));
  }
  return [collapse(before), collapse(after)];
}

/**
 * Is there a hotword of `re` before the match [s, e) and/or after it? `wide`: its scope, when
 * longer than CONTEXT_EXACT_MAX.
 */
function found(m: ContextMemo, c: CompiledContext, re: Tester | undefined, s: number, e: number, wide?: Span): boolean {
  if (!re) return false;
  if (!wide) {
    const [before, after] = m.sides(c, s, e);
    return re.test(before) || re.test(after);
  }
  if (!(re instanceof RegExp)) {
    // A tester that finds nothing in the whole scope finds nothing on either side of the
    // match: test the scope once, and go exact only when it does find something.
    let whole = m.wholeScope.get(re);
    if (!whole) m.wholeScope.set(re, (whole = new Map()));
    let any = whole.get(wide.start);
    if (any === undefined) whole.set(wide.start, (any = re.test(collapse(m.doc.prose.slice(wide.start, wide.end)))));
    if (!any) return false;
    const [before, after] = m.sides(c, s, e);
    return re.test(before) || re.test(after);
  }
  let byScope = m.scopeHits.get(re);
  if (!byScope) m.scopeHits.set(re, (byScope = new Map()));
  let hits = byScope.get(wide.start);
  if (!hits) {
    let g = globalCopies.get(re);
    if (!g) globalCopies.set(re, (g = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`)));
    hits = { minEnd: Infinity, maxStart: -Infinity };
    for (const f of scanWindows(g, m.doc.prose.slice(wide.start, wide.end))) {
      hits.minEnd = Math.min(hits.minEnd, wide.start + f.end);
      hits.maxStart = Math.max(hits.maxStart, wide.start + f.start);
    }
    byScope.set(wide.start, hits);
  }
  return (c.direction !== 'after' && hits.minEnd <= s) || (c.direction !== 'before' && hits.maxStart >= e);
}

type Listing = 'require' | 'forbid' | 'raise' | 'lower';

/** Does list `name` (its hotwords, or `@practice` in it) find something around the match? */
function has(
  m: ContextMemo,
  c: CompiledContext,
  name: Listing,
  practice: PracticeFilter,
  span: Span,
  wide: Span | undefined,
  sides: [string, string] | undefined,
): boolean {
  if (found(m, c, c[name], span.start, span.end, wide)) return true;
  return !!sides && c.practice.has(name) && (practice.mentioned(sides[0]) || practice.mentioned(sides[1]));
}

/**
 * A candidate [s, e) under its rule's context: undefined when the context drops it, else its
 * severity (raised or lowered by context words) and the note a raise adds.
 */
export function applyContext(
  m: ContextMemo,
  c: CompiledContext,
  practice: PracticeFilter,
  span: Span,
  severity: Severity,
): { severity: Severity; note?: string } | undefined {
  let wide: Span | undefined;
  if (c.scope !== 'words') {
    const sp = scopeSpan(m.st, c.scope, span.start);
    if (sp.end - sp.start > CONTEXT_EXACT_MAX) wide = sp;
  }
  const sided = c.requireBefore || c.requireAfter || c.forbidBefore || c.forbidAfter || c.practice.size > 0;
  const sides = sided ? m.sides(c, span.start, span.end) : undefined;
  const before = sides ? sides[0] : '';
  const after = sides ? sides[1] : '';
  if ((c.require || c.practice.has('require')) && !has(m, c, 'require', practice, span, wide, sides)) return undefined;
  if (c.requireBefore && !c.requireBefore.test(before)) return undefined;
  if (c.requireAfter && !c.requireAfter.test(after)) return undefined;
  if (has(m, c, 'forbid', practice, span, wide, sides)) return undefined;
  if (c.forbidBefore?.test(before) || c.forbidAfter?.test(after)) return undefined;
  if (has(m, c, 'raise', practice, span, wide, sides)) {
    return {
      severity: 'error',
      note: severity !== 'error' ? 'raised: context words nearby make this identifying' : undefined,
    };
  }
  if (has(m, c, 'lower', practice, span, wide, sides)) return { severity: LOWER[severity] };
  return { severity };
}
