// --fix and --fix-dry-run: what gets replaced (the reply template; placeholders that keep
// Markdown intact are suggestions, never written: fix-suggestions.test.ts), and how files are
// written (atomic, encoding, BOM, line endings, front matter, permissions, symlinks). A second
// run after --fix finds nothing fixable.
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/documents/load.js';
import { applyEdits, redactionEdits } from '../src/fix/edits.js';
import { planFixes, DEFAULT_REPLY_TEMPLATE, type FixOptions } from '../src/fix/plan.js';
import { writeFileAtomic } from '../src/atomic-write.js';
import { encode, encodingOf, writeTarget } from '../src/fix/write.js';
import { decode } from '../src/documents/load.js';
import { phiLint } from './helpers.js';
import { cli, tmpProject } from './tmp-project.js';
import { slow } from './support/tiers.js';
import { findingAt } from './support/findings.js';

const TEMPLATE = DEFAULT_REPLY_TEMPLATE.replace('{phone}', '(404) 555-0100');
const PRACTICE = 'practice:\n  phones: ["(404) 555-0100"]\n';
const noTemplate: FixOptions = { replyTemplate: true, phone: undefined, replyRules: new Set() };
const withPhone: FixOptions = {
  replyTemplate: true,
  phone: '(404) 555-0100',
  replyRules: new Set(['clinic/greets-reviewer']),
};

describe('redaction edits', () => {
  it('replace the span with the placeholder and keep emphasis markers balanced', () => {
    const text = 'Thanks **Sarah** Lee, see you at 404-555-0187!';
    const doc = parseDocument('a.md', text, 'post');
    const out = applyEdits(
      text,
      redactionEdits(doc, [findingAt(text, 'Sarah** Lee', 'name'), findingAt(text, '404-555-0187', 'phone')]),
    );
    expect(out).toBe('Thanks **[NAME]**, see you at [PHONE]!');
  });
  it('replace a whole image for a photo, and merge overlapping findings', () => {
    const text = 'Look: ![Dana at the 5K](dana-5k.jpg) and dana.w@example.org';
    const doc = parseDocument('a.md', text, 'post');
    const edits = redactionEdits(doc, [
      findingAt(text, '![Dana at the 5K](dana-5k.jpg)', 'photo'),
      findingAt(text, 'Dana', 'name'),
      findingAt(text, 'dana.w@example.org', 'email'),
      findingAt(text, 'dana.w', 'name'),
    ]);
    expect(applyEdits(text, edits)).toBe('Look: [PHOTO] and [EMAIL]');
  });
  it('escape the brackets in Markdown where the placeholder would start a link', () => {
    const text = 'Text 773-555-0182(cell) or 773-555-0183.';
    const edits = (format: 'md' | 'txt'): string =>
      applyEdits(
        text,
        redactionEdits(parseDocument(`a.${format}`, text, 'post'), [
          findingAt(text, '773-555-0182', 'phone'),
          findingAt(text, '773-555-0183', 'phone'),
        ]),
      );
    expect(edits('md')).toBe('Text \\[PHONE\\](cell) or [PHONE].');
    expect(edits('txt')).toBe('Text [PHONE](cell) or [PHONE].');
  });
  it('applyEdits refuses overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, text: 'x' },
        { start: 2, end: 4, text: 'y' },
      ]),
    ).toThrow(/overlapping/);
  });
});

describe('what --fix plans', () => {
  const reply = '---\r\nkind: reply\r\n---\r\nHi Dana! Our records show you declined the X-ray. Call 404-555-0187.\r\n';
  it('a post: identifier redactions are suggestions, never edits; disclosures get neither; consent-covered and phi-lint findings are not touched', () => {
    const text = 'Dana had a root canal. Call 404-555-0187 or 404-555-0111.';
    const doc = parseDocument('a.txt', text, 'post');
    const covered = {
      ...findingAt(text, '404-555-0111', 'phone'),
      severity: 'info' as const,
      note: 'covered by consent C-1, expires 2030-01-01',
    };
    const meta = { ...findingAt(text, 'Dana', 'other-id'), ruleId: 'phi-lint/consent' };
    const plan = planFixes(
      doc,
      [meta, findingAt(text, 'root canal', 'health-detail'), findingAt(text, '404-555-0187', 'phone'), covered],
      withPhone,
    );
    expect(plan.edits).toEqual([]);
    expect(plan.fixed).toEqual([]);
    expect(plan.suggestions.flatMap((s) => s.findings.map((f) => f.match))).toEqual(['404-555-0187']);
    expect(
      applyEdits(
        text,
        plan.suggestions.map((s) => s.edit),
      ),
    ).toBe('Dana had a root canal. Call [PHONE] or 404-555-0111.');
  });
  it('a risky reply becomes the approved template; front matter and line endings stay', () => {
    const doc = parseDocument('r.md', reply, 'post');
    expect(doc.kind).toBe('reply');
    const plan = planFixes(
      doc,
      [
        findingAt(reply, 'Our records show you declined', 'defensive-disclosure'),
        findingAt(reply, '404-555-0187', 'phone'),
      ],
      withPhone,
    );
    expect(applyEdits(reply, plan.edits)).toBe(
      `---\r\nkind: reply\r\n---\r\n${DEFAULT_REPLY_TEMPLATE.replace('{phone}', '(404) 555-0100')}\r\n`,
    );
    expect(plan.fixed).toHaveLength(2);
  });
  it('a finding of a reply-only rule calls for the template too; identifiers alone do not', () => {
    const doc = parseDocument('r.md', reply, 'post');
    expect(
      planFixes(doc, [findingAt(reply, 'Dana', 'name', 'clinic/greets-reviewer')], withPhone).template,
    ).toBeDefined();
    const idOnly = planFixes(
      doc,
      [findingAt(reply, 'Dana', 'name', 'phi/name'), findingAt(reply, '404-555-0187', 'phone')],
      withPhone,
    );
    expect(idOnly.template).toBeUndefined();
    // the greeted name is left out (publishable); the phone would need a placeholder: a suggestion
    expect(applyEdits(reply, idOnly.edits)).toContain(
      'Hi! Our records show you declined the X-ray. Call 404-555-0187.',
    );
    expect(
      applyEdits(
        reply,
        idOnly.suggestions.map((s) => s.edit),
      ),
    ).toContain('Call [PHONE].');
  });
  it('no template without a practice phone, when switched off, and your own wording when given', () => {
    const doc = parseDocument('r.md', reply, 'post');
    const risky = [
      findingAt(reply, 'Our records show you declined', 'defensive-disclosure'),
      findingAt(reply, '404-555-0187', 'phone'),
    ];
    for (const o of [noTemplate, { ...withPhone, replyTemplate: false }]) {
      const plan = planFixes(doc, risky, o);
      expect(plan.template).toBeUndefined();
      expect(plan.fixed).toEqual([]);
      expect(plan.suggestions.flatMap((s) => s.findings.map((f) => f.category))).toEqual(['phone']);
    }
    const own = planFixes(doc, risky, { ...withPhone, replyTemplate: 'Thanks! Please call {phone}.' });
    expect(own.template).toBe('Thanks! Please call (404) 555-0100.');
  });
});

describe('writing', () => {
  it('encodings round-trip with their BOM', () => {
    for (const enc of ['utf8', 'utf8-bom', 'utf16le', 'utf16be'] as const) {
      const buf = encode('Añ 😀\r\nb', enc);
      expect(encodingOf(buf)).toBe(enc);
      expect(decode(buf)).toBe('Añ 😀\r\nb');
    }
  });
  it('atomic write keeps the mode', () => {
    const dir = tmpProject({ 'a.md': 'old' });
    chmodSync(join(dir, 'a.md'), 0o640);
    writeFileAtomic(join(dir, 'a.md'), 'new');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
  });
  it('follows a symlink inside the project, refuses one that leads out', () => {
    const outside = tmpProject({ 'secret.md': 'x' });
    const dir = tmpProject({ 'real/a.md': 'x' });
    symlinkSync(join(dir, 'real/a.md'), join(dir, 'in.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'out.md'));
    expect(writeTarget(join(dir, 'in.md'), dir)).toBe(join(dir, 'real/a.md'));
    expect(() => writeTarget(join(dir, 'out.md'), dir)).toThrow(/outside the project/);
    // a file outside the project named directly (no symlink) is the user's explicit choice
    expect(writeTarget(join(outside, 'secret.md'), dir)).toBe(join(outside, 'secret.md'));
    // a symlinked folder that leads out is refused too
    symlinkSync(outside, join(dir, 'elsewhere'));
    expect(() => writeTarget(join(dir, 'elsewhere/secret.md'), dir)).toThrow(/outside the project/);
  });
});

describe('CLI', () => {
  it('--fix rewrites in place keeping BOM, CRLF, front matter and mode; a second run finds nothing fixable', async () => {
    const original =
      '\ufeff---\r\nkind: reply\r\n---\r\nHi Dana, our records show you declined the X-ray. Call 404-555-0187.\r\n';
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'posts/a.md': original });
    chmodSync(join(dir, 'posts/a.md'), 0o600);
    const r = await cli(['posts', '--fix'], { cwd: dir });
    expect(r.stderr).toBe('phi-lint: fixed 4 findings in 1 file.\n');
    // the template is publishable text: nothing is left
    expect(r.exitCode).toBe(0);
    const bytes = readFileSync(join(dir, 'posts/a.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`\ufeff---\r\nkind: reply\r\n---\r\n${TEMPLATE}\r\n`);
    expect(statSync(join(dir, 'posts/a.md')).mode & 0o777).toBe(0o600);
    const again = JSON.parse((await cli(['posts', '-f', 'json'], { cwd: dir })).stdout);
    expect(again[0].fixableErrorCount + again[0].fixableWarningCount).toBe(0);
    expect(again[0].messages.filter((m: { fixable?: boolean }) => m.fixable)).toEqual([]);
  });
  slow('--fix leaves suppressed, baselined and consent-covered findings alone', async () => {
    const dir = tmpProject({
      'consents.yaml': 'consents:\n  - id: C-1\n    covers: [email]\n    signed: 2025-01-01\n    expires: 2026-12-31\n',
      '.phi-lint.yaml': '{}\n',
      'a.md':
        '---\nconsent: C-1\n---\n<!-- phi-lint-disable-next-line phi/phone -- pharmacy line -->\nCall 404-555-0142 or dana.w@example.org.\nSSN 078-05-1123, call 404-555-0187.\n',
    });
    const env = { PHI_LINT_TODAY: '2025-06-01' }; // the consent is valid that day
    await cli(['a.md', '--write-baseline', 'b.json'], { cwd: dir, env });
    writeFileSync(
      join(dir, 'a.md'),
      readFileSync(join(dir, 'a.md'), 'utf8').replace('call 404-555-0187.', 'call 404-555-0187 or 404-555-0199.'),
    );
    const before = readFileSync(join(dir, 'a.md'), 'utf8');
    const r = await cli(['a.md', '--fix', '--baseline', 'b.json'], { cwd: dir, env });
    // only the new number is offered a fix (a suggestion: a placeholder is never written)
    expect(r.stderr).toMatch(/^phi-lint: 0 fixed, 1 suggestion not applied/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(before);
    const json = await cli(['a.md', '-f', 'json', '--baseline', 'b.json'], { cwd: dir, env });
    const offered = (JSON.parse(json.stdout)[0].messages as { suggestions?: unknown[]; line: number }[])
      .filter((m) => m.suggestions)
      .map((m) => m.line);
    expect(offered).toEqual([6]);
  });
  it('--fix keeps a UTF-16 file UTF-16, with its BOM', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': PRACTICE,
      'a.txt': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Our records show you declined the X-ray.\r\n', 'utf16le'),
      ]),
    });
    const r = await cli(['a.txt', '--fix', '--kind', 'reply'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const bytes = readFileSync(join(dir, 'a.txt'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe(`${TEMPLATE}\r\n`);
  });
  slow('--fix-dry-run prints a masked unified diff and writes nothing', () => {
    const text = 'Line one.\nOur records show you declined the X-ray.\nCall the desk at 404-555-0187.\n';
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'a.txt': text });
    const r = phiLint(['a.txt', '--kind', 'reply', '--fix-dry-run'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        '--- a/a.txt',
        '+++ b/a.txt',
        '@@ -1,3 +1,1 @@',
        '-Line one.',
        '-***.',
        '-*** the desk at ***.',
        `+${TEMPLATE}`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text);
    expect(r.status).toBe(0); // the fixed copy would be clean
    expect(phiLint(['a.txt', '--kind', 'reply', '--fix-dry-run', '--show-values'], { cwd: dir }).stdout).toContain(
      '-Call the desk at 404-555-0187.',
    );
    const before = JSON.parse(phiLint(['a.txt', '--kind', 'reply', '-f', 'json'], { cwd: dir }).stdout)[0];
    expect(before.fixableErrorCount).toBe(3);
    expect(before.messages.map((m: { fixable?: boolean }) => m.fixable)).toEqual([true, true, true]);
    expect(phiLint(['a.txt', '--kind', 'reply'], { cwd: dir }).stdout).toContain(
      '3 of them can be fixed with --fix (preview: --fix-dry-run).',
    );
  });
  it('--fix-dry-run with another format prints that report (of the drafts as fixed) and the diff on stderr', async () => {
    const text = 'Line one.\nOur records show Zelda Quillfeather declined the X-ray.\nCall the desk at 404-555-0187.\n';
    const dir = tmpProject({ '.phi-lint.yaml': PRACTICE, 'a.txt': text });
    const r = await cli(['a.txt', '--kind', 'reply', '--fix-dry-run', '-f', 'json'], { cwd: dir });
    const [file] = JSON.parse(r.stdout);
    expect(file.filePath).toBe(join(dir, 'a.txt'));
    expect(file.messages).toEqual([]); // the report of the fixed copy
    expect(r.stderr).toContain('--- a/a.txt\n+++ b/a.txt\n');
    expect(r.stderr).toContain('\n-*** the desk at ***.\n');
    expect(r.stderr).toContain(`\n+${TEMPLATE}\n`);
    expect(r.stderr).not.toMatch(/Quillfeather|0187/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text);
    const sarif = await cli(['a.txt', '--kind', 'reply', '--fix-dry-run', '-f', 'sarif'], { cwd: dir });
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
    expect(sarif.stderr).toContain(`+${TEMPLATE}`);
    // the default format still prints the diff itself
    expect((await cli(['a.txt', '--kind', 'reply', '--fix-dry-run'], { cwd: dir })).stdout).toMatch(/^--- a\/a\.txt\n/);
  });
  it('a risky reply is replaced by the template with the practice phone; the result lints clean', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml':
        'practice:\n  phones: ["(404) 555-0100"]\n  fax: ["(404) 555-0101"]\nrule-dirs: [rules]\nkinds: { reply: ["replies/**"] }\n',
      'rules/clinic.yaml': [
        'rules:',
        '  - id: clinic/records-show',
        '    category: defensive-disclosure',
        '    severity: error',
        '    applies-to: reply',
        '    message: The reply argues facts of the visit.',
        '    why: Confirms the reviewer is a patient (45 CFR 164.502).',
        '    detect:',
        "      - terms: ['our records show']",
        '    examples:',
        "      fire: ['Our records show you arrived late.']",
        "      silent: ['Thank you for your feedback.']",
        '',
      ].join('\n'),
      'replies/r1.txt': 'Hi, our records show you arrived late for your crown on March 3.\nCall 404-555-0187.\n',
      'posts/p.txt': 'Our office is open Saturday. Call 404-555-0187.\n',
    });
    const r = await cli(['.', '--fix'], { cwd: dir });
    // the post's phone would need a placeholder: a suggestion, not applied (fix-suggestions.test.ts)
    expect(r.stderr).toMatch(/^phi-lint: \d+ fixed, 1 suggestion not applied /);
    expect(readFileSync(join(dir, 'replies/r1.txt'), 'utf8')).toBe(
      'Thank you for your feedback. Privacy rules keep us from discussing any visit online; please call us at (404) 555-0100.\n',
    );
    expect(readFileSync(join(dir, 'posts/p.txt'), 'utf8')).toBe('Our office is open Saturday. Call 404-555-0187.\n');
    const again = JSON.parse((await cli(['.', '-f', 'json'], { cwd: dir })).stdout) as {
      filePath: string;
      messages: { ruleId: string }[];
    }[];
    const ids = (end: string): string[] => again.find((f) => f.filePath.endsWith(end))!.messages.map((m) => m.ruleId);
    expect(ids('replies/r1.txt')).toEqual([]); // the template is publishable text
    expect(ids('posts/p.txt')).toEqual(['phi/phone']); // left for the writer, never "[PHONE]"
  });
  it('never writes through a symlink out of the project, and refuses --fix on standard input', async () => {
    const outside = tmpProject({ 'secret.txt': 'Call 404-555-0187.\n' });
    const dir = tmpProject({ '.phi-lint.yaml': '{}\n' });
    mkdirSync(join(dir, 'posts'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'posts/link.txt'));
    const r = await cli(['posts/link.txt', '--fix'], { cwd: dir });
    // refused before it is read (gate-files.test.ts), so never written either
    expect(r.stderr).toMatch(/link\.txt: symbolic link to a file outside the repository; not read/);
    expect(r.exitCode).toBe(2);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('Call 404-555-0187.\n');
    const s = await cli(['-', '--fix'], { cwd: dir, input: 'Call 404-555-0187.\n' });
    expect(s.exitCode).toBe(2);
    expect(s.stderr).toContain('--fix cannot rewrite standard input');
  });
});
