// Lint one document: run each active rule's detectors (detectors/, by kind) over the prose
// view, then pass the candidates through small filters — the detector's and rule's own
// (candidates.ts), context (context.ts), the practice profile, co-occurrence, escalation,
// dedupe — and turn offsets into positions.
import type { Document, Span } from '../documents/document.js';
import { detectorKind } from '../detectors/registry.js';
import { PhiLintError } from '../errors.js';
import { Structure } from '../matchers/structure.js';
import { RegexScan } from '../regex/regex-scan.js';
import type { CompiledDetector, CompiledRule, Escalation } from '../rules/rule.js';
import type { DraftKind, Finding, Severity } from '../types.js';
import { collapse, dropped, sheltered } from './candidates.js';
import { applyContext, ContextMemo, scopeSpan } from './context.js';
import type { PracticeFilter } from './practice.js';

export { collapse } from './candidates.js';

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
interface Candidate extends Span {
  rule: ActiveRule;
  severity: Severity;
  note?: string;
}

/**
 * Spans one detector finds in the document, each checked to lie inside it: a detector that
 * returns anything else is a bug, and the run fails naming the rule and the detector (never
 * the draft's text). A promise only when the kind returns one (most answer at once, and an
 * `await` per detector and draft adds up).
 */
function detect(
  rule: CompiledRule,
  di: number,
  doc: Document,
  st: Structure,
  regexes: RegexScan,
): Span[] | Promise<Span[]> {
  const det: CompiledDetector = rule.detectors[di];
  const found = detectorKind(det.kind).detect(det, { doc, structure: st, regexes });
  if (Array.isArray(found)) return insideDraft(rule, di, doc, found);
  return Promise.resolve(found).then((spans) => insideDraft(rule, di, doc, spans));
}

function insideDraft(rule: CompiledRule, di: number, doc: Document, spans: Span[]): Span[] {
  const det = rule.detectors[di];
  const length = doc.prose.length;
  for (const s of spans) {
    const inside = s.start >= 0 && s.start <= s.end && s.end <= length;
    if (inside && Number.isInteger(s.start) && Number.isInteger(s.end)) continue;
    throw new PhiLintError(
      `rule ${rule.id}: its ${det.kind} detector (detect[${di}]) returned the span [${s.start}, ${s.end}), ` +
        `which is not inside the draft (${length} characters); this is a bug in phi-lint`,
      rule.file,
      rule.line,
    );
  }
  return spans;
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

export async function lintDocument(
  source: Document,
  ctx: LintContext,
  opts: LintDocumentOptions = {},
): Promise<Finding[]> {
  const doc = matchingDocument(source);
  const st = new Structure(doc);
  const memo = new ContextMemo(doc, st);
  const regexes = new RegexScan(doc, ctx.rules, () => st.windows());
  const phase1: Candidate[] = [];
  const deferred: Candidate[] = [];
  for (const rule of ctx.rules) {
    if (rule.appliesTo !== 'both' && rule.appliesTo !== doc.kind) continue;
    if (
      rule.unlessFrontMatter.some(
        (k) => doc.frontMatter[k] !== undefined && doc.frontMatter[k] !== null && doc.frontMatter[k] !== '',
      )
    )
      continue;
    for (let di = 0; di < rule.detectors.length; di++) {
      const det = rule.detectors[di];
      if (det.inReview && !doc.review) continue; // every span would be dropped below
      const found = detect(rule, di, doc, st, regexes);
      const spans = Array.isArray(found) ? found : await found;
      const shelters = det.unlessInside && spans.length ? regexes.helperSpans(det.unlessInside) : [];
      for (const span of spans) {
        if (sheltered(shelters, span)) continue;
        const text = collapse(doc.prose.slice(span.start, span.end));
        if (dropped(det, rule, doc, text)) continue;
        let severity = rule.effective;
        let note: string | undefined;
        if (rule.context) {
          const verdict = applyContext(memo, rule.context, ctx.practice, span, severity);
          if (!verdict) continue;
          ({ severity, note } = verdict);
        }
        if (ctx.practice.isOwn(rule.category, text, { namedInFull: rule.addressesReader && doc.kind === 'reply' }))
          continue;
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
    const specific = (c: Candidate): number =>
      (c.rule.appliesTo === 'both' ? 0 : 1) + (c.rule.detectors.some((d) => d.inReview) ? 1 : 0);
    g.sort(
      (a, b) => a.start - b.start || b.end - a.end || RANK[b.severity] - RANK[a.severity] || specific(b) - specific(a),
    );
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

/** A rule's suggestion written for posts or for replies (a comment gets the rule's own). */
function kindSuggestion(rule: CompiledRule, kind: DraftKind): string | undefined {
  if (kind === 'reply') return rule.suggestionReply;
  return kind === 'post' ? rule.suggestionPost : undefined;
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
    suggestion: (kindSuggestion(c.rule, source.kind) ?? c.rule.suggestion)?.replace(
      /\{practice\.phone\}/g,
      practicePhone,
    ),
    note: c.note,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
  };
}
