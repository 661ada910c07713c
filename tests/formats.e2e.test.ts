// Every output format, end to end through the real bin: SARIF validated against the
// official 2.1.0 schema, GitHub workflow commands checked against GitHub's syntax, JUnit
// parsed as XML, compact/unix lines matched, and --output-file written for each format.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { formatterNames } from '../src/formatters/index.js';
import { SAFE_HARBOR } from '../src/types.js';
import { phiLint, ROOT } from './helpers.js';
import { scratchDir } from './scratch.js';
import { FINDING_COMMAND, sarifErrors } from './report-checks.js';
import { xmlProblems } from './xml-well-formed.js';

const ALL_CATEGORIES = join(ROOT, 'tests', 'fixtures', 'all-categories');
const ALL_RULES = join(ALL_CATEGORIES, 'rules');

interface SarifLog {
  runs: {
    tool: {
      driver: {
        name: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          defaultConfiguration: { level: string };
          properties: Record<string, unknown>;
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

const DRAFT = 'Flu shots are in!\n\nCall them at 404-555-0187 or email dana.r@example.org.\n';

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, for every category', () => {
    const r = phiLint(['-f', 'sarif', '--rules', ALL_RULES, 'draft.md'], { cwd: ALL_CATEGORIES, env: { CI: 'true' } });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(sarifErrors(log)).toBe('');
    expect(log.runs[0]!.results.length).toBeGreaterThanOrEqual(24);
  });

  it('an invalid log is caught by the validator (the check can fail)', () => {
    const log = JSON.parse(phiLint(['-f', 'sarif', '-'], { input: DRAFT }).stdout) as SarifLog;
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(sarifErrors(log)).toMatch(/startLine/);
  });

  it('lists every rule with descriptions, help, level, category and Safe Harbor identifier', () => {
    const dir = scratchDir({ 'a.md': DRAFT });
    const log = JSON.parse(phiLint(['-f', 'sarif', '--rules', ALL_RULES, 'a.md'], { cwd: dir }).stdout) as SarifLog;
    const rules = log.runs[0]!.tool.driver.rules;
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'phi/phone',
        'phi/email',
        'phi/ssn',
        'all-categories/name',
        'all-categories/unconsented-media',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription.text).not.toMatch(/\{match\}/);
      expect(rule.fullDescription.text.length).toBeGreaterThan(3);
      expect(rule.help.text.length).toBeGreaterThan(3);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      const cat = rule.properties.category as string;
      expect(cat).toBeTruthy();
      expect(rule.properties.safeHarborIdentifier).toBe(SAFE_HARBOR[cat]?.letter);
    }
    expect(rules.find((r) => r.id === 'phi/phone')!.properties).toMatchObject({
      category: 'phone',
      safeHarborIdentifier: 'D',
    });
  });

  it('results carry rule index, level, relative URI and the same region as the json format', () => {
    const dir = scratchDir({ 'posts/a b.md': DRAFT });
    const log = JSON.parse(phiLint(['-f', 'sarif', 'posts'], { cwd: dir }).stdout) as SarifLog;
    const json = JSON.parse(phiLint(['-f', 'json', 'posts'], { cwd: dir }).stdout);
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(json[0].messages.length);
    run.results.forEach((res, i) => {
      const m = json[0].messages[i];
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.ruleId).toBe(m.ruleId);
      expect(res.level).toBe('error');
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: 'posts/a%20b.md', uriBaseId: '%SRCROOT%' });
      expect(loc.region).toEqual({
        startLine: m.line,
        startColumn: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      });
    });
    expect(run.results[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 14,
      endLine: 3,
      endColumn: 26,
    });
  });

  it('fingerprints survive lines inserted above, tell repeated values apart, and never hold the value', () => {
    // v2: no part of the value goes in (v1 hashed its old mask, with an SSN's last four digits)
    const text = 'Call 404-555-0187 today.\nOr 404-555-0187 again.\n';
    const dir = scratchDir({ 'a.md': text });
    const prints = (file: string): string[] =>
      (JSON.parse(phiLint(['-f', 'sarif', file], { cwd: dir }).stdout) as SarifLog).runs[0]!.results.map(
        (r) => r.partialFingerprints['phiLintFinding/v2']!,
      );
    const a = prints('a.md');
    expect(a).toHaveLength(2);
    expect(a[0]).not.toBe(a[1]);
    // The same file with lines added above: same findings, on other lines.
    const moved = scratchDir({ 'a.md': `# New heading\n\nAn added paragraph.\n\n${text}` });
    const b = (JSON.parse(phiLint(['-f', 'sarif', 'a.md'], { cwd: moved }).stdout) as SarifLog).runs[0]!.results;
    expect(b[0]!.locations[0]!.physicalLocation.region.startLine).toBe(5);
    expect(b.map((r) => r.partialFingerprints['phiLintFinding/v2'])).toEqual(a);
    const out = phiLint(['-f', 'sarif', '--show-values', 'a.md'], { cwd: dir }).stdout;
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    for (const fp of a) {
      expect(fp).toMatch(/^[0-9a-f]{32}$/);
      expect(sha('404-555-0187').startsWith(fp)).toBe(false);
    }
    expect(out.match(/"phiLintFinding\/v2": "[0-9a-f]+"/g)).toHaveLength(2);
    // the same fingerprints whether values are shown or masked
    expect(out.match(/"phiLintFinding\/v2": "([0-9a-f]+)"/g)!.map((m) => m.slice(-33, -1))).toEqual(a);
  });

  it("reports suppressed findings as suppressed results, without changing the others' fingerprints", () => {
    const plain = 'Call 404-555-0187 today.\n\nOr 404-555-0187 again.\n';
    const suppressed =
      'Call 404-555-0187 today. <!-- phi-lint-disable-line phi/phone -- a test line -->\n\nOr 404-555-0187 again.\n';
    const dir = scratchDir({ 'a.md': plain });
    const before = (JSON.parse(phiLint(['-f', 'sarif', 'a.md'], { cwd: dir }).stdout) as SarifLog).runs[0]!.results;
    const dir2 = scratchDir({ 'a.md': suppressed });
    const r = phiLint(['-f', 'sarif', 'a.md'], { cwd: dir2 });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(sarifErrors(log)).toBe('');
    const after = log.runs[0]!.results as (SarifLog['runs'][0]['results'][0] & { suppressions?: unknown[] })[];
    expect(after).toHaveLength(2);
    expect(after[0]!.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'a test line' }]);
    expect(after[1]!.suppressions).toBeUndefined();
    expect(after.map((x) => x.partialFingerprints['phiLintFinding/v2'])).toEqual(
      before.map((x) => x.partialFingerprints['phiLintFinding/v2']),
    );
  });

  it('reports unreadable files as failed execution, and engine findings get a rule too', () => {
    const dir = scratchDir({ 'a.md': '---\ntitle: [unclosed\n---\nCall 404-555-0187.\n' });
    const r = phiLint(['-f', 'sarif', 'a.md', 'missing.md'], { cwd: dir });
    expect(r.status).toBe(2);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(sarifErrors(log)).toBe('');
    const run = log.runs[0]!;
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications[0]!.message.text).toContain('missing.md');
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
    expect(run.results.map((x) => x.ruleId)).toContain('phi-lint/front-matter');
  });
});

describe('github', () => {
  it('escapes data and property values as GitHub requires', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
  });

  it('prints one well-formed command per finding, with the right level', () => {
    const dir = scratchDir({
      '.phi-lint.yaml': 'rules: { phi/email: warning }\n',
      'posts/a,b:c%.md': DRAFT,
    });
    const r = phiLint(['-f', 'github', 'posts'], { cwd: dir });
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(FINDING_COMMAND);
    expect(lines[0]).toMatch(
      /^::error file=posts\/a%2Cb%3Ac%25\.md,line=3,col=14,endLine=3,endColumn=26,title=phi\/phone \(phone\)::Phone number "\*\*\*"/,
    );
    expect(lines[0]).toContain('%0AInstead: ');
    expect(lines[1]).toMatch(/^::warning file=/);
  });

  it('info notes are notices; unreadable files are errors; a clean run prints nothing', () => {
    const dir = scratchDir({
      '.phi-lint.yaml': 'rules: { phi/phone: info }\n',
      'a.md': 'Call 404-555-0187.\n',
      'clean.md': 'Flu shots are in.\n',
    });
    const r = phiLint(['-f', 'github', 'a.md', 'gone.md'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.startsWith('::notice'))).toMatch(FINDING_COMMAND);
    expect(lines).toContain('::error file=gone.md,title=phi-lint::no such file or directory');
    expect(phiLint(['-f', 'github', 'clean.md'], { cwd: dir }).stdout).toBe('');
  });
});

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testcase', 'failure'].includes(name),
  });

  it('is well-formed XML with one test case per file and a failure per finding', () => {
    const dir = scratchDir({
      'a.md': DRAFT,
      'clean.md': 'Flu shots are in.\n',
      'odd <&> "name".md': 'Call 404-555-0187 & <b>now</b>.\n',
    });
    const r = phiLint(['-f', 'junit', '.', 'missing.md'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(xmlProblems(r.stdout)).toEqual([]);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = parser.parse(r.stdout);
    const suite = doc.testsuites.testsuite;
    expect(suite).toMatchObject({ name: 'phi-lint', tests: '4', failures: '2', errors: '1' });
    const byName = Object.fromEntries(suite.testcase.map((t: { name: string }) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['a.md', 'clean.md', 'missing.md', 'odd <&> "name".md']);
    expect(byName['a.md'].failure).toHaveLength(2);
    expect(byName['a.md'].failure[0]).toMatchObject({ type: 'phi/phone' });
    expect(byName['a.md'].failure[0]['#text']).toMatch(/^a\.md:3:14: error Phone number "\*\*\*"/);
    expect(byName['clean.md'].failure).toBeUndefined();
    expect(byName['missing.md'].error.message).toBe('no such file or directory');
    expect(byName['odd <&> "name".md'].failure).toHaveLength(1);
  });

  it('the well-formedness check catches what JUnit readers would reject (it can fail)', () => {
    expect(xmlProblems('<?xml version="1.0"?>\n<a n="x &amp; &#10;"><b/>ok &lt; &gt;</a>\n')).toEqual([]);
    for (const bad of [
      '<a n="a & b"/>',
      '<a>x & y</a>',
      '<a><b></a>',
      '<a>1 < 2</a>',
      '<a n="x"y"/>',
      '<a>\u0001</a>',
      '<a n="<"/>',
      '<a/><b/>',
      '<a>]]></a>',
      '<a n="1" n="2"/>',
    ]) {
      expect(xmlProblems(bad), bad).not.toEqual([]);
    }
  });

  it('writes control characters as visible escapes (which XML allows) and escapes markup in names and messages', () => {
    const dir = scratchDir({ 'ctl\u0001.md': 'Call 404-555-0187 \u0007 now.\n' });
    const out = phiLint(['-f', 'junit', '.'], { cwd: dir }).stdout;
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('name="ctl\\x01.md"');
  });

  it('keeps info notes out of the failures', () => {
    const dir = scratchDir({ '.phi-lint.yaml': 'rules: { phi/phone: info }\n', 'a.md': 'Call 404-555-0187.\n' });
    const doc = parser.parse(phiLint(['-f', 'junit', 'a.md'], { cwd: dir }).stdout);
    const tc = doc.testsuites.testsuite.testcase[0];
    expect(tc.failure).toBeUndefined();
    expect(tc['system-out']).toContain('phi/phone');
  });
});

describe('compact and unix', () => {
  const LINE = /^[^:\n]+:\d+:\d+: (error|warning|info) .+ \[[a-z0-9-]+\/[a-z0-9-]+\]$/;
  it('print file:line:col: severity message [rule]', () => {
    const dir = scratchDir({ 'posts/a.md': DRAFT });
    const compact = phiLint(['-f', 'compact', 'posts'], { cwd: dir });
    expect(compact.status).toBe(1);
    const lines = compact.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(LINE);
    expect(lines[0]).toBe(
      'posts/a.md:3:14: error Phone number "***" — a phone number that is not the practice\'s own can identify a patient. [phi/phone]',
    );
    const unix = phiLint(['-f', 'unix', 'posts'], { cwd: dir }).stdout;
    expect(unix).toBe(`${lines.join('\n')}\n\n2 problems\n`);
  });
  it('print nothing for a clean run', () => {
    const dir = scratchDir({ 'a.md': 'Flu shots are in.\n' });
    expect(phiLint(['-f', 'compact', '.'], { cwd: dir }).stdout).toBe('');
    expect(phiLint(['-f', 'unix', '.'], { cwd: dir }).stdout).toBe('');
  });
});

describe('--output-file', () => {
  for (const format of formatterNames()) {
    it(`writes the ${format} report to the file, atomically, and nothing to stdout`, () => {
      const dir = scratchDir({ 'a.md': DRAFT, 'out/.keep': '' });
      const direct = phiLint(['-f', format, 'a.md'], { cwd: dir });
      const r = phiLint(['-f', format, '-o', `out/report.${format}`, 'a.md'], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      // sarif and json-with-metadata say when and how they ran: the same report but for that
      const run = (s: string): string =>
        s
          .replace(/"(startTimeUtc|endTimeUtc|commandLine)": ?"[^"]*"/g, '"$1":""')
          .replace(/"arguments": ?\[[^\]]*\]/g, '"arguments":[]');
      expect(run(readFileSync(join(dir, 'out', `report.${format}`), 'utf8'))).toBe(run(direct.stdout));
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.keep', `report.${format}`]);
    });
  }
});

describe('--format', () => {
  it('help lists every format', () => {
    const help = phiLint(['--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`output format: ${formatterNames().join(', ')}`);
    expect(formatterNames()).toEqual(
      expect.arrayContaining(['stylish', 'json', 'sarif', 'github', 'junit', 'compact', 'unix']),
    );
  });
});
