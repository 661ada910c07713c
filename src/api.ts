// Programmatic API: build a linter once (config + rules compiled), lint many texts.
import { emptyConfig, loadConfig, type Config } from './config/config.js';
import { today } from './consent/dates.js';
import { loadLedger } from './consent/ledger.js';
import { applyCommentPolicy, commentRules } from './comments/policy.js';
import { filterFindings } from './engine/filters.js';
import type { Document } from './documents/document.js';
import { parseDocument } from './documents/load.js';
import { lintDocument } from './engine/lint.js';
import { prepareRules, type Prepared } from './engine/rule-set.js';
import type { DraftKind, Finding, SuppressedFinding } from './types.js';

export interface LinterOptions {
  /** Path to a .phi-lint.yaml, or a Config object. */
  config?: string | Config;
  /** Extra rule pack directories or files. */
  rules?: string[];
  /** Load the built-in packs (default true). */
  builtin?: boolean;
  /** YYYY-MM-DD for consent expiry (default: today). */
  today?: string;
}

export interface Linter {
  prepared: Prepared;
  config: Config;
  /** Findings after inline directives and consent; `suppressed` holds what directives hid. */
  lint(text: string, opts?: { path?: string; kind?: DraftKind; format?: 'md' | 'txt'; keepDuplicates?: boolean; review?: string }): Promise<{ findings: Finding[]; suppressed: SuppressedFinding[]; doc: Document }>;
}

export function createLinter(options: LinterOptions = {}): Linter {
  const config =
    typeof options.config === 'string' ? loadConfig(options.config, process.cwd()) : options.config ?? emptyConfig(process.cwd());
  const prepared = prepareRules(config, options.rules ?? [], { builtin: options.builtin });
  const filterCtx = {
    ruleIds: new Set(prepared.ruleSet.rules.map((r) => r.id)),
    directives: config.directives,
    ledger: loadLedger(config),
    today: options.today ?? today(),
    cwd: process.cwd(),
  };
  return {
    prepared,
    config,
    async lint(text, o = {}) {
      const path = o.path ?? (o.format === 'md' ? 'draft.md' : 'draft.txt');
      const doc = parseDocument(path, text, o.kind ?? 'post', o.format, { review: o.review, unpublished: config.unpublishedKeys });
      let raw = await lintDocument(doc, prepared.ctx, { keepDuplicates: o.keepDuplicates });
      if (doc.kind === 'comment') {
        raw = applyCommentPolicy(raw, config.comments.severity, commentRules(prepared.ruleSet.rules));
      }
      const ctx = doc.kind === 'comment' ? { ...filterCtx, inlineConfig: false } : filterCtx;
      const { findings, suppressed } = filterFindings(doc, raw, ctx);
      return { findings, suppressed, doc };
    },
  };
}

export type { Finding, DraftKind } from './types.js';
export { loadConfig } from './config/config.js';
