// The engine awaits a detector only when its kind answers with a promise (engine/lint.ts
// detect): a kind that answers at once and one that answers later give the same findings,
// and the spans of either are checked to lie inside the draft.
import { afterAll, describe, expect, it } from 'vitest';
import { registerDetectorKind, type DetectorKind } from '../src/detectors/registry.js';
import { parseDocument } from '../src/documents/load.js';
import { EXAMPLE_PRACTICE } from '../src/commands/example-practice.js';
import { lintDocument, type LintContext } from '../src/engine/lint.js';
import { PracticeFilter } from '../src/engine/practice.js';
import { loadRuleSet } from '../src/rules/load.js';
import { tempDir } from './support/temp-dirs.js';

/** Words in capitals; `shift` moves every span (a buggy detector), `later` answers with a promise. */
function kind(name: string, later: boolean): DetectorKind {
  return {
    name,
    schema: { [name]: { type: 'integer' } },
    doc: `| \`${name}: N\` | words in capitals, moved N characters |`,
    compile(raw, det) {
      det.state = raw[name] as number;
    },
    detect(det, { doc }) {
      const shift = det.state as number;
      const spans = [...doc.prose.matchAll(/\b[A-Z]{2,}\b/g)].map((m) => ({
        start: m.index + shift,
        end: m.index + m[0].length + shift,
      }));
      return later ? new Promise((done) => setTimeout(() => done(spans), 1)) : spans;
    },
    describe: () => 'words in capitals',
  };
}
const forget = [registerDetectorKind(kind('atonce', false)), registerDetectorKind(kind('later', true))];
afterAll(() => forget.forEach((f) => f()));

function context(detector: string): LintContext {
  const yaml =
    `rules:\n  - id: test/caps\n    category: other-id\n    severity: error\n    message: m\n    why: w\n` +
    `    detect:\n      - ${detector}\n    context: { forbid: [visiting] }\n    examples: { fire: ['AB'], silent: ['ab'] }\n`;
  const { rules, escalations } = loadRuleSet([tempDir({ 'test.yaml': yaml }, 'phi-lint-detect-')]);
  return {
    rules: rules.map((r) => ({ ...r, effective: r.severity })),
    escalations,
    practice: new PracticeFilter(EXAMPLE_PRACTICE),
  };
}

const TEXT = 'Code AB and CD were noted. Later that week we were visiting EF.';
const doc = () => parseDocument('draft.txt', TEXT, 'post', 'txt');

describe('a detector answering at once or later', () => {
  it('gives the same findings either way', async () => {
    const now = await lintDocument(doc(), context('atonce: 0'));
    const later = await lintDocument(doc(), context('later: 0'));
    expect(now.map((f) => f.match)).toEqual(['AB', 'CD']);
    expect(later).toEqual(now);
  });

  it('has its spans checked to lie inside the draft either way', async () => {
    for (const d of ['atonce: 40', 'later: 40']) {
      const err = await lintDocument(doc(), context(d)).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err, d).toBeInstanceOf(Error);
      expect(err!.message).toMatch(new RegExp(`test/caps: its ${d.split(':')[0]} detector \\(detect\\[0\\]\\)`));
      expect(err!.message).not.toMatch(/visiting|AB/);
    }
  });
});
