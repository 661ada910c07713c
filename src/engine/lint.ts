// Lint one document: run each active rule's detectors over the prose view, then pass the
// candidates through small filters — validators, exclusions, context, the practice
// profile, co-occurrence, escalation, dedupe — and turn offsets into positions.
import type { Document, Span } from '../documents/document.js';
import { findEntities, loadNlp } from '../matchers/entity.js';
import { scanWindows } from '../matchers/scan.js';
import { Structure } from '../matchers/structure.js';
import { RegexScan } from './regex-scan.js';
import { matchSpans, type Tester } from '../matchers/terms.js';
import type { CompiledDetector, CompiledRule, Escalation } from '../rules/rule.js';
import type { Finding, Severity } from '../types.js';
import type { PracticeFilter } from './practice.js';

export interface ActiveRule extends CompiledRule {
  /** Severity after the config's overrides. */
  effective: Severity;
}

export interface LintContext {
  rules: ActiveRule[];
  escalations: Escalation[];
  practice: PracticeFilter;
  /** The practice's main phone (not a fax), for reply suggestions. */
  contactPhone?: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

interface Candidate extends Span {
  rule: ActiveRule;
  severity: Severity;
  note?: string;
}

const reviewCache = new WeakMap<Document, string>();
function normalizeEcho(s: string): string {
  const words = s.toLowerCase().replace(/[’]/g, "'").replace(/[^\p{L}\p{N}'/:.-]+/gu, ' ');
  return ` ${words.replace(/(?<=\s|^)[.:'/-]+|[.:'/-]+(?=\s|$)/g, '').replace(/\s+/g, ' ').trim()} `;
}
function normalizedReview(doc: Document): string {
  let r = reviewCache.get(doc);
  if (r === undefined) {
    r = normalizeEcho(doc.review ?? '');
    reviewCache.set(doc, r);
  }
  return r;
}

function firstWord(s: string): string {
  return (s.match(/^[\p{L}\p{N}][\p{L}\p{N}.-]*/u)?.[0] ?? '').replace(/\.$/, '').toLowerCase();
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Spans one detector finds in the document. */
async function detect(doc: Document, det: CompiledDetector, st: Structure, regexes: RegexScan): Promise<Span[]> {
  if (det.kind === 'image') return doc.images.map((i) => ({ start: i.start, end: i.end }));
  if (det.kind === 'entity') {
    const nlp = await loadNlp();
    return findEntities(nlp, doc.prose, st.allSentences(), det.entity!);
  }
  if (det.index) return regexes.termSpans(det.index);
  return regexes.spans(det);
}


function scopeSpan(st: Structure, scope: 'sentence' | 'paragraph' | 'document', at: number): Span {
  if (scope === 'document') return { start: 0, end: st.doc.text.length };
  return scope === 'sentence' ? st.sentence(at) : st.paragraph(at);
}

/** The text around a match that context hotwords are looked for in (the match excluded). */
function contextText(doc: Document, st: Structure, rule: ActiveRule, s: number, e: number): [string, string] {
  const c = rule.context!;
  let before = '';
  let after = '';
  if (c.scope === 'words') {
    const sent = st.sentence(s);
    if (c.direction !== 'after') before = doc.prose.slice(st.wordsBefore(s, c.window, sent.start), s);
    if (c.direction !== 'before') after = doc.prose.slice(e, st.wordsAfter(e, c.window, Math.max(st.sentence(Math.max(s, e - 1)).end, e)));
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
type ScopeHits = Map<RegExp, Map<number, { minEnd: number; maxStart: number }>>;
const globalCopies = new WeakMap<RegExp, RegExp>();
/** Per tester and scope start: does the tester find anything in the whole scope? (Scope starts are per document, so keyed by document too.) */
const wholeScopeByDoc = new WeakMap<Document, Map<Tester, Map<number, boolean>>>();

/** Is there a hotword of `re` in the scope before the match and/or after it? */
function contextTester(doc: Document, st: Structure, rule: ActiveRule, s: number, e: number, cache: ScopeHits): (re: Tester | undefined) => boolean {
  const c = rule.context!;
  const sp = c.scope === 'words' ? undefined : scopeSpan(st, c.scope, s);
  let wholeScope = wholeScopeByDoc.get(doc);
  if (!wholeScope) wholeScopeByDoc.set(doc, (wholeScope = new Map()));
  let exact: [string, string] | undefined;
  const exactly = (re: Tester): boolean => {
    exact ??= contextText(doc, st, rule, s, e);
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

export interface LintDocumentOptions {
  /** Keep every rule's findings, even where another rule of the same category found the same span (rule tests). */
  keepDuplicates?: boolean;
}

/**
 * The document rules run on: the reader's view of the draft (documents/view.ts), with its
 * blocks and images moved to view offsets. Every offset the engine works with is a view
 * offset until toFinding maps it back to the source.
 */
function matchingDocument(source: Document): Document {
  const v = source.view;
  if (v.isIdentity) return source;
  const span = <T extends Span>(x: T): T => ({ ...x, start: v.fromSource(x.start), end: v.fromSource(x.end) });
  return { ...source, text: v.text, prose: v.text, blocks: source.blocks.map(span), images: source.images.map(span) };
}

export async function lintDocument(source: Document, ctx: LintContext, opts: LintDocumentOptions = {}): Promise<Finding[]> {
  const doc = matchingDocument(source);
  const st = new Structure(doc);
  const scopeHits: ScopeHits = new Map();
  const regexes = new RegexScan(doc, ctx.rules, () => st.windows());
  const phase1: Candidate[] = [];
  const deferred: Candidate[] = [];
  for (const rule of ctx.rules) {
    if (rule.appliesTo !== 'both' && rule.appliesTo !== doc.kind) continue;
    if (rule.unlessFrontMatter.some((k) => doc.frontMatter[k] !== undefined && doc.frontMatter[k] !== null && doc.frontMatter[k] !== '')) continue;
    for (const det of rule.detectors) {
      if (det.inReview && !doc.review) continue; // every span would be dropped below
      const spans = await detect(doc, det, st, regexes);
      const shelters = det.unlessInside && spans.length ? matchSpans(det.unlessInside, doc.prose) : [];
      for (const span of spans) {
        if (shelters.length && shelters.some((p) => p.start <= span.start && span.end <= p.end)) continue;
        const text = collapse(doc.prose.slice(span.start, span.end));
        if (!text) continue;
        if (det.validators.some((v) => !v.fn(text))) continue;
        if (det.excludePattern?.test(text)) continue;
        if (det.excludeTerms?.test(text)) continue;
        if (det.firstWordIn && !det.firstWordIn.has(firstWord(text))) continue;
        if (det.inReview && !(doc.review && normalizedReview(doc).includes(normalizeEcho(text)))) continue;
        if (rule.exclude?.test(text)) continue;
        let severity = rule.effective;
        let note: string | undefined;
        if (rule.context) {
          const c = rule.context;
          const hasTester = contextTester(doc, st, rule, span.start, span.end, scopeHits);
          const sided = c.requireBefore || c.requireAfter || c.forbidBefore || c.forbidAfter || c.practice.size > 0;
          const [before, after] = sided ? contextText(doc, st, rule, span.start, span.end) : ['', ''];
          const has = (name: 'require' | 'forbid' | 'raise' | 'lower'): boolean => {
            if (hasTester(c[name])) return true;
            return c.practice.has(name) && (ctx.practice.mentioned(before) || ctx.practice.mentioned(after));
          };
          const listed = (name: 'require' | 'forbid' | 'raise' | 'lower'): boolean => !!c[name] || c.practice.has(name);
          if (listed('require') && !has('require')) continue;
          if (c.requireBefore && !c.requireBefore.test(before)) continue;
          if (c.requireAfter && !c.requireAfter.test(after)) continue;
          if (has('forbid') || c.forbidBefore?.test(before) || c.forbidAfter?.test(after)) continue;
          if (has('raise')) {
            if (severity !== 'error') note = 'raised: context words nearby make this identifying';
            severity = 'error';
          } else if (has('lower')) severity = LOWER[severity];
        }
        if (ctx.practice.isOwn(rule.category, text, { namedInFull: rule.addressesReader && doc.kind === 'reply' })) continue;
        let end = span.end;
        if (det.extend) {
          det.extend.lastIndex = end;
          const m = det.extend.exec(doc.prose);
          if (m && m[0].length) end += m[0].length;
        }
        const cand = { start: span.start, end, rule, severity, note };
        (rule.near ? deferred : phase1).push(cand);
      }
    }
  }
  // Co-occurrence: keep a deferred candidate only when another category it needs is found
  // in the same sentence/paragraph.
  const kept = [...phase1];
  if (deferred.length) {
    const byCategory = new Map<string, Candidate[]>();
    for (const p of phase1) {
      const list = byCategory.get(p.rule.category) ?? [];
      list.push(p);
      byCategory.set(p.rule.category, list);
    }
    for (const list of byCategory.values()) list.sort((a, b) => a.start - b.start);
    for (const c of deferred) {
      const near = c.rule.near!;
      const sc = scopeSpan(st, near.scope, c.start);
      if ([...near.categories].some((cat) => overlapsAny(byCategory.get(cat), sc.start, sc.end))) kept.push(c);
    }
  }
  escalate(kept, ctx.escalations, st);
  const found = opts.keepDuplicates ? sortCandidates(kept) : dedupe(kept);
  const findings = found.map((c) => toFinding(source, doc.prose, c, ctx.contactPhone ?? 'our office'));
  return opts.keepDuplicates ? findings : sameAdviceOnce(findings);
}

/** Does any span of a start-sorted list overlap [start, end)? Spans are short, so look back a little. */
function overlapsAny(list: Candidate[] | undefined, start: number, end: number): boolean {
  if (!list?.length) return false;
  let lo = 0;
  let hi = list.length;
  const from = start - MAX_LOOKBACK;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && list[i].start < end; i++) if (list[i].end > start) return true;
  return false;
}

const MAX_LOOKBACK = 1000;

/** Weak signals that together identify someone: raise them all to error. */
function escalate(cands: Candidate[], escalations: Escalation[], st: Structure): void {
  for (const esc of escalations) {
    const groups = new Map<number, Candidate[]>();
    for (const c of cands) {
      if (!esc.categories.has(c.rule.category)) continue;
      const key = scopeSpan(st, esc.scope, c.start).start;
      const g = groups.get(key) ?? [];
      g.push(c);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const cats = new Set(g.map((c) => c.rule.category));
      if (cats.size < esc.min) continue;
      for (const c of g) {
        if (c.severity !== 'error') {
          c.severity = 'error';
          c.note = esc.message;
        }
      }
    }
  }
}

/**
 * One finding per category per place: the most severe, then the longest. A finding inside
 * another of its category (or starting where it starts) is dropped; partial overlaps are two
 * findings ("You declined the X-ray, and Dr. Hill documented it" holds two arguments).
 */
function dedupe(cands: Candidate[]): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const g = groups.get(c.rule.category) ?? [];
    g.push(c);
    groups.set(c.rule.category, g);
  }
  const out: Candidate[] = [];
  for (const g of groups.values()) {
    // by start, then longest, then most severe: a later candidate is inside the widest earlier one or not at all
    // ties go to the rule written for this kind of draft (its message and rewrite fit better)
    // (and, among those, to a rule that matched what the review itself said: it explains why)
    const specific = (c: Candidate): number => (c.rule.appliesTo === 'both' ? 0 : 1) + (c.rule.detectors.some((d) => d.inReview) ? 1 : 0);
    g.sort((a, b) => a.start - b.start || b.end - a.end || RANK[b.severity] - RANK[a.severity] || specific(b) - specific(a));
    let cover: Candidate | undefined;
    for (const c of g) {
      if (cover && c.end <= cover.end) {
        if (RANK[c.severity] > RANK[cover.severity]) {
          cover.severity = c.severity;
          cover.note ??= c.note;
        }
        continue;
      }
      out.push(c);
      cover = c;
    }
  }
  return sortCandidates(out);
}

/**
 * Rules of different categories that fire on the same span with the same advice are
 * reported once (the first, at the most severe of their severities): the writer has one
 * thing to do there, not two.
 */
function sameAdviceOnce(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (!f.suggestion) {
      out.push(f);
      continue;
    }
    const key = `${f.start}:${f.end}:${f.suggestion}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, f);
      out.push(f);
    } else if (RANK[f.severity] > RANK[first.severity]) first.severity = f.severity;
  }
  return out;
}

function sortCandidates(cands: Candidate[]): Candidate[] {
  return cands.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.id.localeCompare(b.rule.id));
}

/** A candidate (view offsets) as a finding: offsets and positions in the source, the text as the reader sees it. */
function toFinding(source: Document, view: string, c: Candidate, practicePhone: string): Finding {
  const at = source.view.toSource(c.start, c.end);
  const s = source.lines.position(at.start);
  const e = source.lines.position(at.end);
  return {
    ruleId: c.rule.id,
    category: c.rule.category,
    severity: c.severity,
    start: at.start,
    end: at.end,
    match: collapse(view.slice(c.start, c.end)),
    message: c.rule.message,
    // advice written for this kind of draft (suggestion-post, suggestion-reply), else the rule's own
    suggestion: ((source.kind === 'reply' ? c.rule.suggestionReply : c.rule.suggestionPost) ?? c.rule.suggestion)
      ?.replace(/\{practice\.phone\}/g, practicePhone),
    note: c.note,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
  };
}
