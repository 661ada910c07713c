// What a detector kind is: the YAML key that selects it (`pattern:`, `terms:`, `entity:`,
// `image:`), the schema of that key and of the options only it reads, how it compiles from
// its YAML, how it finds spans in a document, and how `explain` describes it. Each kind is
// one module of this folder, listed once in registry.ts; the rule pack schema, the loader,
// the engine and `explain` all ask the registry, so adding a kind is one new module.
import type { Document, Span } from '../documents/document.js';
import type { PhiLintError } from '../errors.js';
import type { RegexSite } from '../matchers/budget.js';
import type { Structure } from '../matchers/structure.js';
import type { RegexScan } from '../regex/regex-scan.js';
import type { CompiledDetector } from '../rules/rule.js';

/** A detector as written in a pack: its kind's key and options, and the options every kind has. */
export type RawDetector = Record<string, unknown>;

/** Path of a detector option in its YAML file: `['pattern']`, `['terms', 3]`. */
export type OptionPath = (string | number)[];

/** What the loader offers a kind's `compile`: errors positioned at the detector's options, and its regex machinery. */
export interface KindCompiler {
  /** An error pointing at one of the detector's options. */
  error(path: OptionPath, message: string): PhiLintError;
  /** Terms and `@list` references, expanded (an unknown list is an error). */
  expand(path: OptionPath, items: string | string[] | undefined): string[];
  /**
   * A regular expression the pack wrote: compiled and checked for catastrophic backtracking
   * now, or (a built-in pack checked at build time) compiled on first use.
   */
  regex(path: OptionPath, pattern: string, flags: string): () => RegExp;
  /** The regex of a term list phi-lint built; `guarded`: it runs under the rule's budget. */
  termsRegex(path: OptionPath, source: string, flags: string, guarded?: RegexSite): () => RegExp;
  /** The budget site of a term list that could backtrack (undefined: it needs none). */
  termSite(path: OptionPath, what: string, terms: string[]): RegexSite | undefined;
  /** The budget site of a regex the engine runs itself (undefined: a built-in pack, no budget). */
  site(path: OptionPath, what: string): RegexSite | undefined;
  /** Define `det[key]` as computed on first read (built-in packs compile what a draft needs). */
  lazy<K extends keyof CompiledDetector>(det: CompiledDetector, key: K, make: () => CompiledDetector[K]): void;
}

/** What a kind's `detect` may use: the document (the reader's view), its structure, and the shared regex scan. */
export interface DetectContext {
  doc: Document;
  structure: Structure;
  regexes: RegexScan;
}

export interface DetectorKind {
  /** The YAML key that selects this kind; also `CompiledDetector.kind`. */
  name: string;
  /**
   * JSON-schema properties this kind adds to a detector: its own key first, then the
   * options only it reads. Keys must not clash with another kind's or the common options.
   */
  schema: Record<string, object>;
  /** One line for docs/writing-rules.md's table of detector kinds (tests/detector-registry.test.ts checks it). */
  doc: string;
  /** Fill in `det` (kind, validators and common options already set) from the detector's YAML. */
  compile(raw: RawDetector, det: CompiledDetector, c: KindCompiler): void;
  /** The spans this detector finds in the document (view offsets, inside doc.prose). */
  detect(det: CompiledDetector, ctx: DetectContext): Span[] | Promise<Span[]>;
  /** For `explain`: what it finds, as a noun phrase ("a pattern"). */
  describe(det: CompiledDetector): string;
  /** For `explain`: n such detectors ("3 patterns"); without it, "… (3 detectors)". */
  plural?(n: number): string;
  /** It runs the NLP library (compromise). */
  usesNlp?: boolean;
}
