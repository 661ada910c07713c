// What a reader of the published page sees is what is linted (issue: no way around the gate).
// - front matter values are published text: linted in place, except the keys phi-lint reads and
//   the post's own dates; the list is configurable;
// - prose between two `---` lines that is not a YAML mapping is Markdown, not front matter;
// - obfuscated values (entities, escapes, markup inside a number, zero-width and format
//   characters, other dashes and digits, wrapped lines, HTML attributes and comments) are
//   found, and every finding points at the original characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { emptyConfig } from '../src/config/config.js';
import { View } from '../src/documents/view.js';
import type { Finding } from '../src/types.js';
import { cli, tmpProject } from './tmp-project.js';

const linter = createLinter({});

async function lint(text: string, format: 'md' | 'txt' = 'md', kind: 'post' | 'reply' = 'post') {
  return linter.lint(text, { format, defaultKind: kind });
}

/** category:match pairs with the finding's source text, for compact assertions. */
function seen(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.category}:${f.match}@${text.slice(f.start, f.end)}`);
}

describe('front matter is published text', () => {
  const fm = [
    '---',
    'title: "Sarah Whitfield (SSN 078-05-1120) beat her cancer"',
    'description: Call 404-555-0187 for the details',
    'summary: >-',
    '  Write to sarah.whitfield@gmail.com',
    'tags: [oncology, "patient 078-05-1120"]',
    'image:',
    '  src: /img/story.jpg',
    '  alt: "Marcus Delgado, MRN 99812345"',
    'date: 2024-03-01',
    'kind: post',
    'consent: sarah-whitfield-2024',
    '---',
    'A general post about screenings.',
    '',
  ].join('\n');

  it('lints every published value, with positions inside the front matter', async () => {
    const { findings, doc } = await lint(fm);
    const got = findings.map((f) => `${f.category} ${f.line}:${f.column} ${doc.text.slice(f.start, f.end)}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'name 2:9 Sarah Whitfield',
        'ssn 2:30 078-05-1120',
        'phone 3:19 404-555-0187',
        'email 5:12 sarah.whitfield@gmail.com',
        'ssn 6:27 078-05-1120',
      ]),
    );
    // nested values are published too (image alt text)
    expect(findings.some((f) => f.line === 9 && f.category === 'name')).toBe(true);
    // the keys phi-lint reads and the post's own date are not published text
    expect(findings.filter((f) => f.line >= 10 && f.line <= 12 && !f.ruleId.startsWith('phi-lint/'))).toEqual([]);
  });

  it('the CLI fails the draft (exit 1) and redact rewrites the front matter', async () => {
    const dir = tmpProject({ 'post.md': fm });
    const r = await cli(['post.md', '-f', 'json'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const red = await cli(['redact', 'post.md'], { cwd: dir });
    expect(red.stdout).not.toContain('078-05-1120');
    expect(red.stdout).not.toContain('Whitfield');
    expect(red.stdout).toContain('consent: sarah-whitfield-2024');
  });

  it('the list of unpublished keys is configurable', async () => {
    const text = '---\ndate: 2024-03-01\nnote: "Sarah Whitfield 404-555-0187"\n---\nHello.\n';
    const config = { ...emptyConfig(process.cwd()), unpublishedKeys: ['note'] };
    const custom = createLinter({ config });
    const { findings } = await custom.lint(text, { format: 'md' });
    // `note` is now unpublished; `date` is now published (and a bare year-month-day of the post is not PHI by itself)
    expect(findings.filter((f) => f.line === 3)).toEqual([]);
    const plain = await lint(text);
    expect(plain.findings.some((f) => f.line === 3 && f.category === 'phone')).toBe(true);
  });

  it('the config key front-matter.unpublished is read and validated', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'front-matter:\n  unpublished: [note]\n',
      'a.md': '---\nnote: "Sarah Whitfield 404-555-0187"\n---\nHello.\n',
    });
    expect((await cli(['a.md'], { cwd: dir })).exitCode).toBe(0);
    const bad = tmpProject({ '.phi-lint.yaml': 'front-matter:\n  unpublished: note\n', 'a.md': 'Hello.\n' });
    const r = await cli(['a.md'], { cwd: bad });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\.phi-lint\.yaml:2/);
  });
});

describe('only a YAML mapping at the very top is front matter', () => {
  it('prose between two --- lines is linted', async () => {
    const text = '---\nCall Sarah at 404-555-0187\n---\n';
    const { findings } = await lint(text);
    expect(seen(text, findings)).toEqual(expect.arrayContaining(['phone:404-555-0187@404-555-0187']));
    const dir = tmpProject({ 'a.md': text });
    expect((await cli(['a.md'], { cwd: dir })).exitCode).toBe(1);
  });

  it('a block that is not valid YAML is linted as text, with a warning that quotes nothing', async () => {
    const text = '---\ntitle: Sarah: SSN 078-05-1120\n---\nBody.\n';
    const { findings } = await lint(text);
    expect(findings.some((f) => f.category === 'ssn' && f.line === 2)).toBe(true);
    const dir = tmpProject({ 'a.md': text });
    const r = await cli(['a.md', '-f', 'json'], { cwd: dir });
    const warning = (JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[])[0].messages.find(
      (m) => m.ruleId === 'phi-lint/front-matter',
    );
    expect(warning?.message).toMatch(/not valid YAML/);
    expect(warning?.message).not.toContain('078');
    expect(warning?.message).not.toContain('Sarah');
  });

  it('a real front matter mapping stays data (kind, consent)', async () => {
    const { findings, doc } = await lint('---\nkind: reply\n---\nThanks for the kind words!\n');
    expect(doc.kind).toBe('reply');
    expect(findings).toEqual([]);
  });
});

// Each variant hides "404-555-0187", "078-05-1120" or "sarah.whitfield@gmail.com" as a
// reader would still read it. [variant, draft, category, format]
const OBFUSCATED: [string, string, string, ('md' | 'txt')[]][] = [
  ['decimal entity for @', 'Write to sarah.whitfield&#64;gmail.com today.', 'email', ['md', 'txt']],
  ['named entity &commat;', 'Write to sarah.whitfield&commat;gmail.com today.', 'email', ['md', 'txt']],
  ['hex entity for @', 'Write to sarah.whitfield&#x40;gmail.com today.', 'email', ['md', 'txt']],
  ['entity for a digit', 'Call &#52;04-555-0187 today.', 'phone', ['md', 'txt']],
  ['entities for the hyphens', 'Call 404&#45;555&#45;0187 today.', 'phone', ['md', 'txt']],
  ['every digit an entity', 'SSN &#x30;&#x37;&#x38;-05-1120 on file.', 'ssn', ['md', 'txt']],
  ['&hyphen; entities', 'Call 404&hyphen;555&hyphen;0187 today.', 'phone', ['md', 'txt']],
  ['backslash escapes', 'Call 404\\-555\\-0187 today.', 'phone', ['md', 'txt']],
  ['escaped dots and @', 'Write to sarah\\.whitfield\\@gmail\\.com today.', 'email', ['md']],
  ['strong emphasis inside', 'Call 404-**555**-0187 today.', 'phone', ['md', 'txt']],
  ['emphasis inside', 'Call 404-*555*-0187 today.', 'phone', ['md']],
  ['underscore emphasis', 'Call 404-__555__-0187 today.', 'phone', ['md']],
  ['inline code inside', 'Call 404-`555`-0187 today.', 'phone', ['md']],
  ['strikethrough inside', 'Call 404-~~555~~-0187 today.', 'phone', ['md']],
  ['inline span', 'Call 404<span>-555</span>-0187 today.', 'phone', ['md']],
  ['inline bold tag', 'SSN 078<b>-05-</b>1120 on file.', 'ssn', ['md']],
  ['zero-width space', 'Call 404-55\u200b5-0187 today.', 'phone', ['md', 'txt']],
  ['zero-width joiner', 'Call 404-5\u200d55-0187 today.', 'phone', ['md', 'txt']],
  ['zero-width non-joiner', 'SSN 078-0\u200c5-1120 on file.', 'ssn', ['md', 'txt']],
  ['word joiner', 'Call 404\u2060-555-0187 today.', 'phone', ['md', 'txt']],
  ['soft hyphen', 'Write to sarah.whit\u00adfield@gmail.com today.', 'email', ['md', 'txt']],
  ['byte order mark inside', 'Call 404-555-\ufeff0187 today.', 'phone', ['md', 'txt']],
  ['hyphen U+2010', 'Call 404\u2010555\u20100187 today.', 'phone', ['md', 'txt']],
  ['non-breaking hyphen', 'SSN 078\u201105\u20111120 on file.', 'ssn', ['md', 'txt']],
  ['figure dash', 'Call 404\u2012555\u20120187 today.', 'phone', ['md', 'txt']],
  ['en dash', 'Call 404\u2013555\u20130187 today.', 'phone', ['md', 'txt']],
  ['em dash', 'SSN 078\u201405\u20141120 on file.', 'ssn', ['md', 'txt']],
  ['horizontal bar', 'Call 404\u2015555\u20150187 today.', 'phone', ['md', 'txt']],
  ['minus sign', 'Call 404\u2212555\u22120187 today.', 'phone', ['md', 'txt']],
  [
    'full-width digits',
    'Call \uff14\uff10\uff14-\uff15\uff15\uff15-\uff10\uff11\uff18\uff17 today.',
    'phone',
    ['md', 'txt'],
  ],
  [
    'Arabic-Indic digits',
    'Call \u0664\u0660\u0664-\u0665\u0665\u0665-\u0660\u0661\u0668\u0667 today.',
    'phone',
    ['md', 'txt'],
  ],
  ['Devanagari digits', 'SSN \u0966\u096d\u096e-\u0966\u096b-\u0967\u0967\u0968\u0966 on file.', 'ssn', ['md', 'txt']],
  ['mathematical bold digits', 'Call \u{1d7d2}\u{1d7ce}\u{1d7d2}-555-0187 today.', 'phone', ['md', 'txt']],
  ['full-width @', 'Write to sarah.whitfield\uff20gmail.com today.', 'email', ['md', 'txt']],
  ['Cyrillic look-alike letter', 'Write to s\u0430rah.whitfield@gmail.com today.', 'email', ['md', 'txt']],
  ['non-breaking spaces', 'Call 404\u00a0555\u00a00187 today.', 'phone', ['md', 'txt']],
  ['wrapped after a hyphen', 'Call 404-555-\n0187 today.', 'phone', ['md', 'txt']],
  ['wrapped between groups', 'Call (404) 555\n0187 today.', 'phone', ['md', 'txt']],
  ['wrapped e-mail', 'Write to sarah.whitfield@\ngmail.com today.', 'email', ['md', 'txt']],
  ['digits spaced out', 'Call 4 0 4 5 5 5 0 1 8 7 today.', 'phone', ['md', 'txt']],
  ['digits spaced out with their hyphens', 'SSN 0 7 8 - 0 5 - 1 1 2 0 on file.', 'ssn', ['md', 'txt']],
  ['groups with spaced hyphens', 'Call 404 - 555 - 0187 today.', 'phone', ['md', 'txt']],
  ['letters for digits', 'Call 4O4-555-Ol87 today.', 'phone', ['md', 'txt']],
  ['digits spelled out', 'Call four oh four, five five five, oh one eight seven today.', 'phone', ['md', 'txt']],
  ['SSN spelled out', 'Her SSN is zero seven eight, zero five, one one two zero.', 'ssn', ['md', 'txt']],
  ['alt attribute', 'Our story <img alt="Call 404-555-0187" src="/a.jpg"> ends here.', 'phone', ['md']],
  ['title attribute', 'Read <abbr title="SSN 078-05-1120">this</abbr> now.', 'ssn', ['md']],
  ['mailto link', '<a href="mailto:sarah.whitfield@gmail.com">Email her</a> today.', 'email', ['md']],
  ['HTML comment', 'A post.\n\n<!-- call her at 404-555-0187 -->\n', 'phone', ['md']],
  ['comment inside a paragraph', 'A post <!-- SSN 078-05-1120 --> about teeth.', 'ssn', ['md']],
  ['HTML block attribute', '<div data-note="SSN 078-05-1120">\n\nA post.\n\n</div>\n', 'ssn', ['md']],
];

describe('obfuscated values are found where they stand', () => {
  for (const [variant, text, category, formats] of OBFUSCATED) {
    for (const format of formats) {
      it(`${variant} (${format})`, async () => {
        const { findings } = await lint(text, format);
        const hit = findings.find((f) => f.category === category);
        expect(hit, `${category} in ${JSON.stringify(text)}: ${JSON.stringify(seen(text, findings))}`).toBeDefined();
        // the finding covers the obfuscated characters in the source, not a neighbour
        const src = text.slice(hit!.start, hit!.end);
        expect(src.replace(/[^\p{N}\p{L}]/gu, '').length).toBeGreaterThanOrEqual(7);
        expect(hit!.match).toMatch(/^(?:\(?404\)?[- ]?555[- ]?0187|078-05-1120|sarah\.whitfield@gmail\.com)$/);
      });
    }
  }
  it('caught at least 95% of the variants (the list above is the acceptance set)', async () => {
    let caught = 0;
    let total = 0;
    for (const [, text, category, formats] of OBFUSCATED) {
      for (const format of formats) {
        total++;
        if ((await lint(text, format)).findings.some((f) => f.category === category)) caught++;
      }
    }
    expect(caught / total).toBeGreaterThanOrEqual(0.95);
  });
  it('a name typed letter by letter is still a name', async () => {
    for (const text of [
      'We are proud of S a r a h W h i t f i e l d, who finished chemo.',
      'We are proud of S.a.r.a.h Whitfield, who finished chemo.',
    ]) {
      const { findings } = await lint(text, 'txt');
      const name = findings.find((f) => f.category === 'name');
      expect(name?.match, text).toBe('Sarah Whitfield');
    }
  });
  it('a name shouted in capitals is still a name, and a date with spaced slashes is a date', async () => {
    const shouted = await lint('CONGRATS TO SARAH WHITFIELD ON FINISHING CHEMO!!', 'txt');
    expect(shouted.findings.find((f) => f.category === 'name')?.match).toBe('SARAH');
    expect(shouted.findings.some((f) => f.category === 'health-detail')).toBe(true);
    // a word or two in capitals is emphasis or an acronym, not shouting
    const emphasis = await lint('Call MAC at the desk. We are CLOSED on MONDAY.', 'txt');
    expect(emphasis.findings.filter((f) => f.category === 'name')).toEqual([]);
    const dob = await lint('DOB 03 / 12 / 1961, seen for her knee.', 'txt');
    expect(dob.findings.find((f) => f.category === 'date')?.match).toBe('03/12/1961');
    expect(View.build('Ages 5 - 12 welcome.').text).toBe('Ages 5 - 12 welcome.');
  });
  it('digits standing in for letters inside a word are read as the letters, not in words that mean them', async () => {
    const { findings } = await lint('So proud of Sar4h Wh1tfield for finishing ch3mo!', 'txt');
    expect(findings.find((f) => f.category === 'name')?.match).toBe('Sarah Whitfield');
    expect(findings.find((f) => f.category === 'health-detail')?.match).toBe('chemo');
    for (const kept of [
      'Your HbA1c was 6.2 and your B12 is fine.',
      'mp3 players, h2o, COVID19 and 4x4 trucks',
      'Host 2001:db8:c0de::1 and code a1b2-c3d4',
    ])
      expect(View.build(kept).text).toBe(kept);
  });
  it('counting along and separators are not numbers', async () => {
    for (const text of [
      'One two three four five six seven eight nine ten: count with the kids!',
      'Inject |86.121.97.248| here',
    ]) {
      expect(View.build(text).text).toBe(text);
    }
  });
  it('ordinary prose is not rewritten: dashes between words and symbols stay', () => {
    const v = View.build('Well—maybe. Invisalign™ costs less – ask us. ½ price!');
    expect(v.text).toBe('Well—maybe. Invisalign™ costs less – ask us. ½ price!');
  });
});

describe('the view maps every character back to the source', () => {
  it('maps a joined number to its whole source span, and blocks back and forth', () => {
    const text = 'Call 404-**555**-0187 now';
    const visible = new Uint8Array(text.length).fill(1);
    for (const i of [9, 10, 14, 15]) visible[i] = 0;
    const v = View.build(text, visible);
    expect(v.text).toBe('Call 404-555-0187 now');
    const at = v.text.indexOf('404');
    expect(v.toSource(at, at + 12)).toEqual({ start: 5, end: 21 });
    expect(v.fromSource(5)).toBe(at);
    expect(v.fromSource(text.length)).toBe(v.text.length);
  });
  it('an entity maps to its whole source range', () => {
    const v = View.build('a&#64;b');
    expect(v.text).toBe('a@b');
    expect(v.toSource(1, 2)).toEqual({ start: 1, end: 6 });
    expect(v.toSource(0, 3)).toEqual({ start: 0, end: 7 });
  });
});

// Property: a planted identifier, obfuscated by any of the families above, is never lost, and
// the finding's source range lies on the planted characters.
const PLANTS: { value: string; category: string; sentence: (v: string) => string }[] = [
  { value: '404-555-0187', category: 'phone', sentence: (v) => `You can reach her at ${v} after five.` },
  { value: '078-05-1120', category: 'ssn', sentence: (v) => `Her SSN is ${v} per the form.` },
  { value: 'sarah.whitfield@gmail.com', category: 'email', sentence: (v) => `Her address is ${v} for now.` },
  {
    value: 'Sarah Whitfield',
    category: 'name',
    sentence: (v) => `We are proud of ${v}, who finished chemo this week.`,
  },
];

type Obfuscation = (v: string, rnd: number) => string;
const entity: Obfuscation = (v, r) => {
  // a character that is not already part of an entity
  const inEntity = new Set<number>();
  for (const m of v.matchAll(/&#x?[0-9a-f]+;/gi)) for (let i = m.index; i < m.index + m[0].length; i++) inEntity.add(i);
  const idx = [...v].map((c, i) => (/[0-9@.a-z-]/i.test(c) && !inEntity.has(i) ? i : -1)).filter((i) => i >= 0);
  const i = idx[r % idx.length];
  const cp = v.charCodeAt(i);
  return v.slice(0, i) + (r % 2 ? `&#${cp};` : `&#x${cp.toString(16)};`) + v.slice(i + 1);
};
/** Places between two characters that do not split an entity or an escape (r picks one). */
function cut(v: string, r: number, room = 0): number {
  const inside = new Set<number>();
  for (const m of v.matchAll(/&#x?[0-9a-f]+;|\\./gi))
    for (let i = m.index + 1; i < m.index + m[0].length; i++) inside.add(i);
  const at = [...Array(Math.max(0, v.length - 1 - room)).keys()]
    .map((i) => i + 1)
    .filter((i) => !inside.has(i) && !inside.has(i + room));
  return at.length ? at[r % at.length] : 1;
}
const insertAt =
  (ins: string): Obfuscation =>
  (v, r) => {
    const i = cut(v, r);
    return v.slice(0, i) + ins + v.slice(i);
  };
const wrapAt =
  (open: string, close: string): Obfuscation =>
  (v, r) => {
    const i = cut(v, r, 2);
    return `${v.slice(0, i)}${open}${v.slice(i, i + 2)}${close}${v.slice(i + 2)}`;
  };
const mapChars =
  (f: (c: string) => string): Obfuscation =>
  (v) =>
    [...v].map(f).join('');
const FAMILIES: Record<string, { f: Obfuscation; md?: boolean }> = {
  entity: { f: entity },
  zwsp: { f: insertAt('\u200b') },
  zwj: { f: insertAt('\u200d') },
  'word joiner': { f: insertAt('\u2060') },
  'soft hyphen': { f: insertAt('\u00ad') },
  'non-breaking hyphen': { f: mapChars((c) => (c === '-' ? '\u2011' : c)) },
  minus: { f: mapChars((c) => (c === '-' ? '\u2212' : c)) },
  'full-width digits': { f: mapChars((c) => (/\d/.test(c) ? String.fromCharCode(0xff10 + Number(c)) : c)) },
  'Arabic-Indic digits': { f: mapChars((c) => (/\d/.test(c) ? String.fromCharCode(0x0660 + Number(c)) : c)) },
  homoglyph: { f: mapChars((c) => (c === 'a' ? '\u0430' : c === 'e' ? '\u0435' : c)) },
  'backslash escapes': { f: mapChars((c) => (c === '-' || c === '.' ? `\\${c}` : c)), md: true },
  'strong inside': { f: wrapAt('**', '**'), md: true },
  'span inside': { f: wrapAt('<span>', '</span>'), md: true },
};

describe('normalisation property', () => {
  it('any obfuscation keeps the finding, on the original characters', async () => {
    const names = Object.keys(FAMILIES);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: PLANTS.length - 1 }),
        fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 2 }),
        fc.nat(),
        fc.constantFrom<'md' | 'txt'>('md', 'txt'),
        fc.constantFrom('', 'Thanks for reading.\n\n', '# News\n\n'),
        async (p, fams, rnd, format, prefix) => {
          const plant = PLANTS[p];
          let value = plant.value;
          for (const name of fams) {
            const fam = FAMILIES[name];
            if (fam.md && format !== 'md') continue;
            if (plant.category === 'name' && /digits|hyphen|minus/.test(name)) continue;
            value = fam.f(value, rnd);
          }
          const sentence = plant.sentence(value);
          const text = prefix + sentence;
          const start = prefix.length + sentence.indexOf(value);
          const end = start + value.length;
          const { findings } = await lint(text, format);
          const hit = findings.find((f) => f.category === plant.category && f.start < end && f.end > start);
          expect(hit, `${plant.category} lost in ${JSON.stringify(text)} (${fams.join(', ')})`).toBeDefined();
          // on the planted characters: starts at its first character, ends at its last
          expect(hit!.start).toBeGreaterThanOrEqual(start);
          expect(hit!.end).toBeLessThanOrEqual(end);
          expect(text.slice(hit!.start, hit!.start + 1)).toBe(value[0]);
        },
      ),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
