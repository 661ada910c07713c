// The one pipeline a draft goes through, whoever asks (the CLI, the API, `redact`,
// `test-rules`): the text is parsed into a Document (its kind decided by kindOf's
// precedence), the rules run, then the one filter chain — front-matter findings, inline
// directives, consent, then the allow-list and the baseline — and finally what --fix could fix is marked.
import { relative, sep } from 'node:path';
import { applyBaseline, type Baseline } from '../baseline/baseline.js';
import type { Config } from '../config/config.js';
import { draftMayRead } from '../config/repo-root.js';
import type { Document } from '../documents/document.js';
import { parseDocument } from '../documents/load.js';
import { filterFindings } from '../engine/filters.js';
import { applyAllow } from '../engine/allow.js';
import { lintDocument } from '../engine/lint.js';
import { placeholderFindings } from '../engine/placeholders.js';
import { kindByGlobs } from '../globs.js';
import { planFixes, type FixPlan } from '../fix/plan.js';
import { metaFinding } from '../meta-rules.js';
import { applyCommentPolicy, commentRules } from '../comments/policy.js';
import type { DirectiveUse, DraftKind, Finding, FixSuggestionShape, SuppressedFinding } from '../types.js';
import { reviewReader } from './reply-review.js';
import type { FileSetup } from './session.js';

/**
 * The kind a draft is fixed to: the one asked for (--kind, the API's `kind`), else the
 * config's `kinds:` globs. Undefined: the draft's front matter `kind:` decides, else post.
 */
export function kindOf(asked: DraftKind | undefined, path: string, config: Config): DraftKind | undefined {
  return asked ?? kindByGlobs(path, config.dir, config.kinds);
}

export interface Draft {
  /** The draft's path (absolute, or relative to `cwd`): config lookup, format, front matter `in-reply-to:`. */
  path: string;
  /** The decoded text (documents/load.ts decodeDraft). */
  text: string;
  /** Markdown or plain text; default: by the path's extension. */
  format?: 'md' | 'txt';
  /** The kind kindOf fixed; undefined: front matter `kind:` decides, else `defaultKind`. */
  kind?: DraftKind;
  /** The kind when neither `kind` nor front matter says (default post). */
  defaultKind?: DraftKind;
}

export interface PipelineOptions {
  setup: FileSetup;
  /** YYYY-MM-DD, for consent expiry. */
  today: string;
  cwd: string;
  /** The review the draft answers (--in-reply-to): it wins over front matter `in-reply-to:`. */
  review?: string;
  /** false: --no-inline-config (directives are counted, not applied). */
  inlineConfig?: boolean;
  /** Warn when a cited consent expires within this many days. */
  consentWarnDays?: number;
  /** --report-unused-directives: a directive that suppresses nothing is an error. */
  reportUnused?: boolean;
  baseline?: Baseline;
  /** Keep every rule's findings where they overlap (no per-category dedupe). */
  keepDuplicates?: boolean;
  /**
   * 'rules': stop after the rules — no phi-lint/ findings, no filter, nothing marked fixable
   * (`redact`, whose copy leaves the team; `test-rules`, which checks rules alone).
   */
  stage?: 'rules' | 'all';
}

export interface LintedDraft {
  doc: Document;
  findings: Finding[];
  /** What directives and the baseline hid. */
  suppressed: SuppressedFinding[];
  /** Directives that suppressed findings, or that --no-inline-config ignored. */
  directives: DirectiveUse[];
}

/** The fixes --fix would make to these findings under this setup. */
export function planFixesFor(doc: Document, findings: Finding[], setup: FileSetup): FixPlan {
  const { config } = setup;
  const { replyRules } = setup;
  return planFixes(doc, findings, { replyTemplate: config.fix.replyTemplate, phone: config.contactPhone, replyRules });
}

/** Lint one decoded draft. Throws what the rules throw (a PhiLintError for a rule out of time). */
export async function lintDraft(draft: Draft, opts: PipelineOptions): Promise<LintedDraft> {
  const { setup } = opts;
  const { config } = setup;
  const mayRead = draftMayRead(draft.path, config.file ? config.dir : undefined, opts.cwd);
  const readReview = reviewReader(draft.path, opts.cwd, mayRead, config.comments.columns);
  const doc = parseDocument(draft.path, draft.text, draft.kind ?? draft.defaultKind ?? 'post', draft.format, {
    review: opts.review,
    kindFixed: draft.kind !== undefined,
    readReview,
    unpublished: config.unpublishedKeys,
  });
  let found = await lintDocument(doc, setup.prepared.ctx, { keepDuplicates: opts.keepDuplicates });
  // a comment is somebody else's words: its own severity policy (src/comments/policy.ts)
  if (doc.kind === 'comment')
    found = applyCommentPolicy(found, config.comments.severity, commentRules(setup.prepared.ruleSet.rules));
  if (opts.stage === 'rules') return { doc, findings: found, suppressed: [], directives: [] };
  const frontMatter = doc.problems.map((p) => metaFinding(doc, 'phi-lint/front-matter', 'warning', p, p.message));
  const directives = { ...config.directives, ...(opts.reportUnused ? { reportUnused: 'error' as const } : {}) };
  // a placeholder left by --fix or redact ([PHONE], [LOCATION]…) is not publishable text
  const placeholders = doc.text.includes('[') ? placeholderFindings(doc) : [];
  const filtered = filterFindings(doc, [...frontMatter, ...found, ...placeholders], {
    ruleIds: setup.ruleIds,
    directives,
    ledger: setup.ledger,
    today: opts.today,
    cwd: opts.cwd,
    // a comment is somebody else's words: a directive in it is theirs, never obeyed
    inlineConfig: doc.kind === 'comment' ? false : opts.inlineConfig,
    consentWarnDays: opts.consentWarnDays,
  });
  let findings = filtered.findings;
  const suppressed = filtered.suppressed;
  if (config.allow.length) {
    // the practice's allow-list: never PHI here (counted as suppressed, kind allow)
    const where = config.file ? relative(opts.cwd, config.file).split(sep).join('/') : undefined;
    const a = applyAllow(doc.text, findings, config.allow, where);
    findings = a.findings;
    suppressed.push(...a.allowed);
  }
  if (opts.baseline) {
    const b = applyBaseline(opts.baseline, draft.path, findings);
    findings = b.findings;
    suppressed.push(...b.suppressed);
  }
  const plan = planFixesFor(doc, findings, setup);
  const fixable = new Set(plan.fixed);
  // what --fix leaves to the writer (it would leave a placeholder) is offered as a suggestion
  const offered = new Map<Finding, FixSuggestionShape[]>();
  for (const s of plan.suggestions) {
    const shape = { desc: s.desc, fix: { range: [s.edit.start, s.edit.end] as [number, number], text: s.edit.text } };
    for (const f of s.findings) offered.set(f, [...(offered.get(f) ?? []), shape]);
  }
  findings = findings.map((f) => {
    if (fixable.has(f)) return { ...f, fixable: true };
    const suggestions = offered.get(f);
    return suggestions ? { ...f, suggestions } : f;
  });
  return { doc, findings, suppressed, directives: filtered.directives };
}
