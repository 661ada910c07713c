// Which of the 18 Safe Harbor identifiers a set of running rules covers (`phi-lint rules
// --coverage`, and the summary of a lint run whose configuration leaves some uncovered).
import { SAFE_HARBOR } from '../types.js';

export interface Identifier {
  letter: string;
  number: number;
  title: string;
  categories: string[];
}

/** The 18 identifiers (A–R), each with the categories that stand for it. */

export function identifiers(): Identifier[] {
  const byLetter = new Map<string, Identifier>();
  for (const [category, sh] of Object.entries(SAFE_HARBOR)) {
    const id = byLetter.get(sh.letter) ?? { letter: sh.letter, number: sh.number, title: sh.title, categories: [] };
    id.categories.push(category);
    if (category === 'name') id.title = sh.title;
    byLetter.set(sh.letter, id);
  }
  return [...byLetter.values()].sort((a, b) => a.number - b.number);
}

/** The identifiers the rules that run (effective severity not off) cover, and those they do not. */
export function coverageOf(
  all: readonly { id: string; category: string }[],
  running: ReadonlySet<string>,
): (Identifier & { rules: string[] })[] {
  return identifiers().map((i) => ({
    ...i,
    rules: all.filter((r) => running.has(r.id) && i.categories.includes(r.category)).map((r) => r.id),
  }));
}
