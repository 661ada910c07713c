// Control characters from drafts and file names never reach a terminal or CI log raw (issue
// 12, item 14): ANSI/OSC escape sequences (recolour, clear, set the window title), other C0
// and C1 controls, bidi overrides and line breaks are printed as visible escapes (`\x1b`,
// `\n`, `\u202e`) by stylish, compact, unix, github and junit, so a draft cannot forge a
// `::error` or `::set-output` line in GitHub, hide a line or recolour the terminal.
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../src/formatters/escape.js';
import { escapeProperty } from '../src/formatters/github.js';
import { cli, tmpProject } from './tmp-project.js';
import { FINDING_COMMAND } from './report-checks.js';

const FORMATS = ['stylish', 'compact', 'unix', 'github', 'junit'];

// A file name and a draft full of control characters: ESC sequences (CSI and OSC), BEL,
// a C1 CSI, DEL, bidi overrides and isolates, U+2028, and line breaks followed by what
// GitHub would read as commands.
const NAME = 'evil\u001b[31m\u202e\u2066\u009b2J\u007f\n::error file=x.md::forged by a file name.md';
const DRAFT = [
  '---',
  'consent: "C-1\\n::set-output name=leak::forged by a consent\\e[2J\\u202e\\x85"',
  '---',
  '<!-- phi-lint-disable-next-line phi/phnoe\u001b]0;owned\u0007 -- reason\u202e\u2028::error::forged by a directive -->',
  'Call 404-555-0187 today.\u001b[8m hidden \u001b[0m\u200f',
  '',
].join('\n');

/** Raw control characters a terminal or GitHub would act on. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escapeControls', () => {
  it('writes control characters as visible escapes and leaves other text alone', () => {
    expect(escapeControls('a\u001b[31mb\n\r\t\u0007\u009b\u202e\u2066\u2028ü😀')).toBe(
      'a\\x1b[31mb\\n\\r\\t\\x07\\x9b\\u202e\\u2066\\u2028ü😀',
    );
  });
});

describe('hostile file names and drafts', () => {
  const dir = tmpProject({ [NAME]: DRAFT });
  for (const format of FORMATS) {
    for (const masked of [false, true]) {
      it(`${format}${masked ? ' (masked)' : ' (--show-values)'}: no raw control character, no forged line`, async () => {
        const r = await cli(['.', '-f', format, ...(masked ? [] : ['--show-values'])], { cwd: dir });
        expect(r.exitCode).toBe(1);
        const out = r.stdout;
        expect(out).toContain('phi/phone');
        const raw = RAW.exec(out);
        expect(raw, raw ? `raw U+${raw[0].charCodeAt(0).toString(16)} in ${JSON.stringify(out)}` : '').toBeNull();
        const lines = out.split('\n');
        // the file name is shown, escaped
        const name = escapeControls(NAME);
        expect(name).toBe('evil\\x1b[31m\\u202e\\u2066\\x9b2J\\x7f\\n::error file=x.md::forged by a file name.md');
        expect(out).toContain(format === 'github' ? escapeProperty(name) : name);
        if (format === 'github') for (const l of lines.filter(Boolean)) expect(l).toMatch(FINDING_COMMAND);
        else for (const l of lines) expect(l, l).not.toMatch(/^\s*::/);
        if (!masked) {
          expect(out).toContain('\\x1b]0;owned\\x07');
          expect(out).toContain('\\n::set-output name=leak::forged by a consent\\x1b[2J\\u202e\\x85');
        }
      });
    }
  }
});
