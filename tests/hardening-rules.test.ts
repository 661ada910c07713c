// Rule packs and configs are written by people who are not programmers: every mistake is
// refused with file:line:col and what is wrong, nothing in them runs as code, and no pattern
// that loads can hang a run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/cascade.js';
import { PhiLintError } from '../src/errors.js';
import { scanWindows } from '../src/regex/scan.js';
import { loadRuleSet } from '../src/rules/load.js';
import { checkRegexSafety, checkRegexShape } from '../src/regex/safety.js';
import { createLinter } from '../src/api.js';
import { tempDir } from './support/temp-dirs.js';

const pack = (body: string): string => tempDir({ 'custom.yaml': body }, 'phi-lint-rules-');

/** One rule with a given detector (and optional extra rule keys), as YAML. */
function rule(detector: string, extra = ''): string {
  return `rules:\n  - id: custom/x\n    category: name\n    severity: error\n    message: m\n    why: w\n    detect:\n      - ${detector}\n${extra}    examples: { fire: [abc], silent: [x] }\n`;
}

function loadError(body: string): string {
  try {
    loadRuleSet([pack(body)]);
  } catch (e) {
    expect(e).toBeInstanceOf(PhiLintError);
    return (e as PhiLintError).toString();
  }
  throw new Error('the rule pack loaded');
}

describe('rule packs refuse mistakes clearly', () => {
  it('unknown key, with the nearest valid key', () => {
    expect(loadError(rule('pattren: abc'))).toMatch(/custom\.yaml:8:9: unknown key "pattren".*did you mean "pattern"/);
  });
  it('wrong types', () => {
    expect(loadError(rule('pattern: abc', '    window: 3\n'))).toMatch(/unknown key "window"/);
    expect(loadError(rule('pattern: abc').replace('severity: error', 'severity: 5'))).toMatch(
      /custom\.yaml:4:\d+: .*severity.*not one of: error, warning, info/,
    );
    expect(loadError(rule('pattern: abc', '    context: { window: six }\n'))).toMatch(
      /custom\.yaml:9:\d+: "rules\.0\.context\.window" must be integer/,
    );
    expect(loadError(rule('terms: {a: 1}'))).toMatch(/custom\.yaml:8:\d+: .*terms/);
  });
  it('an invalid regular expression, with its position', () => {
    expect(loadError(rule('pattern: "(abc"'))).toMatch(/custom\.yaml:8:18: invalid regular expression/);
    expect(loadError(rule('pattern: abc', '    context: { forbid: ["/(x/"] }\n'))).toMatch(
      /custom\.yaml:9:\d+: invalid regular expression/,
    );
  });
  it('a term list that cannot be compiled (a backslash before a hyphen) is refused with its position, not a crash', () => {
    expect(loadError(rule("terms: ['a\\-b']"))).toMatch(/custom\.yaml:8:\d+: this term list does not compile/);
    expect(loadError(rule('pattern: abc', "    context: { require: ['a\\-b'] }\n"))).toMatch(
      /custom\.yaml:9:\d+: this term list does not compile/,
    );
  });
  it('an unknown category or validator lists the valid ones', () => {
    expect(loadError(rule('pattern: abc').replace('category: name', 'category: nmae'))).toMatch(
      /"nmae", which is not one of: name, geo.*did you mean "name"/,
    );
    expect(loadError(rule('{ pattern: abc, validate: [lunh] }'))).toMatch(
      /"lunh", which is not one of: .*luhn.*did you mean "luhn"/,
    );
  });
  it('a YAML alias bomb (billion laughs) is refused, not expanded', () => {
    const lol = ['lists:', '  a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lol.push(
        `  ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    expect(loadError(lol.join('\n'))).toMatch(/could not read YAML: .*alias/i);
  });
  it('rule files are data: code tags are refused, never resolved or run', () => {
    (globalThis as Record<string, unknown>).phiLintPwned = false;
    for (const tag of [
      '!!js/function "function () { globalThis.phiLintPwned = true }"',
      '!!python/object/apply:os.system ["touch /tmp/pwned"]',
      '!!binary aGVsbG8=',
      '!<tag:yaml.org,2002:js/undefined> ""',
    ])
      expect(loadError(rule('pattern: abc').replace('message: m', `message: ${tag}`))).toMatch(
        /custom\.yaml:5:\d+: YAML tag .* is not allowed/,
      );
    expect((globalThis as Record<string, unknown>).phiLintPwned).toBe(false);
  });
  // yaml's own duplicate-key check compares each key with every earlier one of its map, and
  // each schema error was located before all but 20 were dropped: 50,000 keys took ~30 s.
  it('a pack or config with 50,000 keys is read in seconds; a repeated key is still refused with its position', () => {
    const lists = `lists:\n${Array.from({ length: 50_000 }, (_, i) => `  l${i}: [w${i}]`).join('\n')}\n`;
    let t0 = Date.now();
    expect(loadRuleSet([pack(lists)]).rules).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-cfg-'));
    writeFileSync(join(dir, '.phi-lint.yaml'), `${Array.from({ length: 50_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
    t0 = Date.now();
    let err: unknown;
    try {
      loadConfig(join(dir, '.phi-lint.yaml'), dir);
    } catch (e) {
      err = e;
    }
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(String(err)).toMatch(/^.*\.phi-lint\.yaml:1:1: unknown key "k0"/);
    expect(String(err).split('\n')).toHaveLength(20);
    expect(loadError('lists:\n  a: [x]\n  b: [y]\n  a: [z]\n')).toMatch(
      /custom\.yaml:4:3: invalid YAML: Map keys must be unique/,
    );
    expect(loadError(rule('pattern: abc').replace('message: m', 'message: {a: 1, b: 2, a: 3}'))).toMatch(
      /custom\.yaml:5:\d+: invalid YAML: Map keys must be unique/,
    );
  }, 120_000);
  it('the config refuses the same mistakes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-cfg-'));
    const cfg = (body: string): string => {
      writeFileSync(join(dir, '.phi-lint.yaml'), body);
      try {
        loadConfig(join(dir, '.phi-lint.yaml'), dir);
      } catch (e) {
        return (e as PhiLintError).toString();
      }
      return 'loaded';
    };
    expect(cfg('practice:\n  phnoes: [x]\n')).toMatch(/2:3: unknown key "phnoes".*did you mean "phones"/);
    expect(cfg('ignore: drafts\n')).toMatch(/1:\d+: "ignore" must be array/);
    expect(cfg('categories: { nmae: off }\n')).toMatch(/1:\d+: .*categories/);
    expect(cfg('practice: { name: !!js/function "x" }\n')).toMatch(/YAML tag !!js\/function is not allowed/);
    expect(
      cfg(
        'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [' +
          Array(100).fill('*a').join(', ') +
          ']\n',
      ),
    ).toMatch(/alias/i);
  });
});

// Patterns with exponential (or high-degree polynomial) backtracking.
const EVIL = [
  'a*a*a*a*a*a*b',
  '(a+)+$',
  '(\\w+\\s?)*$',
  '(x+x+)+y',
  '(a|aa)+$',
  '(a|a)*b',
  '(\\w|\\d)+!',
  '(a|a?)+$',
  '(.*a){20}',
  '(?:\\d+)*x',
  '([a-z]+)*@',
];

describe('patterns that backtrack catastrophically', () => {
  it.each(EVIL)('%s is refused when the pack is loaded', (p) => {
    expect(checkRegexSafety(p) ?? checkRegexShape(p, 'u')).toBeDefined();
    expect(loadError(rule(`pattern: '${p}'`))).toMatch(
      /custom\.yaml:8:\d+: regular expression may backtrack catastrophically/,
    );
  });
  it('an evil pattern in a /regex/ hotword is refused too', () => {
    expect(loadError(rule('pattern: abc', "    context: { require: ['/(a|aa)+$/'] }\n"))).toMatch(
      /custom\.yaml:9:\d+: regular expression may backtrack/,
    );
  });
  it('an evil pattern really does hang without the check (so the check matters)', () => {
    const t0 = Date.now();
    /(a|aa)+$/.test(`${'a'.repeat(30)}!`);
    expect(Date.now() - t0).toBeGreaterThan(20);
  });
  it('every shipped pattern passes the check', () => {
    expect(createLinter({}).prepared.ruleSet.rules.length).toBeGreaterThan(10);
  });

  // What loads can still be polynomial; the pattern windows (regex/scan.ts) bound it.
  const POLY: [string, string, string][] = [
    ['e-mail prefix scan', '(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[a-z]+', 'a%'],
    ['unbounded lookbehind', '(?<=\\n\\s*)[A-Z][a-z]+(?=,)', ' '],
    [
      'four white-space quantifiers',
      '[Ss]ee\\s+you\\s*(?:both)?\\s*(?:all)?\\s*(?:at|for)',
      'See you' + ' '.repeat(2000),
    ],
    ['two overlapping word quantifiers', '\\w*[\\w-]*\\d+x', '0'],
    ['three overlapping quantifiers', 'a*a*a*b', 'a'],
    ['dot chain', '[a-z0-9]+(?:\\s+dot\\s+[a-z0-9]+)*\\s+at\\s+gmail', 'a dot '],
  ];
  it.each(POLY)('%s: passes the check and finishes on a 200 KB adversarial line', (_, p, unit) => {
    expect(checkRegexSafety(p) ?? checkRegexShape(p, 'u')).toBeUndefined();
    const re = new RegExp(p, 'gu');
    const text = unit.repeat(Math.ceil(200_000 / unit.length));
    const t0 = Date.now();
    scanWindows(re, text);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
  // 'a1 ': a candidate identifier every three characters in one endless sentence — the
  // context around each was the whole sentence (candidates × length) until it was bounded.
  it('the shipped rules finish on long adversarial lines', async () => {
    const linter = createLinter({});
    for (const unit of [
      'a%',
      ' ',
      '\r',
      '.',
      '!',
      'a dot ',
      'See you' + ' '.repeat(1780) + 'x',
      'The $' + '0'.repeat(1790) + ' ',
      '<a',
      '&copy; ',
      '\\* ',
      '[',
      'photo attached ',
      'Dana Lee, ',
      'a1 ',
      'a1-',
      'A1 ',
      'Dr. A1 ',
      // the reader's view (documents/view.ts): wrapped, spaced, spelled and look-alike numbers, spaced letters
      'a ',
      '1 ',
      '0O',
      'l1 ',
      'one ',
      'four oh ',
      '-\n',
      '5\n',
      '**5',
      'a-b ',
      '&#52;',
    ]) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      const t0 = Date.now();
      await linter.lint(text, { kind: 'reply', format: 'md' });
      expect(Date.now() - t0, JSON.stringify(unit.slice(0, 20))).toBeLessThan(20_000);
    }
  });

  // Any pattern the checks accept finishes on long runs of one character (the attack model
  // of the static analysis): random patterns from a small grammar.
  const atom = fc.constantFrom('a', 'b', '\\s', '\\w', '\\d', '.', '[ab]', '[^b]', ' ');
  const quant = fc.constantFrom('', '*', '+', '?', '{1,3}', '{2,}');
  const piece: fc.Arbitrary<string> = fc.letrec((tie) => ({
    piece: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(atom, quant).map(([a, q]) => a + q) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.array(tie('piece'), { minLength: 1, maxLength: 3 }),
            fc.array(tie('piece'), { maxLength: 2 }),
            quant,
          )
          .map(([x, y, q]) => `(?:${x.join('')}${y.length ? `|${y.join('')}` : ''})${q}`),
      },
    ),
  })).piece as fc.Arbitrary<string>;
  it('any random pattern that loads finishes on 20 KB runs of one character', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('a', 'b', ' ', '1', '\n'),
        (pieces, ch) => {
          const p = `${pieces.join('')}!`;
          if (checkRegexSafety(p) ?? checkRegexShape(p, 'u')) return;
          accepted++;
          const t0 = Date.now();
          scanWindows(new RegExp(p, 'gu'), ch.repeat(20_000));
          expect(Date.now() - t0, p).toBeLessThan(5_000);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
    expect(accepted).toBeGreaterThan(50);
  }, 300_000);
});
