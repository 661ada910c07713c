// Context text is cut once per document and context setting and shared by the rules
// (engine/context.ts ContextMemo), and collapse and the word windows take shortcuts for plain
// text: each must give exactly what the plain computation gives, whatever the rules, documents
// and texts before it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { parseDocument } from '../src/documents/load.js';
import { collapse } from '../src/engine/candidates.js';
import { Structure } from '../src/matchers/structure.js';
import { tempDir } from './support/temp-dirs.js';

/** One rule finding "Z-" and four digits, with a context. */
function rule(id: string, context: string): string {
  return (
    `  - id: ${id}\n    category: other-id\n    severity: warning\n    message: m\n    why: w\n` +
    `    detect:\n      - pattern: '\\bZ-\\d{4}\\b'\n    context: ${context}\n` +
    `    examples: { fire: ['Z-1234'], silent: ['Z-12'] }\n`
  );
}

/** The ids of the rules that fire on each text (every rule's findings kept). */
async function firing(rules: string[], texts: string[]): Promise<string[][]> {
  const dir = tempDir({ 'memo.yaml': `pack: memo\nrules:\n${rules.join('')}` }, 'phi-lint-memo-');
  const linter = createLinter({ rules: [dir], builtin: false });
  const out: string[][] = [];
  for (const text of texts) {
    const r = await linter.lint(text, { kind: 'post', format: 'txt', keepDuplicates: true });
    out.push(r.findings.map((f) => f.ruleId).sort());
  }
  return out;
}

describe('context text, shared by the rules of a document', () => {
  const text = 'We were visiting one two three Z-1234 after lunch.';

  it('two rules with different windows on the same span each read their own window', async () => {
    const near = rule('memo/near', '{ window: 2, direction: before, forbid: [visiting] }');
    const far = rule('memo/far', '{ window: 6, direction: before, forbid: [visiting] }');
    // either one first: the second must not be handed the first's text
    expect(await firing([near, far], [text])).toEqual([['memo/near']]);
    expect(await firing([far, near], [text])).toEqual([['memo/near']]);
  });

  it('two rules with different directions, or scopes, on the same span each read their own side', async () => {
    const before = rule('memo/before', '{ window: 3, direction: before, forbid: [lunch] }');
    const after = rule('memo/after', '{ window: 3, direction: after, forbid: [lunch] }');
    expect(await firing([before, after], [text])).toEqual([['memo/before']]);
    expect(await firing([after, before], [text])).toEqual([['memo/before']]);
    const two = 'Z-1234 was noted. We were visiting then.';
    const sentence = rule('memo/sentence', '{ scope: sentence, forbid: [visiting] }');
    const paragraph = rule('memo/paragraph', '{ scope: paragraph, forbid: [visiting] }');
    expect(await firing([sentence, paragraph], [two])).toEqual([['memo/sentence']]);
    expect(await firing([paragraph, sentence], [two])).toEqual([['memo/sentence']]);
  });

  it('two documents with the span at the same offsets read their own text', async () => {
    const far = rule('memo/far', '{ window: 6, direction: before, forbid: [visiting] }');
    const other = 'We were greeting one two three Z-1234 after lunch.'; // same length, same offsets
    expect(await firing([far], [text, other, text])).toEqual([[], ['memo/far'], []]);
  });
});

describe('shortcuts for plain text', () => {
  const reference = (s: string): string => s.replace(/\s+/g, ' ').trim();

  it('collapse is s.replace(/\\s+/g, " ").trim() for every UTF-16 code unit, wherever it stands', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [
        ch,
        `a${ch}b`,
        `a ${ch}b`,
        `a${ch} b`,
        `${ch}a`,
        `a${ch}`,
        `${ch}${ch}`,
        ` ${ch} a${ch}${ch}b `,
      ]) {
        if (collapse(s) !== reference(s))
          expect(collapse(s), `U+${c.toString(16)} in ${JSON.stringify(s)}`).toBe(reference(s));
      }
    }
  });

  it('collapse agrees with the reference on random white space', () => {
    const unit = fc.constantFrom(' ', ' ', '\n', '\t', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff', 'a', 'b', 'é');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const s = units.join('');
        expect(collapse(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });

  /** The word windows as they were written: one regex test per character. */
  function wordsBefore(p: string, offset: number, n: number, limit: number): number {
    let i = offset;
    let words = 0;
    while (i > limit && words < n) {
      while (i > limit && !/[\p{L}\p{N}]/u.test(p[i - 1])) i--;
      if (i <= limit) break;
      while (i > limit && /[\p{L}\p{N}'’_-]/u.test(p[i - 1])) i--;
      words++;
    }
    return Math.max(i, limit);
  }
  function wordsAfter(p: string, offset: number, n: number, limit: number): number {
    let i = offset;
    let words = 0;
    while (i < limit && words < n) {
      while (i < limit && !/[\p{L}\p{N}]/u.test(p[i])) i++;
      if (i >= limit) break;
      while (i < limit && /[\p{L}\p{N}'’_-]/u.test(p[i])) i++;
      words++;
    }
    return Math.min(i, limit);
  }

  it('wordsBefore and wordsAfter count words as the per-character regexes do', () => {
    const ascii = [...Array(128).keys()].map((c) => String.fromCharCode(c));
    const unit = fc.oneof(
      fc.constantFrom(...ascii),
      fc.constantFrom('’', 'é', 'Ж', '٣', '\u00a0', '😀', '\ud83d', '—'),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.nat(), fc.nat(6), (units, at, n) => {
        const text = units.join('');
        const st = new Structure(parseDocument('draft.txt', text, 'post', 'txt'));
        const p = st.doc.prose;
        const o = at % (p.length + 1);
        expect(st.wordsBefore(o, n, 0)).toBe(wordsBefore(p, o, n, 0));
        expect(st.wordsAfter(o, n, p.length)).toBe(wordsAfter(p, o, n, p.length));
      }),
      { numRuns: 3000 },
    );
  });
});
