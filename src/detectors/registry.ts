// The detector kinds phi-lint knows, in the order the schema lists them. The rule pack
// schema (rules/schema.ts), the loader (rules/compile-rule.ts), the engine (engine/lint.ts)
// and `explain` read them from here; a new kind is one module beside these, added to
// BUILT_IN. registerDetectorKind adds one at run time (tests).
import { entity } from './entity.js';
import { image } from './image.js';
import type { DetectorKind } from './kind.js';
import { pattern } from './pattern.js';
import { terms } from './terms.js';

export type { DetectContext, DetectorKind, KindCompiler, RawDetector } from './kind.js';

const BUILT_IN: readonly DetectorKind[] = [pattern, terms, entity, image];

/** Options every detector may have, whatever its kind (the schema's; engine/candidates.ts applies them). */
export const COMMON_OPTIONS = ['validate', 'exclude-pattern', 'first-word-in', 'exclude-terms', 'in-review', 'unless-inside', 'extend-pattern'] as const;

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
  if (Object.keys(kind.schema)[0] !== kind.name) throw new Error(`detector kind "${kind.name}": its schema must start with its own key`);
  kinds.set(kind.name, kind);
  generation++;
  return () => {
    if (kinds.get(kind.name) === kind) {
      kinds.delete(kind.name);
      generation++;
    }
  };
}
