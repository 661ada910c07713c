// `phi-lint init` (issue 15, point 3): staff typed with commas or semicolons (", RDH" stays
// with its name), no empty practice name, aliases, fax and where replies live (asked, or
// detected), a non-interactive form for scripts, and a warning when a kinds: glob matches
// nothing (at init, and when a lint run walks folders).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/cascade.js';
import { splitNames } from '../src/commands/init-profile.js';
import { cli, tmpProject } from './tmp-project.js';

describe('init', () => {
  it('splits staff on commas and semicolons; a credential after a comma stays with its name', async () => {
    expect(splitNames('Dr. Anna Reyes, Keisha Brown, RDH; Marcus Ellery, DDS, MS')).toEqual([
      'Dr. Anna Reyes',
      'Keisha Brown, RDH',
      'Marcus Ellery, DDS, MS',
    ]);
    const dir = tmpProject({ 'replies/.keep': '' });
    const r = await cli(
      [
        'init',
        '--yes',
        '--name',
        'Peachtree Family Dental',
        '--staff',
        'Dr. Anna Reyes, Keisha Brown, RDH',
        '--staff',
        'Marcus Ellery',
      ],
      { cwd: dir },
    );
    expect(r.exitCode).toBe(0);
    const config = loadConfig(join(dir, '.phi-lint.yaml'), dir);
    expect(config.practice.staff).toEqual(['Dr. Anna Reyes', 'Keisha Brown, RDH', 'Marcus Ellery']);
    // the practice's own hygienist is not a finding
    const lint = await cli(['-', '--kind', 'post'], {
      cwd: dir,
      input: 'Happy birthday to our hygienist Keisha Brown!\n',
    });
    expect(lint.stdout).not.toContain('names/');
    expect(lint.exitCode).toBe(0);
  });

  it('asks with commas on a terminal, and will not take an empty practice name', async () => {
    const dir = tmpProject({ 'replies/.keep': '' });
    const answers = [
      '',
      '',
      'Peachtree Family Dental',
      '',
      '',
      '',
      '',
      '',
      'Dr. Anna Reyes, Keisha Brown, RDH',
      'Peachtree Dental',
      '(404) 555-0101',
      '',
    ];
    const asked: string[] = [];
    const prompt = async (q: string): Promise<string> => {
      asked.push(q);
      return answers.shift() ?? '';
    };
    const r = await cli(['init'], { cwd: dir, tty: true, prompt });
    expect(r.exitCode).toBe(0);
    expect(asked).toContain(
      '  the practice name is needed (phi-lint never reports it as PHI); press Enter to try again. ',
    );
    expect(asked.some((q) => q.startsWith('Other names the practice goes by'))).toBe(true);
    expect(asked.some((q) => q.startsWith('Fax number'))).toBe(true);
    expect(asked.find((q) => q.startsWith('Folder(s) where review replies live'))).toContain('[replies/**]');
    const p = loadConfig(join(dir, '.phi-lint.yaml'), dir).practice;
    expect(p.name).toBe('Peachtree Family Dental');
    expect(p.staff).toEqual(['Dr. Anna Reyes', 'Keisha Brown, RDH']);
    expect(p.aliases).toEqual(['Peachtree Dental']);
    expect(p.phones).toEqual(['(404) 555-0101']); // fax numbers are the practice's own too
  });

  it('init --yes without --name is exit 2 and writes nothing', async () => {
    const dir = tmpProject();
    const r = await cli(['init', '--yes', '--phone', '(404) 555-0100'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('init needs the practice name');
    expect((await cli(['init', '--yes', '--name', '  '], { cwd: dir })).exitCode).toBe(2);
  });

  it('detects where replies live (content/replies), or takes --replies; --alias and --fax', async () => {
    const dir = tmpProject({ 'content/replies/r1.md': 'Thanks!\n', 'content/posts/p.md': 'Hi!\n' });
    const r = await cli(['init', '--yes', '--name', 'Glow Med Spa', '--alias', 'Glow', '--fax', '(404) 555-0101'], {
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    const c = loadConfig(join(dir, '.phi-lint.yaml'), dir);
    expect(c.kinds.reply).toEqual(['content/replies/**']);
    expect(c.practice.aliases).toEqual(['Glow']);
    expect(c.practice.phones).toEqual(['(404) 555-0101']);
    const other = tmpProject({ 'site/answers/a.md': 'Thanks!\n' });
    await cli(['init', '--yes', '--name', 'Glow Med Spa', '--replies', './site/answers/'], { cwd: other });
    expect(loadConfig(join(other, '.phi-lint.yaml'), other).kinds.reply).toEqual(['site/answers/**']);
  });

  it('warns when the reply glob matches no file', async () => {
    const dir = tmpProject({ 'drafts/thanks.md': 'Thanks!\n' });
    const r = await cli(['init', '--yes', '--name', 'Glow Med Spa'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(
      /warning: kinds: reply glob "replies\/\*\*" matches no file here yet; replies elsewhere are linted as posts/,
    );
  });
});

describe('a lint run that walks folders', () => {
  it('warns when a kinds: glob matches none of the drafts it found', async () => {
    const dir = tmpProject({
      '.phi-lint.yaml': 'kinds: { reply: ["replies/**"] }\n',
      'content/replies/r.md': 'Thanks for the review!\n',
    });
    const r = await cli(['.'], { cwd: dir });
    expect(r.stderr).toContain(
      'phi-lint: warning: .phi-lint.yaml: kinds: reply glob "replies/**" matches none of the 1 draft found',
    );
    const ok = tmpProject({
      '.phi-lint.yaml': 'kinds: { reply: ["content/replies/**"] }\n',
      'content/replies/r.md': 'Thanks for the review!\n',
    });
    expect((await cli(['.'], { cwd: ok })).stderr).toBe('');
  });
});
