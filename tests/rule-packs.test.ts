// Rule packs by family: a pack may be a directory of family files (rules/phi/dates.yaml,
// rules/phi/phones.yaml …), each saying `pack: phi`, and patterns share named fragments
// (`{{month}}`) defined once. Rule ids, pack names and every error's file:line:col stay as
// they were; the shipped packs keep each shared piece in one place.
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/api.js';
import { emptyConfig } from '../src/config/config.js';
import { prepareRules } from '../src/engine/rule-set.js';
import { PhiLintError } from '../src/errors.js';
import { BUILTIN_RULES_DIR, loadRuleSet, packFiles } from '../src/rules/load.js';
import { ROOT } from './helpers.js';
import { tempDir } from './support/temp-dirs.js';

/** Write files (relative path → text) into a new temporary directory. */
const tree = (files: Record<string, string>): string => tempDir(files, 'phi-lint-packs-');

/** One rule as YAML, with a single-quoted pattern. */
function rule(id: string, pattern: string, extra = ''): string {
  return `  - id: ${id}\n    category: name\n    severity: error\n    message: 'm {match}'\n    why: w\n    detect:\n      - pattern: '${pattern}'\n${extra}    examples: { fire: [x], silent: [y] }\n`;
}

function loadError(dir: string): PhiLintError {
  try {
    loadRuleSet([dir]);
  } catch (e) {
    expect(e).toBeInstanceOf(PhiLintError);
    return e as PhiLintError;
  }
  throw new Error('the rule pack loaded');
}

/** 1-based line and column of the first `needle` in `text`. */
function posOf(text: string, needle: string): string {
  const i = text.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  const lines = text.slice(0, i).split('\n');
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

const PACK =
  "pack: demo\ndescription: A demo pack in a directory.\nfragments:\n  digit: '[0-9]'\n  code: '(?:{{digit}}{2}-{{digit}}{3})'\n";

describe('a pack made of family files', () => {
  const dir = tree({
    'demo/pack.yaml': PACK,
    'demo/codes.yaml': `pack: demo\nrules:\n${rule('demo/code', '\\bcode (?<id>{{code}})\\b')}`,
    'demo/words.yaml': `pack: demo\nrules:\n${rule('demo/word', '\\bsecret\\b', "    context: { forbid: ['/\\bnot {{digit}}/'] }\n")}`,
    'other.yaml': `rules:\n${rule('other/x', '\\bx{{digit}}\\b')}`,
  });

  it('is one pack: every file that says `pack: demo` adds its rules; a single file is still a pack', () => {
    const rs = loadRuleSet([dir]);
    expect(rs.rules.map((r) => [r.id, r.pack])).toEqual([
      ['demo/code', 'demo'],
      ['demo/word', 'demo'],
      ['other/x', 'other'],
    ]);
    expect(rs.rules.find((r) => r.id === 'demo/code')!.file).toMatch(/demo[/\\]codes\.yaml$/);
    expect(new Set(rs.packs.map((p) => p.name))).toEqual(new Set(['demo', 'other']));
    expect(rs.packs.filter((p) => p.description).map((p) => p.name)).toEqual(['demo']);
  });

  it('is switched off as a whole by `packs: { demo: false }`, and its rules by id', () => {
    const config = { ...emptyConfig(dir), packs: { demo: false } };
    expect(prepareRules(config, [dir], { builtin: false }).ctx.rules.map((r) => r.id)).toEqual(['other/x']);
    const one = { ...emptyConfig(dir), rules: { 'demo/word': 'off' as const } };
    expect(prepareRules(one, [dir], { builtin: false }).ctx.rules.map((r) => r.id)).toEqual(['demo/code', 'other/x']);
  });

  it('pastes fragments into patterns and /regex/ hotwords, across files and packs, nested', async () => {
    const rs = loadRuleSet([dir]);
    const source = (id: string): string | undefined => rs.rules.find((r) => r.id === id)!.detectors[0].source;
    expect(source('demo/code')).toBe('\\bcode (?<id>(?:[0-9]{2}-[0-9]{3}))\\b');
    expect(source('other/x')).toBe('\\bx[0-9]\\b');
    const linter = createLinter({ builtin: false, rules: [dir] });
    const ids = async (text: string): Promise<string[]> =>
      (await linter.lint(text)).findings.map((f) => `${f.ruleId} ${f.match}`);
    expect(await ids('The code 12-345 and x7.')).toEqual(['demo/code 12-345', 'other/x x7']);
    expect(await ids('It is a secret.')).toEqual(['demo/word secret']);
    expect(await ids('It is a secret, not 4 words.')).toEqual([]);
  });

  it('a family file that forgets `pack:` is told how to join its pack', () => {
    const bad = tree({ 'demo/pack.yaml': PACK, 'demo/codes.yaml': `rules:\n${rule('demo/code', 'x')}` });
    expect(loadError(bad).toString()).toMatch(
      /^.*demo[/\\]codes\.yaml:2:9: rule id "demo\/code" must start with its pack name "codes\/".*start it with "pack: demo"/,
    );
  });
});

describe('fragments refuse mistakes with the file, line and column', () => {
  it('an unknown fragment, at the reference in the file that uses it', () => {
    const codes = `pack: demo\nrules:\n${rule('demo/code', '\\bcode {{digt}}\\b')}`;
    const e = loadError(tree({ 'demo/pack.yaml': PACK, 'demo/codes.yaml': codes }));
    expect(e.toString()).toMatch(/demo[/\\]codes\.yaml:/);
    expect(`${e.line}:${e.column}`).toBe(posOf(codes, '{{digt}}'));
    expect(e.message).toBe('unknown fragment "{{digt}}" (defined fragments: code, digit)');
  });

  it('an unknown fragment inside a fragment, and in a double-quoted pattern with escapes', () => {
    const pack = "pack: demo\nfragments:\n  a: '(?:x{{b}})'\n";
    const e = loadError(tree({ 'demo/pack.yaml': pack }));
    expect(`${e.file?.replace(/.*(demo)/, '$1')}:${e.line}:${e.column}`).toBe(`demo/pack.yaml:${posOf(pack, '{{b}}')}`);
    const text = `pack: demo\nrules:\n${rule('demo/q', 'x').replace("pattern: 'x'", 'pattern: "\\\\d\\\\d {{nope}}"')}`;
    const e2 = loadError(tree({ 'demo/q.yaml': text }));
    expect(`${e2.line}:${e2.column}`).toBe(posOf(text, '{{nope}}'));
  });

  it('a fragment defined twice names both places', () => {
    const e = loadError(
      tree({
        'a.yaml': "pack: a\nfragments:\n  digit: '\\d'\n",
        'b.yaml': "pack: b\n\nfragments:\n  digit: '[0-9]'\n",
      }),
    );
    expect(e.toString()).toMatch(/b\.yaml:4:10: fragment "digit" is defined twice \(first in .*a\.yaml:3\)/);
  });

  it.each([
    ['(x', 'is not a regular expression on its own'],
    ['(x)', 'has a capturing group'],
    ['(?<year>\\d{4})', 'has a capturing group'],
    ['a|b', 'has an alternative (|) outside a group'],
    ['(?:a)\\1', 'refers back to a group'],
  ])('a fragment that cannot be pasted safely: %s', (frag, why) => {
    const pack = `pack: demo\nfragments:\n  f: '${frag}'\nrules:\n${rule('demo/f', 'y{{f}}')}`;
    const e = loadError(tree({ 'demo.yaml': pack }));
    expect(e.toString()).toContain(`demo.yaml:3:6: fragment "f" ${why}`);
  });

  it('a fragment that uses itself, directly or through another', () => {
    const e = loadError(tree({ 'demo.yaml': "pack: demo\nfragments:\n  a: '(?:{{b}})'\n  b: 'x{{a}}'\n" }));
    expect(e.message).toMatch(/fragment "[ab]" uses itself/);
  });

  it('fragments that double at every level are refused before they fill the memory', () => {
    const lines = ['pack: demo', 'fragments:', "  f0: 'xxxxxxxx'"];
    for (let i = 1; i < 40; i++) lines.push(`  f${i}: '{{f${i - 1}}}{{f${i - 1}}}'`);
    const t0 = Date.now();
    expect(loadError(tree({ 'demo.yaml': `${lines.join('\n')}\n` })).message).toMatch(
      /expands to more than 20000 characters/,
    );
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('many short patterns pasting a long fragment are refused before they fill the memory', () => {
    const lines = ['pack: demo', 'fragments:', "  f0: 'xxxxxxxx'"];
    for (let i = 1; i < 12; i++) lines.push(`  f${i}: '{{f${i - 1}}}{{f${i - 1}}}'`); // 16,384 characters
    lines.push('rules:');
    const one = rule('demo/r0', '{{f11}}').split('\n').slice(0, 5).join('\n');
    lines.push(`${one}\n    detect:`);
    for (let i = 0; i < 80; i++) lines.push("      - pattern: '{{f11}}'");
    lines.push('    examples: { fire: [x], silent: [y] }');
    const t0 = Date.now();
    expect(loadError(tree({ 'demo.yaml': `${lines.join('\n')}\n` })).message).toMatch(
      /exceed 1000000 characters in all/,
    );
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('the safety analysis sees the expanded pattern, and points at the pattern that repeats the fragment', () => {
    const codes = `pack: demo\nrules:\n${rule('demo/code', '(?:{{a}})+$')}`;
    const e = loadError(
      tree({ 'demo/pack.yaml': "pack: demo\nfragments:\n  a: '(?:a+)'\n", 'demo/codes.yaml': codes }),
    );
    expect(e.toString()).toMatch(/codes\.yaml:9:\d+: regular expression may backtrack catastrophically/);
  });

  it('a pattern that breaks once expanded is an invalid regular expression at the pattern', () => {
    const codes = `pack: demo\nrules:\n${rule('demo/code', '{{a}}{2,1}')}`;
    const e = loadError(tree({ 'demo/pack.yaml': "pack: demo\nfragments:\n  a: '[ab]'\n", 'demo/codes.yaml': codes }));
    expect(e.toString()).toMatch(/codes\.yaml:9:18: invalid regular expression/);
  });
});

describe('the shipped packs', () => {
  const dirs = readdirSync(BUILTIN_RULES_DIR, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && d.name !== 'lists',
  );
  const text = packFiles(BUILTIN_RULES_DIR).map((f) => readFileSync(f, 'utf8'));
  const rs = loadRuleSet([BUILTIN_RULES_DIR]);

  it('phi and names are directories of family files, each naming its pack', () => {
    expect(dirs.map((d) => d.name).sort()).toEqual(expect.arrayContaining(['names', 'phi']));
    for (const d of dirs) {
      const files = packFiles(join(BUILTIN_RULES_DIR, d.name));
      expect(files.length, d.name).toBeGreaterThan(1);
      for (const f of files) expect(readFileSync(f, 'utf8'), f).toMatch(new RegExp(`^pack: ${d.name}$`, 'm'));
    }
  });

  it('every pack has one description', () => {
    const packs = new Set(rs.rules.map((r) => r.pack));
    for (const p of packs) expect(rs.packs.filter((x) => x.name === p && x.description).length, p).toBe(1);
  });

  it('write each shared piece once: the month and weekday names are in one fragment each', () => {
    const count = (piece: string): number => text.reduce((n, t) => n + t.split(piece).length - 1, 0);
    for (const piece of [
      'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?',
      'January|February|March|April|May|June|July|August|September|October|November|December',
      'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec',
      'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday',
      "\\p{Lu}[\\p{Ll}\\p{M}]+(?:[-''’]\\p{Lu}?[\\p{Ll}\\p{M}]+)?",
    ])
      expect(count(piece), piece).toBe(1);
  });

  it('a rule category spread over several family files has its files numbered, so their order (which breaks ties) shows', () => {
    // When two rules of one category flag the same words, the finding of the rule loaded
    // first is kept (engine/lint.ts dedupe); files load in name order.
    for (const d of dirs) {
      const byCategory = new Map<string, Set<string>>();
      for (const r of rs.rules.filter((x) => x.pack === d.name)) {
        const set = byCategory.get(r.category) ?? new Set();
        byCategory.set(r.category, set.add(r.file.split(/[/\\]/).pop()!));
      }
      for (const [category, files] of byCategory) {
        if (files.size > 1)
          expect(
            [...files].every((f) => /^\d\d-/.test(f)),
            `${d.name}: ${category} in ${[...files].join(', ')}`,
          ).toBe(true);
      }
    }
  });

  it('from a build whose fragment file was edited since, the patterns pasting the fragment are checked again', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'phi-lint-build-'));
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'rules'), join(copy, 'rules'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    writeFileSync(join(copy, 'package.json'), readFileSync(join(ROOT, 'package.json')));
    const dist = (await import(join(copy, 'dist', 'rules', 'load.js'))) as typeof import('../src/rules/load.js');
    expect(dist.loadRuleSet([dist.BUILTIN_RULES_DIR]).rules.length).toBe(rs.rules.length);
    // names/pack.yaml defines name-word; the family files that paste it are unchanged (still
    // "checked at build time"), but the piece now repeats a repeated element
    const file = join(copy, 'rules', 'names', 'pack.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(/^ {2}name-word: /m);
    writeFileSync(file, yaml.replace(/^ {2}name-word: .*$/m, "  name-word: '(?:(?:[a-z]+)+x)'"));
    let err: unknown;
    try {
      dist.loadRuleSet([dist.BUILTIN_RULES_DIR]);
    } catch (e) {
      err = e;
    }
    expect(String(err)).toMatch(
      /names[/\\]\d\d-[a-z-]+\.yaml:\d+:\d+: regular expression may backtrack catastrophically/,
    );
  });
});
