// Masked output shows only what phi-lint proved safe (issue 12, item 8): a finding's value is
// a fixed `***` (no initials, no length, no digit of an SSN or phone), and any other draft
// text a report quotes — code frames, messages about front matter, directives and consents,
// notes, a directive's reason — keeps only common English words that are not names or
// places. Checked in every format, through the CLI, and as a property over random drafts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { run } from '../src/cli.js';
import { formatterNames, loadFormatter } from '../src/formatters/index.js';
import { isSafeWord, maskText, maskWords } from '../src/formatters/mask.js';
import { stylish } from '../src/formatters/stylish.js';
import { json } from '../src/formatters/json.js';
import type { FormatOptions } from '../src/formatters/types.js';
import type { FileResult, Finding } from '../src/types.js';
import { cli, tmpProject } from './tmp-project.js';
import { slow } from './support/tiers.js';

const opts = (over: Partial<FormatOptions> = {}): FormatOptions => ({
  mask: true,
  color: false,
  cwd: '/x',
  rules: new Map(),
  version: '0',
  ...over,
});

/** A finding over `value`'s first occurrence in a one-line source. */
function finding(source: string, value: string, over: Partial<Finding> = {}): Finding {
  const start = source.indexOf(value);
  return {
    ruleId: 'phi/phone',
    category: 'phone',
    severity: 'error',
    start,
    end: start + value.length,
    match: value,
    message: 'Phone number "{match}".',
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: start + value.length + 1,
    ...over,
  };
}

/** Output of every format for these results, masked. */
async function everyFormat(results: FileResult[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of formatterNames()) out[name] = (await loadFormatter(name))(results, opts());
  return out;
}

/** Masks that reveal an initial ("D***") or a length ("*****"), or digits next to a mask. */
const REVEALING = /\p{L}\*|\*{4,}|\*[\p{N}]|[\p{N}]\*|\*-\p{N}/u;

describe('safe words', () => {
  it('common English words are safe; names, places, initials, numbers and other scripts are not', () => {
    for (const w of ['the', 'Thanks', 'appointment', 'surgery', 'dentist', "dentist's", "don't", 'a', 'I'])
      expect(isSafeWord(w), w).toBe(true);
    for (const w of [
      'Sarah',
      'Whitfield',
      'Dana',
      'Will',
      'Hope',
      'June',
      'Grace',
      'Brown',
      'Atlanta',
      'Decatur',
      'J',
      'x',
      "Will's",
      '404',
      '٤٠٤',
      '４０４',
      'Zoë',
      'ｔｈｅ',
    ]) {
      expect(isSafeWord(w), w).toBe(false);
    }
    // a common word that is also a name or a place is shown only in lower case
    for (const w of ['will', 'hope', 'grace', 'brown', "will's"]) expect(isSafeWord(w), w).toBe(true);
  });
  it('maskWords keeps punctuation, spacing and safe words, and hides everything else at a fixed width', () => {
    expect(maskWords('Please call Sarah Whitfield at 404-555-0187 today.')).toBe(
      'Please call *** *** at ***-***-*** today.',
    );
    // a common word that is also a name ("Call", "Grace") is shown only in lower case
    expect(maskWords('Call Grace, call grace')).toBe('*** ***, call grace');
    expect(maskWords('SSN 078-05-1120, MRN 00482913')).toBe('SSN ***-***-***, MRN ***');
    expect(maskWords('Arabic-Indic ٤٠٤-٥٥٥-٠١٨٧ and full-width ４０４５５５')).toBe(
      '***-*** ***-***-*** and full-width ***',
    );
    expect(maskWords('\u001b[31mred\u001b[0m')).toBe('***[***[***');
  });
  it('maskText masks hidden spans whole, one mask per line they touch, and keeps replacements', () => {
    const text = 'For Dana\nRuiz, call 404-555-0187.\n';
    const name = { start: 4, end: 13 };
    expect(maskText(text, [name])).toBe('For ***\n***, call ***-***-***.\n');
    expect(maskText(text, [name], [{ start: 20, end: 32, text: '[PHONE]' }])).toBe('For ***\n***, call [PHONE].\n');
  });
});

describe('masked code frames', () => {
  it('mask every word on the line that is not proved safe, not only the finding', async () => {
    const source = 'Zelda Quillfeather called from 404-555-0187 on Tuesday.\n';
    const out = stylish([{ filePath: '/x/a.md', source, findings: [finding(source, '404-555-0187')] }], opts());
    expect(out).toContain('│ *** *** called from *** on Tuesday.\n');
    expect(out).toContain(`│ ${' '.repeat('*** *** called from '.length)}^^^\n`);
    expect(out).not.toMatch(/Zelda|Quillfeather|0187/);
  });
  it('mask Arabic-Indic and full-width digits', () => {
    const source = 'Please call ٤٠٤-٥٥٥-٠١٨٧ or ４０４-５５５-０１８７ or 404-555-0187.\n';
    const out = stylish([{ filePath: '/x/a.md', source, findings: [finding(source, '404-555-0187')] }], opts());
    expect(out).toContain('│ Please call ***-***-*** or ***-***-*** or ***.');
    expect(out).not.toMatch(/[٠-٩０-９]/);
  });
  it('reveal no part of an SSN, and no initial or length of a name, in any format', async () => {
    const source = 'Zelda Quillfeather, SSN 078-05-1120, phone 404-555-0187.\n';
    const results: FileResult[] = [
      {
        filePath: '/x/a.md',
        source,
        findings: [
          finding(source, 'Zelda Quillfeather', {
            ruleId: 'names/full-name',
            category: 'name',
            message: 'A name ("{match}").',
          }),
          finding(source, '078-05-1120', { ruleId: 'phi/ssn', category: 'ssn', message: 'SSN "{match}".' }),
          finding(source, '404-555-0187'),
        ],
      },
    ];
    for (const [name, out] of Object.entries(await everyFormat(results))) {
      expect(out, name).not.toMatch(/Zelda|Quillfeather|1120|0187|078|555/);
      expect(out, name).not.toMatch(REVEALING);
    }
    expect(JSON.parse(json(results, opts()))[0].messages.map((m: { value: string }) => m.value)).toEqual([
      '***',
      '***',
      '***',
    ]);
  });
  it('still show the line as it is with --show-values (so the checks above can fail)', () => {
    const source = 'Zelda Quillfeather called from 404-555-0187 on Tuesday.\n';
    const out = stylish(
      [{ filePath: '/x/a.md', source, findings: [finding(source, '404-555-0187')] }],
      opts({ mask: false }),
    );
    expect(out).toContain('│ Zelda Quillfeather called from 404-555-0187 on Tuesday.\n');
    expect(out).toContain('│                                ^^^^^^^^^^^^\n');
  });
});

describe("draft text in phi-lint's own messages, through the CLI", () => {
  const secrets = ['Sarah', 'Whitfield', '078-05-1120', '1120'];

  slow('the malformed-front-matter warning shows no raw line', async () => {
    const dir = tmpProject({ 'a.md': '---\ntitle: Sarah Whitfield: 078-05-1120 [\n---\nFlu shots are in.\n' });
    for (const format of formatterNames()) {
      const r = await cli(['a.md', '-f', format], { cwd: dir });
      expect(r.stdout, format).toContain('front-matter');
      for (const s of secrets) expect(r.stdout, `${format}: ${s}`).not.toContain(s);
    }
    const shown = await cli(['a.md', '--show-values'], { cwd: dir });
    expect(shown.stdout).toContain('Sarah Whitfield: 078-05-1120');
  });

  slow('a consent: value is masked in every format', async () => {
    const dir = tmpProject({ 'a.md': '---\nconsent: Sarah Whitfield 078-05-1120\n---\nFlu shots are in.\n' });
    for (const format of formatterNames()) {
      const r = await cli(['a.md', '-f', format], { cwd: dir });
      expect(r.stdout, format).toContain('phi-lint/consent');
      for (const s of secrets) expect(r.stdout, `${format}: ${s}`).not.toContain(s);
    }
    const shown = await cli(['a.md', '-f', 'compact', '--show-values'], { cwd: dir });
    expect(shown.stdout).toContain('cites consent Sarah Whitfield 078-05-1120');
  });

  slow('messages and frames of directives hide the names they quote; JSON and SARIF mask the reason', async () => {
    const dir = tmpProject({
      'a.md':
        '<!-- phi-lint-disable-next-line phi/phnoe -- Sarah Whitfield said yes -->\nCall 404-555-0187.\n\n<!-- phi-lint-disable-next-line phi/phone -- Whitfield family line -->\nCall 404-555-0142.\n',
    });
    for (const format of formatterNames()) {
      const r = await cli(['a.md', '-f', format], { cwd: dir });
      expect(r.stdout, format).toMatch(/directive-invalid/);
      for (const s of ['Sarah', 'Whitfield', '0187', '0142']) expect(r.stdout, `${format}: ${s}`).not.toContain(s);
    }
    const [file] = JSON.parse((await cli(['a.md', '-f', 'json'], { cwd: dir })).stdout);
    expect(file.messages[0].message).toBe(
      '"phi-lint-disable-next-line phi/*** -- *** *** said yes" names "phi/***", which is neither a rule id nor a category (did you mean "phi/phone"?).',
    );
    expect(file.suppressedMessages[0].suppressions).toEqual([{ kind: 'directive', justification: '*** family line' }]);
    const shown = await cli(['a.md', '-f', 'json', '--show-values'], { cwd: dir });
    expect(JSON.parse(shown.stdout)[0].suppressedMessages[0].suppressions[0].justification).toBe(
      'Whitfield family line',
    );
  });

  slow('a consent note names no draft value', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'practice:\n  name: Lakeside Dental\n',
      'consents.yaml':
        'consents:\n  - id: Whitfield-2025\n    covers: [phone]\n    signed: 2025-01-10\n    expires: 2099-01-10\n',
      'a.md': '---\nconsent: Whitfield-2025\n---\nCall 404-555-0187.\n',
    });
    const shown = await cli(['a.md', '-f', 'json', '--show-values'], { cwd: dir });
    expect(shown.stdout).toContain('covered by consent Whitfield-2025');
    for (const format of formatterNames()) {
      const r = await cli(['a.md', '-f', format], { cwd: dir });
      expect(r.stdout, format).not.toContain('Whitfield');
    }
  });
});

describe('masked output never shows an unsafe word of the draft (property)', () => {
  const linter = createLinter({});
  const piece = fc.oneof(
    fc.constantFrom(
      'Zelda Quillfeather',
      'Dana Lee',
      'Mrs. Ortiz',
      'her son Liam',
      'Thanks Sarah!',
      '404-555-0187',
      '٤٠٤-٥٥٥-٠١٨٧',
      '４０４５５５０１８７',
      '078-05-1120',
      'MRN 00482913',
      'jenny.runs@gmail.com',
      '03/14/2024',
      'Decatur, GA 30030',
      'root canal',
      'See you at your next visit',
      'the',
      'appointment',
      'we',
      'called',
      'today',
      '\u001b[31m',
      '\u202e',
      '<!-- phi-lint-disable-line -- Quillfeather asked -->',
      '\n',
      '\n\n',
      ' ',
      ', ',
      '. ',
      '---\n',
    ),
    fc.stringMatching(/^[A-Za-z]{4,9}$/),
  );
  const draft = fc.array(piece, { maxLength: 40 }).map((a) => a.join(' '));

  it('in stylish and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(draft, async (text) => {
        const { findings, doc } = await linter.lint(text, { format: 'md', path: 'draft.md' });
        const r: FileResult = { filePath: '/x/draft.md', findings, source: doc.text };
        const out = stylish([r], opts()) + json([r], opts());
        // the rule packs' own wording (messages, suggestions) may use any word
        const chrome = findings
          .map((f) => `${f.message} ${f.suggestion ?? ''} ${f.note ?? ''}`)
          .join(' ')
          .toLowerCase();
        const words = doc.text.match(/[^\s\p{P}$+<=>^`|~]{4,}/gu) ?? [];
        for (const w of words) {
          if (isSafeWord(w) || chrome.includes(w.toLowerCase())) continue;
          expect(out.includes(w), `"${w}" leaked from ${JSON.stringify(text)}`).toBe(false);
        }
      }),
      { numRuns: 120, seed: 20261205 },
    );
  }, 300_000);
});

describe('mask policy', () => {
  const env = (vars: Record<string, string>) => ({
    cwd: tmpProject({ 'a.txt': 'Call 404-555-0187 now.\n' }),
    env: vars,
    stdoutIsTTY: true,
    stdinIsTTY: true,
    readStdin: async () => Buffer.from(''),
  });
  slow('masks on every CI system, not only where CI is set', async () => {
    for (const v of ['GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'TF_BUILD', 'BUILDKITE', 'CIRCLECI', 'CI']) {
      const r = await run(
        ['a.txt', '-f', 'compact'],
        env({ [v]: v === 'JENKINS_URL' ? 'https://ci.example.org/' : 'true' }),
      );
      expect(r.stdout, v).not.toContain('404-555-0187');
      expect(r.stdout, v).toContain('"***"');
    }
  });
  it('not when the variable is empty or "false", and not on a terminal outside CI', async () => {
    for (const vars of [{}, { GITHUB_ACTIONS: 'false' }, { TF_BUILD: '' }, { CI: 'false' }]) {
      const r = await run(['a.txt', '-f', 'compact'], env(vars));
      expect(r.stdout, JSON.stringify(vars)).toContain('404-555-0187');
    }
  });
});
