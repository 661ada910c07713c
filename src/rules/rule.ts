// A rule as the engine runs it: compiled once per run from its YAML.
import type { AppliesTo, Category, Severity } from '../types.js';
import type { EntityKind } from '../matchers/entity.js';
import type { RegexSite } from '../matchers/budget.js';
import type { Tester } from '../matchers/terms.js';
import type { TermIndex } from '../matchers/term-index.js';

export interface CompiledDetector {
  /** The name of its kind (detectors/registry.ts): pattern, terms, entity, image. */
  kind: string;
  regex?: RegExp;
  /** The regex's source and flags, known without compiling it (built-in packs compile on first use). */
  source?: string;
  flags?: string;
  /** Large term lists: a word index instead of a regular expression. */
  index?: TermIndex;
  group?: string;
  /**
   * A pack that did not ship with phi-lint: scans with `regex` run under this rule's time
   * budget (matchers/budget.ts). Its other patterns and hotword lists carry their own.
   */
  budget?: RegexSite;
  entity?: EntityKind;
  /** What a kind without a field of its own here compiled its detector to (detectors/). */
  state?: unknown;
  validators: { name: string; fn: (s: string) => boolean }[];
  excludePattern?: RegExp;
  /** Terms/regexes that, found in the match, drop it (like the rule's `exclude`, per detector). */
  excludeTerms?: Tester;
  /** The match's first word must be one of these (lower-cased). */
  firstWordIn?: Set<string>;
  /** Sticky regex tried at the end of a kept match to extend it ("Dana" → "Dana Whitfield"). */
  extend?: RegExp;
  /** Phrases (regex, global) that, when a match lies inside one of them, drop it ("Grant Park"). */
  unlessInside?: RegExp;
  /** Only matches whose text also appears in the review the reply answers. */
  inReview?: boolean;
}

export interface CompiledContext {
  scope: 'words' | 'sentence' | 'paragraph' | 'document';
  window: number;
  direction: 'before' | 'after' | 'both';
  require?: Tester;
  forbid?: Tester;
  raise?: Tester;
  lower?: Tester;
  /** The same, tested only on the words before (or after) the match. */
  requireBefore?: Tester;
  requireAfter?: Tester;
  forbidBefore?: Tester;
  forbidAfter?: Tester;
  /** Lists that hold `@practice`: true there when the practice's own name or a staff name is nearby. */
  practice: Set<'require' | 'forbid' | 'raise' | 'lower'>;
}

export interface RuleExamples {
  fire: string[];
  silent: string[];
  kind?: 'post' | 'reply' | 'comment';
}

export interface CompiledRule {
  id: string;
  pack: string;
  file: string;
  line: number;
  category: Category;
  severity: Severity;
  message: string;
  why: string;
  appliesTo: AppliesTo;
  suggestion?: string;
  /** The suggestion on posts and on replies, where they differ (`suggestion-post`, `suggestion-reply`). */
  suggestionPost?: string;
  suggestionReply?: string;
  detectors: CompiledDetector[];
  context?: CompiledContext;
  exclude?: Tester;
  near?: { categories: Set<Category>; scope: 'sentence' | 'paragraph' | 'document' };
  /** Front-matter keys that, when present, silence the rule (e.g. consent). */
  unlessFrontMatter: string[];
  /**
   * The match is the person the draft speaks to (a greeting). In a reply that is the
   * reviewer, so a staff member's first name alone does not make it the practice's own.
   */
  addressesReader: boolean;
  examples: RuleExamples;
  usesNlp: boolean;
}

export interface Escalation {
  id: string;
  pack: string;
  categories: Set<Category>;
  min: number;
  scope: 'sentence' | 'paragraph' | 'document';
  message: string;
  why: string;
}

export interface RuleSet {
  rules: CompiledRule[];
  escalations: Escalation[];
  packs: { name: string; file: string; description?: string }[];
}
