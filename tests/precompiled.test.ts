// Built-in packs precompiled at build time: used only while the YAML is unchanged, and the
// rules they give are the same as parsing the YAML.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadRuleSet, packFiles } from '../src/rules/load.js';
import { buildStore, pastedFrom, readPack } from '../src/rules/precompiled.js';
import { ROOT } from './helpers.js';

const PACK = `pack: demo
lists:
  pets: [rex]
rules:
  - id: demo/pet
    category: name
    severity: warning
    message: 'Pet "{match}".'
    why: Test rule.
    detect:
      - terms: ['@pets']
    examples:
      fire: [Rex is here.]
      silent: [Nobody is here.]
`;

function rulesDir(text = PACK): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'phi-lint-pre-'));
  const file = join(dir, 'demo.yaml');
  writeFileSync(file, text);
  return { dir, file };
}

describe('precompiled rule packs', () => {
  it('reads an unchanged pack from the store, with rule positions, without parsing', () => {
    const { dir, file } = rulesDir();
    const store = buildStore(dir, [file]);
    expect(Object.keys(store.packs)).toEqual(['demo.yaml']);
    const src = readPack(file, 'demo.yaml', PACK, dir, store);
    expect(src.data).toEqual(store.packs['demo.yaml'].data);
    expect(src.locate(['rules', 0])).toEqual({ line: 5, column: 5 });
  });

  it('parses and validates a pack whose text changed since the build', () => {
    const { dir, file } = rulesDir();
    const store = buildStore(dir, [file]);
    const edited = PACK.replace('severity: warning', 'severity: loud');
    let err: unknown;
    try {
      readPack(file, 'demo.yaml', edited, dir, store);
    } catch (e) {
      err = e;
    }
    expect(String(err)).toMatch(/^demo\.yaml:7:15: .*not one of: error, warning, info/);
  });

  it('trusts the safety analysis made at build time only while the pack text is unchanged', () => {
    const { dir, file } = rulesDir();
    const store = buildStore(dir, [file]);
    expect(readPack(file, 'demo.yaml', PACK, dir, store).prechecked).toBe(true);
    expect(readPack(file, 'demo.yaml', PACK.replace('[rex]', '[rex, fido]'), dir, store).prechecked).toBeUndefined();
  });

  it('stores each file of a pack directory by its path, with its fragments pasted in and where they came from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-lint-pre-'));
    mkdirSync(join(dir, 'demo'));
    const files = {
      'demo/pack.yaml': "pack: demo\nfragments:\n  pet: '(?:rex|fido)'\n",
      'demo/pets.yaml': PACK.replace("terms: ['@pets']", "pattern: '\\b{{pet}}\\b'"),
    };
    for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
    const store = buildStore(
      dir,
      Object.keys(files).map((rel) => join(dir, rel)),
    );
    expect(Object.keys(store.packs).sort()).toEqual(['demo/pack.yaml', 'demo/pets.yaml']);
    expect(JSON.stringify(store.packs['demo/pets.yaml'].data)).toContain('\\\\b(?:rex|fido)\\\\b');
    expect(store.packs['demo/pets.yaml'].pasted).toEqual(['demo/pack.yaml']);
    expect(store.packs['demo/pack.yaml'].pasted).toBeUndefined();
    const src = readPack(join(dir, 'demo/pets.yaml'), 'demo/pets.yaml', files['demo/pets.yaml'], dir, store);
    expect(src.prechecked).toBe(true);
    expect(pastedFrom(src)).toEqual(['demo/pack.yaml']);
    expect(loadRuleSet([dir]).rules[0].detectors[0].source).toBe('\\b(?:rex|fido)\\b');
  });

  it('the shipped packs pass the regex safety analysis the build runs (checkAll)', () => {
    const rs = loadRuleSet([BUILTIN_RULES_DIR], { checkAll: true });
    expect(rs.rules.length).toBeGreaterThan(50);
  });

  it('does not store a broken pack, so its error is reported at run time', () => {
    const { dir, file } = rulesDir(PACK.replace('message:', 'mesage:'));
    expect(buildStore(dir, [file]).packs).toEqual({});
  });

  it('still locates errors found after validation (an unknown list) in a stored pack', () => {
    const text = PACK.replace("'@pets'", "'@cats'");
    const { dir, file } = rulesDir(text);
    const store = buildStore(dir, [file]);
    expect(store.packs['demo.yaml']).toBeDefined();
    const src = readPack(file, 'demo.yaml', text, dir, store);
    expect(src.error(['rules', 0, 'detect', 0, 'terms', 0], 'unknown list').toString()).toBe(
      'demo.yaml:11:17: unknown list',
    );
  });

  it('the build stored every shipped pack with its current hash (dist/builtin-packs.json is fresh)', () => {
    const stored = join(ROOT, 'dist', 'builtin-packs.json');
    expect(existsSync(stored)).toBe(true);
    const store = JSON.parse(readFileSync(stored, 'utf8')) as { packs: Record<string, { hash: string }> };
    for (const f of packFiles(BUILTIN_RULES_DIR)) {
      const key = f
        .slice(BUILTIN_RULES_DIR.length + 1)
        .split('\\')
        .join('/');
      const hash = createHash('sha256').update(readFileSync(f, 'utf8')).digest('base64');
      expect(store.packs[key]?.hash, key).toBe(hash);
    }
  });

  it('rules loaded from the build are the same as rules parsed from YAML', async () => {
    // dist/ reads the store; src/ (this test process) has none next to it and parses YAML.
    const dist = (await import(join(ROOT, 'dist', 'rules', 'load.js'))) as typeof import('../src/rules/load.js');
    const show = (rs: ReturnType<typeof loadRuleSet>): string =>
      JSON.stringify(rs, (_k, v: unknown) =>
        v instanceof RegExp
          ? `/${v.source}/${v.flags}`
          : v instanceof Set
            ? [...v]
            : typeof v === 'function'
              ? v.name
              : v,
      );
    expect(show(dist.loadRuleSet([dist.BUILTIN_RULES_DIR]))).toBe(show(loadRuleSet([BUILTIN_RULES_DIR])));
    expect(fileURLToPath(new URL('../src/builtin-packs.json', import.meta.url))).not.toSatisfy(existsSync);
  });
});

describe('validators generated at build time', () => {
  const BAD: [string, unknown][] = [
    [
      'config',
      { practice: { nam: 'x', phones: 'not a list' }, rules: { 'phi/phone': 'loud' }, categories: { colour: 'off' } },
    ],
    ['config', { extensions: ['md'], ignore: [1] }],
    ['rule pack', { pack: 'Bad Name', rules: [{ id: 'x', category: 'nope', detect: [], examples: { fire: [] } }] }],
    ['consent ledger', { consents: [{ nope: true }] }],
  ];

  it('exist for the config, rule pack and ledger schemas, and report errors exactly as ajv does at run time', async () => {
    const dist = (await import(join(ROOT, 'dist', 'yaml-source.js'))) as typeof import('../src/yaml-source.js');
    const { configSchema } = (await import(
      join(ROOT, 'dist', 'config', 'config.js')
    )) as typeof import('../src/config/config.js');
    const { packSchema } = (await import(
      join(ROOT, 'dist', 'rules', 'schema.js')
    )) as typeof import('../src/rules/schema.js');
    const { ledgerSchema } = (await import(
      join(ROOT, 'dist', 'consent', 'ledger.js')
    )) as typeof import('../src/consent/ledger.js');
    const { createRequire } = await import('node:module');
    const prebuilt = createRequire(import.meta.url)(fileURLToPath(dist.PRECOMPILED_VALIDATORS)) as Record<
      string,
      (d: unknown) => boolean
    >;
    const { Ajv } = await import('ajv');
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    const schemas: Record<string, object> = {
      config: configSchema,
      'rule pack': packSchema(),
      'consent ledger': ledgerSchema,
    };
    for (const [what, data] of BAD) {
      const schema = schemas[what];
      const fn = prebuilt[dist.schemaHash(schema)] as ((d: unknown) => boolean) & { errors?: unknown[] };
      expect(fn, what).toBeTypeOf('function');
      const runtime = ajv.compile(schema);
      expect(fn(data)).toBe(false);
      expect(runtime(data)).toBe(false);
      const strip = (errs: unknown[] | null | undefined): unknown => JSON.parse(JSON.stringify(errs));
      expect(strip(fn.errors), what).toEqual(strip(runtime.errors));
    }
  });
});

describe('regex analyses stored at build time', () => {
  it('match what the analyser computes now, and are stamped with its hash', async () => {
    const pre = (await import(
      join(ROOT, 'dist', 'regex', 'prefilter.js')
    )) as typeof import('../src/regex/prefilter.js');
    const file = JSON.parse(readFileSync(fileURLToPath(pre.STORED_ANALYSES), 'utf8')) as {
      stamp: string;
      analyses: Record<string, unknown>;
    };
    expect(file.stamp).toBe(pre.analyserStamp());
    const dist = (await import(join(ROOT, 'dist', 'rules', 'load.js'))) as typeof import('../src/rules/load.js');
    const regexes = dist
      .loadRuleSet([dist.BUILTIN_RULES_DIR])
      .rules.flatMap((r) =>
        r.detectors.flatMap((d) => (d.source !== undefined ? [{ source: d.source, flags: d.flags! }] : [])),
      );
    expect(regexes.length).toBeGreaterThan(20);
    for (const re of regexes) {
      const stored = pre.storedAnalysis(re.source, re.flags);
      expect(stored, re.source.slice(0, 60)).toBeDefined();
      expect(JSON.parse(pre.analysesFile([re])).analyses[`${re.flags}/${re.source}`]).toEqual(stored);
    }
  });
});
