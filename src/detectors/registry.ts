// The detector kinds phi-lint knows, in the order the schema lists them. The rule pack
// schema (rules/schema.ts), the loader (rules/compile-rule.ts), the engine (engine/lint.ts)
// and `explain` read them from here; docs/writing-rules.md's table of detectors is checked against
// their `doc` lines (tests/detector-registry.test.ts).
//
// A new kind (say `ner: person` from an NLP model) is one module beside these, exporting a
// DetectorKind (kind.ts): its key and options as JSON-schema properties, `compile` (read its
// YAML into the CompiledDetector, positioned errors through the KindCompiler), `detect`
// (spans of doc.prose, which the engine checks lie inside it), `describe` for `explain`, and
// its docs/writing-rules.md line; then its name in BUILT_IN below, and its tests. registerDetectorKind adds
// one at run time (the tests register a fake one).
import { entity } from './entity.js';
import { image } from './image.js';
import type { DetectorKind } from './kind.js';
import { pattern } from './pattern.js';
import { terms } from './terms.js';

export type { DetectContext, DetectorKind, KindCompiler, RawDetector } from './kind.js';

const BUILT_IN: readonly DetectorKind[] = [pattern, terms, entity, image];

/** Options every detector may have, whatever its kind (the schema's; engine/candidates.ts applies them). */
export const COMMON_OPTIONS = [
  'validate',
  'exclude-pattern',
  'first-word-in',
  'exclude-terms',
  'in-review',
  'unless-inside',
  'extend-pattern',
] as const;

const kinds = new Map<string, DetectorKind>(BUILT_IN.map((k) => [k.name, k]));
let generation = 0;

/** Every kind, built-in ones first. */
export function detectorKinds(): DetectorKind[] {
  return [...kinds.values()];
}

/** The kind of a compiled detector (its `kind`). */
export function detectorKind(name: string): DetectorKind {
  const k = kinds.get(name);
  if (!k) throw new Error(`unknown detector kind "${name}"`);
  return k;
}

/** Changes each time a kind is registered or removed (the schema is rebuilt then). */
export function kindsGeneration(): number {
  return generation;
}

/** Add a kind; returns a function that removes it again. Its keys must be new. */
export function registerDetectorKind(kind: DetectorKind): () => void {
  const taken = new Set([...COMMON_OPTIONS, ...detectorKinds().flatMap((k) => Object.keys(k.schema))]);
  const clash = Object.keys(kind.schema).find((key) => taken.has(key));
  if (clash !== undefined) throw new Error(`detector kind "${kind.name}": option "${clash}" is already taken`);
  if (Object.keys(kind.schema)[0] !== kind.name) {
    throw new Error(`detector kind "${kind.name}": its schema must start with its own key`);
  }
  kinds.set(kind.name, kind);
  generation++;
  return () => {
    if (kinds.get(kind.name) === kind) {
      kinds.delete(kind.name);
      generation++;
    }
  };
}
