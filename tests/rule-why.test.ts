// Every rule's why is written for front-desk staff: the harm first, in plain words, then
// the legal source (Privacy Rule 45 CFR 164.502/164.508; Safe Harbor 164.514(b)(2)(i)(X)
// with the rule's own letter). A why that is only a citation fails.
import { describe, expect, it } from 'vitest';
import { plainWhyProblems, sentences } from '../src/handbook/plain-why.js';
import { BUILTIN_RULES_DIR, loadRuleSet } from '../src/rules/load.js';

describe('the plain-English test for a why', () => {
  it('fails a why that is only a citation', () => {
    expect(plainWhyProblems('A name is Safe Harbor identifier (A), 45 CFR 164.514(b)(2)(i)(A).', 'name')).toContain(
      'it starts with a citation: say first, in plain words, what harm the draft does',
    );
    expect(
      plainWhyProblems('Fax numbers are Safe Harbor identifier (E), 45 CFR 164.514(b)(2)(i)(E).', 'fax').length,
    ).toBeGreaterThan(0);
  });

  it('fails a why without the Privacy Rule, or with the wrong Safe Harbor letter', () => {
    const noPrivacy =
      'A fax number can be looked up and tied to a person or their employer. Legal source: 45 CFR 164.514(b)(2)(i)(E).';
    expect(plainWhyProblems(noPrivacy, 'fax')).toEqual([
      'it does not cite the Privacy Rule (45 CFR 164.502 disclosures or 164.508 authorizations)',
    ]);
    const wrongLetter =
      'A fax number can be looked up and tied to a person or their employer. Legal source: Privacy Rule, 45 CFR 164.502(a); Safe Harbor identifier (D), 45 CFR 164.514(b)(2)(i)(D).';
    expect(plainWhyProblems(wrongLetter, 'fax').join('\n')).toMatch(/164\.514\(b\)\(2\)\(i\)\(E\)/);
    expect(plainWhyProblems('A fax number can be looked up and tied to a person or their employer.', 'fax')).toContain(
      'it does not end with its legal source (45 CFR …)',
    );
  });

  it("passes the harm, then the source; a title's full stop does not end a sentence", () => {
    const good =
      'Greeting Mr. Okafor by name in a public reply tells everyone he is a patient. Legal source: Privacy Rule, 45 CFR 164.502(a); Safe Harbor identifier (A), 45 CFR 164.514(b)(2)(i)(A).';
    expect(plainWhyProblems(good, 'name')).toEqual([]);
    expect(sentences(good)).toHaveLength(2);
  });
});

describe('the shipped rules', () => {
  const rs = loadRuleSet([BUILTIN_RULES_DIR]);

  it.each(rs.rules.map((r) => [r.id, r] as const))('%s: its why passes the plain-English test', (_id, rule) => {
    expect(plainWhyProblems(rule.why, rule.category)).toEqual([]);
  });

  it('escalations too (phi/combined-identifiers)', () => {
    expect(rs.escalations.length).toBeGreaterThan(0);
    for (const e of rs.escalations) expect(plainWhyProblems(e.why), e.id).toEqual([]);
  });
});
