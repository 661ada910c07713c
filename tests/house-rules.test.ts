// The shape of the house (ARCHITECTURE.md): no import cycle in src/ (type-only and dynamic
// imports count: a cycle of any kind means two modules that cannot be understood apart),
// and no source file too long to read in one sitting.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module of src/ → the modules of src/ it imports (static, type-only, dynamic, re-exports). */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = info.importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name).replace(/\.js$/, '.ts'));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/** The cycles of a graph, each once, as the list of its modules (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** Files that may be longer: generated data, and those being split elsewhere (issue 13, item 3–4). */
const LONG_ALLOWED = new Set(['lexicon/safe-words.ts']);

describe('the house', () => {
  it('the cycle finder finds a cycle, and through type-only and dynamic imports', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    const info = ts.preProcessFile("import type { A } from './y.js';\nconst m = await import('./x.js');", true, true);
    expect(info.importedFiles.map((f) => f.fileName)).toEqual(['./y.js', './x.js']);
  });

  it('has no import cycle in src/', () => {
    const found = cycles(importGraph(sources(SRC))).map((c) => c.map((f) => relative(SRC, f)).join(' → '));
    expect(found).toEqual([]);
  });

  it('has no file in src/ over 400 lines (run.ts under 250)', () => {
    const long = sources(SRC)
      .map((f) => ({ file: relative(SRC, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 400 && !LONG_ALLOWED.has(f.file));
    expect(long).toEqual([]);
    expect(readFileSync(join(SRC, 'run.ts'), 'utf8').split('\n').length).toBeLessThan(250);
  });
});
