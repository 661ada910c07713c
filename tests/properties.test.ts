// Properties over random Markdown and Unicode text (fast-check): linting never throws and
// terminates; every finding lies inside the file and its text is what the rule matched;
// output is deterministic; masked output never holds a finding's unmasked value; pattern
// windows find what one pass over the whole text finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { collapse } from '../src/engine/lint.js';
import { json } from '../src/formatters/json.js';
import { stylish } from '../src/formatters/stylish.js';
import { scanWindows, windowsOf } from '../src/regex/scan.js';
import { applyEdits } from '../src/fix/edits.js';
import { planFixes } from '../src/fix/plan.js';
import { placeholderIn } from '../src/fix/placeholders.js';
import type { FileResult } from '../src/types.js';

const linter = createLinter({});

// Pieces that exercise the rules (names, numbers, dates, e-mails, relatives), Markdown
// syntax, and awkward Unicode (astral characters, combining marks, RTL, CR, tabs, NUL).
const piece = fc.oneof(
  fc.constantFrom(
    'Dana Lee',
    'Mrs. Ortiz',
    'Dr. Reyes',
    '404-555-0187',
    '(773) 555-0182',
    '123-45-6789',
    'jenny.runs@gmail.com',
    '03/14/2024',
    'her son Liam',
    'root canal',
    'Thanks Sarah!',
    'See you at your next visit',
    'photo attached',
    'GA 30030',
    '192.168.1.20',
    '**',
    '_',
    '`',
    '[',
    '](',
    ')',
    '![x](y.jpg)',
    '<!-- c -->',
    '<b>',
    '> ',
    '- ',
    '1. ',
    '# ',
    '---',
    '|',
    '\\',
    '&amp;',
    '&#x1F600;',
    '\n',
    '\n\n',
    '\r\n',
    '\r',
    '\t',
    ' ',
    '  ',
    '.',
    '!',
    '?',
    '…',
    ',',
    '😀',
    '👩🏽‍⚕️',
    'é',
    'e\u0301',
    'ß',
    'İ',
    'שלום',
    '\u200b',
    '\ufeff',
    '\0',
    '\ud800',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const draft = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));
const withFrontMatter = fc
  .tuple(fc.constantFrom('', '---\nkind: reply\n---\n', '---\ntitle: [bad\n---\n', '---\nconsent: yes\n---\n'), draft)
  .map(([fm, d]) => fm + d);
const format = fc.constantFrom<'md' | 'txt'>('md', 'txt');
const kind = fc.constantFrom<'post' | 'reply'>('post', 'reply');
const RUNS = { numRuns: 150, seed: 20261126 };

async function lintResult(text: string, f: 'md' | 'txt', k: 'post' | 'reply'): Promise<FileResult & { text: string }> {
  const { findings, doc } = await linter.lint(text, { format: f, kind: k, path: `draft.${f}` });
  return { filePath: `/x/draft.${f}`, findings, source: doc.text, text: doc.text };
}

describe('properties of linting', () => {
  it('never throws, terminates, and every finding lies inside the file and is what the rule matched', async () => {
    await fc.assert(
      fc.asyncProperty(withFrontMatter, format, kind, async (text, f, k) => {
        const { findings, doc } = await linter.lint(text, { format: f, kind: k });
        const lines = doc.text.split(/\r\n|\r|\n/);
        for (const x of findings) {
          expect(0 <= x.start && x.start < x.end && x.end <= doc.text.length).toBe(true);
          expect(x.line >= 1 && x.line <= lines.length && x.endLine >= x.line && x.endLine <= lines.length).toBe(true);
          expect(x.column >= 1 && x.column <= lines[x.line - 1].length + 1).toBe(true);
          expect(x.endColumn >= 1 && x.endColumn <= lines[x.endLine - 1].length + 1).toBe(true);
          // line/column and offsets agree
          expect(doc.lines.offset(x.line, x.column)).toBe(x.start);
          expect(doc.lines.offset(x.endLine, x.endColumn)).toBe(x.end);
          // the finding's text is what the reader sees of its source range: the view of
          // [start, end) (markup joined or blanked, characters normalised, white space
          // collapsed) holds it
          const seen = collapse(doc.view.text.slice(doc.view.fromSource(x.start), doc.view.fromSource(x.end)));
          if (x.ruleId.startsWith('phi-lint/'))
            expect(x.match).toBe(''); // phi-lint's own notes quote nothing
          else expect(seen).toContain(x.match);
        }
      }),
      RUNS,
    );
  }, 300_000);

  it('is deterministic: the same input gives the same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(withFrontMatter, format, kind, async (text, f, k) => {
        const opts = { mask: true, color: false, cwd: '/x', rules: new Map(), version: '0' };
        const a = await lintResult(text, f, k);
        const b = await lintResult(text, f, k);
        expect(json([b], opts)).toBe(json([a], opts));
        expect(stylish([b], opts)).toBe(stylish([a], opts));
      }),
      { ...RUNS, numRuns: 60 },
    );
  }, 300_000);

  it('masked output never holds the unmasked value of a finding', async () => {
    // A value counts when it has a letter or digit and is at least 4 characters long: shorter
    // ones ("Al", "9/1") occur everywhere by chance, and pure punctuation hides nothing.
    await fc.assert(
      fc.asyncProperty(withFrontMatter, format, kind, async (text, f, k) => {
        const opts = { mask: true, color: false, cwd: '/x', rules: new Map(), version: '0' };
        const r = await lintResult(text, f, k);
        const out = json([r], opts) + stylish([r], opts);
        // strip what is not derived from the draft: the rule messages' own wording
        for (const x of r.findings) {
          const v = x.match;
          if (v.length < 4 || !/[\p{L}\p{N}]/u.test(v)) continue;
          const escaped = JSON.stringify(v).slice(1, -1);
          const chrome = x.message + (x.suggestion ?? '') + (x.note ?? '');
          if (chrome.includes(v)) continue; // the rule's own text names the word
          expect(out.includes(escaped) || out.includes(v), `value ${JSON.stringify(v)} leaked`).toBe(false);
        }
      }),
      RUNS,
    );
  }, 300_000);
});

describe('pattern windows', () => {
  // Whole-text global exec, the semantics the windows must keep.
  const whole = (re: RegExp, text: string, group?: string) => {
    const out: { start: number; end: number }[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const idx = group ? m.indices?.groups?.[group] : [m.index, m.index + m[0].length];
      if (idx) out.push({ start: idx[0], end: idx[1] });
    }
    return out;
  };
  const tokens = fc
    .array(
      fc.constantFrom(
        'Dana',
        'Lee',
        'see',
        'you',
        'at',
        '404-555-0187',
        '12',
        'a@b.co',
        '.',
        ',',
        '!',
        ' ',
        '  ',
        '\n',
        '\n\n',
        'é',
        '😀',
        'x',
      ),
      { maxLength: 400 },
    )
    .map((a) => a.join(''));
  it('find exactly what one pass over the whole text finds (short matches, any window size)', () => {
    const patterns = linter.prepared.ruleSet.rules.flatMap((r) =>
      r.detectors.filter((d) => d.regex).map((d) => ({ re: d.regex!, group: d.group })),
    );
    fc.assert(
      fc.property(
        tokens,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: patterns.length - 1 }),
        (text, w, i) => {
          const { re, group } = patterns[i];
          expect(scanWindows(re, windowsOf(text, { window: w, before: 256, after: 512 }), group)).toEqual(
            whole(re, text, group),
          );
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });
});

describe('--fix properties', () => {
  // Posts, and replies with the reply template off: the template deliberately replaces a
  // reply's whole body, so "nothing outside finding spans changes" holds only without it.
  const noTemplate = { replyTemplate: false as const, replyRules: new Set<string>() };
  it('--fix then a second run reports no fixable finding', async () => {
    await fc.assert(
      fc.asyncProperty(withFrontMatter, format, async (text, f) => {
        const first = await linter.lint(text, { format: f, kind: 'post', path: `draft.${f}` });
        const plan = planFixes(first.doc, first.findings, noTemplate);
        const fixedText = applyEdits(first.doc.text, plan.edits);
        const second = await linter.lint(fixedText, { format: f, kind: 'post', path: `draft.${f}` });
        const again = planFixes(second.doc, second.findings, noTemplate);
        expect(again.edits.map((e) => second.doc.text.slice(e.start, e.end))).toEqual([]);
      }),
      { ...RUNS, numRuns: 80 },
    );
  });
  it('--fix never writes a placeholder, template or not (issue 15.10)', async () => {
    const opts = {
      replyTemplate: true,
      phone: '(404) 555-0100',
      replyRules: new Set<string>(['reply/greets-reviewer']),
    };
    await fc.assert(
      fc.asyncProperty(
        withFrontMatter,
        format,
        fc.constantFrom('post' as const, 'reply' as const),
        async (text, f, kind) => {
          const { doc, findings } = await linter.lint(text, { format: f, kind, path: `draft.${f}` });
          const plan = planFixes(doc, findings, opts);
          for (const e of plan.edits) expect(placeholderIn(e.text), e.text).toBeUndefined();
          for (const s of plan.suggestions) expect(s.findings.some((x) => x.fixable)).toBe(false);
        },
      ),
      { ...RUNS, numRuns: 80 },
    );
  });
  it('--fix changes no text outside finding spans or the front matter', async () => {
    await fc.assert(
      fc.asyncProperty(withFrontMatter, format, async (text, f) => {
        const { doc, findings } = await linter.lint(text, { format: f, kind: 'post', path: `draft.${f}` });
        const plan = planFixes(doc, findings, noTemplate);
        // a greeted name is left out with the separator before it ("Hi Sarah," → "Hi,": fix/greeting.ts)
        const reaches = (e: { start: number }, x: { start: number }): boolean =>
          x.start <= e.start || /^,?[ \t]+$/.test(doc.text.slice(e.start, x.start));
        const inside = (e: { start: number; end: number }): boolean =>
          plan.fixed.some((x) => reaches(e, x) && e.end <= x.end) &&
          !(doc.frontMatterSpan && e.start < doc.frontMatterSpan.end);
        for (const e of plan.edits) expect(inside(e), `edit ${JSON.stringify(e)} outside the findings`).toBe(true);
        // and the text between edits is byte-for-byte the original
        const out = applyEdits(doc.text, plan.edits);
        const sorted = [...plan.edits].sort((a, b) => a.start - b.start);
        let from = 0;
        let at = 0;
        for (const e of sorted) {
          const keep = doc.text.slice(from, e.start);
          expect(out.slice(at, at + keep.length)).toBe(keep);
          at += keep.length + e.text.length;
          from = e.end;
        }
        expect(out.slice(at)).toBe(doc.text.slice(from));
      }),
      { ...RUNS, numRuns: 80 },
    );
  });
});
