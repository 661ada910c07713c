// The health vocabulary's word shapes, body-site phrases and specialty packs
// (rules/lists/medical-shapes.yaml, rules/lists/specialty-*.yaml) and how rules/health.yaml
// reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TermIndex } from '../src/matchers/term-index.js';
import { ROOT } from './helpers.js';

const LISTS = join(ROOT, 'rules', 'lists');
const listsOf = (file: string): Record<string, string[]> => {
  const data = parse(readFileSync(join(LISTS, file), 'utf8')) as { lists: Record<string, string | string[]> };
  return Object.fromEntries(
    Object.entries(data.lists).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? v
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'))
        : v,
    ]),
  );
};
const found = (index: TermIndex, words: string[]): string[] => {
  const text = words.join(' . ');
  return index.find(text).map((s) => text.slice(s.start, s.end));
};

describe('medical word shapes', () => {
  const shapes = new TermIndex(listsOf('medical-shapes.yaml')['medical-word-shapes'], { inflect: true });

  it('find conditions, procedures, imaging and drugs no list names', () => {
    const medical = [
      'tenosynovitis',
      'Tendinitis',
      'cholecystectomy',
      'tracheostomy',
      'septorhinoplasty',
      'retinopexy',
      'arthroscopy',
      'mammogram',
      'tomography',
      'fibromyalgia',
      'hyperkalemia',
      'neuropathy',
      'glioma',
      'hemangiomas',
      'hemiplegia',
      'rhinorrhea',
      'thrombocytopenia',
      'dystrophy',
      'cardiomegaly',
      'hematuria',
      'candidiasis',
      'otitis',
      'dupilumab',
      'osimertinib',
      'lisinopril',
      'losartan',
      'rosuvastatin',
      'metoprolol',
      'pantoprazole',
      'doxycycline',
      'vancomycin',
      'amoxicillin',
      'levofloxacin',
      'valacyclovir',
      'enoxaparin',
      'sitagliptin',
      'montelukast',
      'sumatriptan',
      'ondansetron',
      'lidocaine',
      'duloxetine',
      'lorazepam',
      'alprazolam',
      'famotidine',
      'alendronate',
      'furosemide',
      'hydrochlorothiazide',
      'metformin',
      'prednisone',
      'dexamethasone',
    ];
    expect(found(shapes, medical)).toEqual(medical);
  });

  it('stay silent on everyday words with the same endings', () => {
    const everyday = [
      'diagnosis',
      'prognosis',
      'hypnosis',
      'osmosis',
      'symbiosis',
      'metamorphosis',
      'dichotomy',
      'photography',
      'biography',
      'geography',
      'choreography',
      'program',
      'kilogram',
      'histogram',
      'nostalgia',
      'empathy',
      'sympathy',
      'apathy',
      'telepathy',
      'naturopathy',
      'diploma',
      'diplomas',
      'aroma',
      'coma',
      'Oklahoma',
      'Sonoma',
      'Tacoma',
      'chroma',
      'trophy',
      'academia',
      'Bohemia',
      'April',
      'Caine',
      'provolone',
      'histidine',
      'purposes',
      'closes',
      'proposes',
      'Manchuria',
      'wapitis',
      'nib',
      'Punjab',
      'logorrhea',
      'senioritis',
    ];
    expect(found(shapes, everyday)).toEqual([]);
  });

  it('match whole words only, never inside a word, address or handle', () => {
    expect(
      found(shapes, ['arthritisy', 'x_arthritis', '@arthritis', 'arthritis@example.com', 'example.com/arthritis']),
    ).toEqual([]);
  });
});

describe('body-site symptom phrases', () => {
  const phrases = new TermIndex(listsOf('medical-shapes.yaml')['body-site-symptoms'], { inflect: true });

  it('find a body part with a symptom or injury, and a symptom placed on someone', () => {
    const fire = [
      'lower back pain',
      'left knee sprain',
      'shoulder stiffness',
      'neck spasms',
      'right ankle fracture',
      'pain down her left leg',
      'numbness in his fingers',
      'swelling in your ankles',
      'jaw pain',
    ];
    expect(found(phrases, fire)).toEqual(fire);
  });

  it('stay silent on the same words in other senses', () => {
    expect(
      found(phrases, [
        'she came back to the office',
        'a pain in the neck',
        'the back office',
        'hand cream',
        'pain relief',
      ]),
    ).toEqual([]);
  });
});

describe('specialty packs', () => {
  const files = readdirSync(LISTS).filter((f) => /^specialty-.+\.yaml$/.test(f));
  const health = readFileSync(join(ROOT, 'rules', 'health.yaml'), 'utf8');
  const rules = parse(health) as { rules: { id: string; detect: { terms?: string[] }[] }[] };
  const termsOf = (id: string): string[] => rules.rules.find((r) => r.id === id)!.detect.flatMap((d) => d.terms ?? []);
  const strict = ['health/personal-detail', 'health/reply-treatment'];
  const broad = ['health/near-person', 'health/reply-to-patient'];

  it('cover the specialties, each stating its provenance and licence', () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
    for (const f of files) {
      const text = readFileSync(join(LISTS, f), 'utf8');
      expect(text, f).toMatch(
        /^# Specialty vocabulary: .*\n# general medical knowledge; no third-party word list was copied/,
      );
      expect(text, f).toMatch(/MIT/);
    }
  });

  it('are wired: plain lists into every health-detail rule, ambiguous lists only where a pronoun must come first', () => {
    for (const f of files) {
      const name = f.replace(/\.yaml$/, '');
      const lists = listsOf(f);
      expect(Object.keys(lists).sort(), f).toEqual([name, `${name}-ambiguous`]);
      for (const id of [...strict, ...broad]) expect(termsOf(id), `${id} reads ${name}`).toContain(`@${name}`);
      for (const id of strict) expect(termsOf(id), `${id} reads ${name}-ambiguous`).toContain(`@${name}-ambiguous`);
      for (const id of broad)
        expect(termsOf(id), `${id} must not read ${name}-ambiguous`).not.toContain(`@${name}-ambiguous`);
    }
    for (const id of [...strict, ...broad])
      expect(termsOf(id)).toEqual(expect.arrayContaining(['@medical-word-shapes', '@body-site-symptoms']));
  });

  it('keep everyday words out of the plain lists, and abbreviations in capitals only', () => {
    const plain = files.flatMap((f) => listsOf(f)[f.replace(/\.yaml$/, '')]);
    for (const w of [
      'port',
      'cycle',
      'adjustment',
      'brackets',
      'wires',
      'filler',
      'elastics',
      'session',
      'ALL',
      'SAD',
      'ADD',
      'PrEP',
      'ella',
    ])
      expect(
        plain.map((t) => t.toLowerCase()),
        w,
      ).not.toContain(w.toLowerCase());
    const index = new TermIndex(plain, { inflect: true });
    expect(found(index, ['AML', 'CBC', 'PRK', 'IVF'])).toEqual(['AML', 'CBC', 'PRK', 'IVF']);
    expect(found(index, ['aml', 'cbc', 'prk', 'ivf'])).toEqual([]);
  });
});
