// Programmatic API: build a linter once (config + rules compiled), lint many texts. Each
// text goes through the same pipeline as a draft on the command line (src/run/draft.ts).
//
//   import { createLinter, lintText } from 'phi-lint';
import { resolve } from 'node:path';
import { loadConfig } from './config/cascade.js';
import { emptyConfig, type Config } from './config/config.js';
import { today } from './consent/dates.js';
import type { Document } from './documents/document.js';
import type { Prepared } from './engine/rule-set.js';
import { kindOf, lintDraft } from './run/draft.js';
import { setupOf } from './run/session.js';
import type { DirectiveUse, DraftKind, Finding, SuppressedFinding } from './types.js';

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

export interface LintTextOptions {
  /** The draft's path: its format (.md is Markdown), the config's `kinds:` globs, front matter `in-reply-to:`. */
  path?: string;
  /** What the draft is; wins over the config's `kinds:` and front matter `kind:` (as --kind does). */
  kind?: DraftKind;
  /** What the draft is when neither `kind`, the config's `kinds:` nor its front matter says (default post). */
  defaultKind?: DraftKind;
  format?: 'md' | 'txt';
  /** Keep every rule's findings where they overlap (no per-category dedupe). */
  keepDuplicates?: boolean;
  /** The review the draft answers (as --in-reply-to): it wins over the draft's front matter `in-reply-to:`. */
  review?: string;
}

export interface LintTextResult {
  /** What the CLI reports: after front-matter findings, directives, consent; `fixable` marked. */
  findings: Finding[];
  /** What directives hid. */
  suppressed: SuppressedFinding[];
  /** Directives that suppressed findings. */
  directives: DirectiveUse[];
  doc: Document;
}

export interface Linter {
  prepared: Prepared;
  config: Config;
  lint(text: string, opts?: LintTextOptions): Promise<LintTextResult>;
}

export function createLinter(options: LinterOptions = {}): Linter {
  const cwd = process.cwd();
  const config =
    typeof options.config === 'string' ? loadConfig(options.config, cwd) : (options.config ?? emptyConfig(cwd));
  const setup = setupOf(config, options.rules ?? [], { builtin: options.builtin });
  const day = options.today ?? today();
  return {
    prepared: setup.prepared,
    config,
    async lint(text, o = {}) {
      const path = resolve(cwd, o.path ?? (o.format === 'md' ? 'draft.md' : 'draft.txt'));
      const draft = { path, text, format: o.format, kind: kindOf(o.kind, path, config), defaultKind: o.defaultKind };
      return lintDraft(draft, { setup, today: day, cwd, review: o.review, keepDuplicates: o.keepDuplicates });
    },
  };
}

/** Lint one text with the built-in packs and no config (or `options.config`): createLinter, then lint. */
export async function lintText(text: string, opts: LintTextOptions & LinterOptions = {}): Promise<LintTextResult> {
  const { config, rules, builtin, today: day, ...lint } = opts;
  return createLinter({ config, rules, builtin, today: day }).lint(text, lint);
}

export type { Config } from './config/config.js';
export type { DirectiveUse, DraftKind, Finding, Severity, SuppressedFinding } from './types.js';
export { loadConfig } from './config/cascade.js';
