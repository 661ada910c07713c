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

/** Per document: hotword regex → scope start → where its occurrences lie. */
export type ScopeHits = Map<RegExp, Map<number, { minEnd: number; maxStart: number }>>;
const globalCopies = new WeakMap<RegExp, RegExp>();
/** Per tester and scope start: does the tester find anything in the whole scope? (Scope starts are per document, so keyed by document too.) */
const wholeScopeByDoc = new WeakMap<Document, Map<Tester, Map<number, boolean>>>();

/** Is there a hotword of `re` in the scope before the match and/or after it? */
function contextTester(
  doc: Document,
  st: Structure,
  c: CompiledContext,
  s: number,
  e: number,
  cache: ScopeHits,
): (re: Tester | undefined) => boolean {
  const sp = c.scope === 'words' ? undefined : scopeSpan(st, c.scope, s);
  let wholeScope = wholeScopeByDoc.get(doc);
  if (!wholeScope) wholeScopeByDoc.set(doc, (wholeScope = new Map()));
  let exact: [string, string] | undefined;
  const exactly = (re: Tester): boolean => {
    exact ??= contextText(doc, st, c, s, e);
    return re.test(exact[0]) || re.test(exact[1]);
  };
  if (!sp || sp.end - sp.start <= CONTEXT_EXACT_MAX) return (re) => !!re && exactly(re);
  return (re) => {
    if (!re) return false;
    if (!(re instanceof RegExp)) {
      // A tester that finds nothing in the whole scope finds nothing on either side of the
      // match: test the scope once, and go exact only when it does find something.
      let whole = wholeScope.get(re);
      if (!whole) wholeScope.set(re, (whole = new Map()));
      let any = whole.get(sp.start);
      if (any === undefined) whole.set(sp.start, (any = re.test(collapse(doc.prose.slice(sp.start, sp.end)))));
      return any && exactly(re);
    }
    let byScope = cache.get(re);
    if (!byScope) cache.set(re, (byScope = new Map()));
    let hits = byScope.get(sp.start);
    if (!hits) {
      let g = globalCopies.get(re);
      if (!g) globalCopies.set(re, (g = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`)));
      hits = { minEnd: Infinity, maxStart: -Infinity };
      for (const f of scanWindows(g, doc.prose.slice(sp.start, sp.end))) {
        hits.minEnd = Math.min(hits.minEnd, sp.start + f.end);
        hits.maxStart = Math.max(hits.maxStart, sp.start + f.start);
      }
      byScope.set(sp.start, hits);
    }
    return (c.direction !== 'after' && hits.minEnd <= s) || (c.direction !== 'before' && hits.maxStart >= e);
  };
}

/**
 * A candidate [s, e) under its rule's context: undefined when the context drops it, else its
 * severity (raised or lowered by context words) and the note a raise adds.
 */
export function applyContext(
  doc: Document,
  st: Structure,
  c: CompiledContext,
  practice: PracticeFilter,
  span: Span,
  severity: Severity,
  scopeHits: ScopeHits,
): { severity: Severity; note?: string } | undefined {
  const hasTester = contextTester(doc, st, c, span.start, span.end, scopeHits);
  const sided = c.requireBefore || c.requireAfter || c.forbidBefore || c.forbidAfter || c.practice.size > 0;
  const [before, after] = sided ? contextText(doc, st, c, span.start, span.end) : ['', ''];
  const has = (name: 'require' | 'forbid' | 'raise' | 'lower'): boolean => {
    if (hasTester(c[name])) return true;
    return c.practice.has(name) && (practice.mentioned(before) || practice.mentioned(after));
  };
  const listed = (name: 'require' | 'forbid' | 'raise' | 'lower'): boolean => !!c[name] || c.practice.has(name);
  if (listed('require') && !has('require')) return undefined;
  if (c.requireBefore && !c.requireBefore.test(before)) return undefined;
  if (c.requireAfter && !c.requireAfter.test(after)) return undefined;
  if (has('forbid') || c.forbidBefore?.test(before) || c.forbidAfter?.test(after)) return undefined;
  if (has('raise')) {
    return {
      severity: 'error',
      note: severity !== 'error' ? 'raised: context words nearby make this identifying' : undefined,
    };
  }
  if (has('lower')) return { severity: LOWER[severity] };
  return { severity };
}
