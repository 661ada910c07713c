// Detector kinds (src/detectors/): one module each, behind one registry from which the pack
// schema, the loader, the engine and `explain` are derived, so a new kind is one module. And
// every span a detector returns must lie inside the draft, or the run fails naming the rule
// and the detector (a bug in a detector must never report, mask or fix text that is not there).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMON_OPTIONS, detectorKinds, registerDetectorKind, type DetectorKind } from '../src/detectors/registry.js';
import { parseDocument } from '../src/documents/load.js';
import { lintDocument, type LintContext } from '../src/engine/lint.js';
import { EXAMPLE_PRACTICE } from '../src/commands/example-practice.js';
import { PracticeFilter } from '../src/engine/practice.js';
import { loadRuleSet } from '../src/rules/load.js';
import { cli } from './tmp-project.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function pack(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-lint-kinds-'));
  made.push(dir);
  writeFileSync(join(dir, 'test.yaml'), yaml);
  return dir;
}
const rule = (id: string, detect: string): string => `rules:
  - id: ${id}
    category: photo
    severity: error
    message: 'found'
    why: test
    detect:
${detect}
    examples: { fire: ['x'], silent: ['y'] }
`;
function context(dir: string): LintContext {
  const { rules, escalations } = loadRuleSet([dir]);
  return {
    rules: rules.map((r) => ({ ...r, effective: r.severity })),
    escalations,
    practice: new PracticeFilter(EXAMPLE_PRACTICE),
  };
}

describe('spans a detector returns', () => {
  it('must lie inside the draft: the run fails naming the rule and the detector, not the text', async () => {
    const ctx = context(pack(rule('test/photo', '      - pattern: "zzz"\n      - image: true')));
    const doc = parseDocument('draft.txt', 'Sarah Whitfield, 404-555-0187', 'post', 'txt');
    doc.images.push({ start: 20, end: 40 } as (typeof doc.images)[number]);
    const err = await lintDocument(doc, ctx).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(/test\/photo/);
    expect(err!.message).toMatch(/image detector \(detect\[1\]\)/);
    expect(err!.message).toMatch(/\[20, 40\).*29 characters/);
    expect(err!.message).not.toMatch(/Whitfield|555/);
  });
  it('inside the draft are reported as before', async () => {
    const ctx = context(pack(rule('test/photo', '      - image: true')));
    const doc = parseDocument('draft.md', 'Look: ![Sarah](sarah.jpg)', 'post', 'md');
    const findings = await lintDocument(doc, ctx);
    expect(findings.map((f) => [f.ruleId, f.start, f.end])).toEqual([['test/photo', 6, 25]]);
  });
});

/** A tiny kind, defined here only: words in capitals of at least `shout: N` letters. */
const shout: DetectorKind = {
  name: 'shout',
  schema: { shout: { type: 'integer', minimum: 2 } },
  doc: '| `shout: N` | words in capitals of at least N letters |',
  compile(raw, det) {
    det.state = raw.shout as number;
  },
  detect(det, { doc }) {
    const re = new RegExp(`\\b[A-Z]{${det.state as number},}\\b`, 'g');
    return [...doc.prose.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  },
  describe: () => 'words in capitals',
};

describe('the registry of detector kinds', () => {
  it('lets a kind defined outside src/ be written in a pack, validated, compiled, run and explained', async () => {
    const yaml = rule('test/shout', '      - shout: 4\n      - shout: 5');
    const dir = pack(yaml);
    // not registered: the schema refuses the key, naming the kinds it knows
    expect(() => loadRuleSet([dir])).toThrow(/shout/);
    const unregister = registerDetectorKind(shout);
    try {
      const ctx = context(dir);
      expect(ctx.rules[0].detectors.map((d) => [d.kind, d.state])).toEqual([
        ['shout', 4],
        ['shout', 5],
      ]);
      const doc = parseDocument('draft.txt', 'We said HELLO to Sarah at the SPA today.', 'post', 'txt');
      const findings = await lintDocument(doc, ctx);
      expect(findings.map((f) => [f.ruleId, f.match])).toEqual([['test/shout', 'HELLO']]);
      // the loader's error lists it among the kinds
      expect(() => loadRuleSet([pack(rule('test/none', '      - validate: [luhn]'))])).toThrow(
        /exactly one of pattern, terms, entity, image, shout \(found none\)/,
      );
      expect(() => loadRuleSet([pack(rule('test/bad', '      - shout: 1'))])).toThrow(/shout/);
      const explained = await cli(['explain', 'test/shout', '--rules', dir], { cwd: dir });
      expect(explained.stdout).toMatch(/Detects words in capitals \(2 detectors\)\./);
    } finally {
      unregister();
    }
    expect(detectorKinds().map((k) => k.name)).toEqual(['pattern', 'terms', 'entity', 'image']);
    expect(() => loadRuleSet([dir])).toThrow(/shout/);
  });

  it('refuses a kind whose keys another kind or a common option already has', () => {
    expect(() => registerDetectorKind({ ...shout, name: 'terms', schema: { terms: {} } })).toThrow(
      /"terms" is already taken/,
    );
    expect(() => registerDetectorKind({ ...shout, schema: { shout: {}, validate: {} } })).toThrow(
      /"validate" is already taken/,
    );
    expect(detectorKinds()).toHaveLength(4);
  });

  it("is what docs/writing-rules.md's table of detectors lists: each kind's line, then the common options", () => {
    const page = readFileSync(new URL('../docs/writing-rules.md', import.meta.url), 'utf8');
    const table = page.slice(page.indexOf('| detector | what it does |')).split('\n\n')[0].split('\n').slice(2);
    const kinds = detectorKinds();
    expect(table.slice(0, kinds.length)).toEqual(kinds.map((k) => k.doc));
    expect(
      table
        .slice(kinds.length)
        .map((l) => /^\| `([a-z-]+)/.exec(l)?.[1])
        .sort(),
    ).toEqual([...COMMON_OPTIONS].sort());
  });
});
