// JUnit XML for CI dashboards (GitLab unit test reports, Jenkins): one test case per file,
// a <failure> per error or warning (info notes go to <system-out>), <error> for a file that
// could not be read, <skipped> for a binary file. Everything is XML-escaped, and characters
// XML 1.0 forbids are dropped. Control characters from drafts, file names and rule packs are
// written as visible escapes first (escape.ts): CI dashboards print this text in terminals too.
import { escapeControls as plain } from './escape.js';
import { findingText } from './mask.js';
import { gateText, placeOf, type GateLine } from './gate.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export const junit: Formatter = (results, opts) => {
  const texts = findingText(opts.mask, opts.rules.keys());
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const r of results) {
    const file = plain(displayPath(r.filePath, opts.cwd));
    const body: string[] = [];
    if (r.fatal) {
      errors++;
      body.push(
        `      <error message="${xmlAttr(plain(r.fatal))}" type="phi-lint/fatal">${xmlText(`${file}: ${plain(r.fatal)}`)}</error>`,
      );
    }
    if (r.skipped) {
      skipped++;
      body.push(`      <skipped message="${xmlAttr(plain(r.skipped))}"/>`);
    }
    const notes: string[] = [];
    for (const f of r.findings) {
      const message = plain(texts.message(f));
      const note = texts.note(f);
      const detail = [
        `${file}:${f.line}:${f.column}: ${f.severity} ${message} [${plain(f.ruleId)}]`,
        ...(note ? [`Note: ${plain(note)}`] : []),
        ...(f.suggestion ? [`Instead: ${plain(f.suggestion)}`] : []),
      ].join('\n');
      // An info note never fails a run, so it must not turn the test case red either.
      if (f.severity === 'info') notes.push(detail);
      else
        body.push(
          `      <failure message="${xmlAttr(`${f.line}:${f.column} ${message}`)}" type="${xmlAttr(plain(f.ruleId))}">${xmlText(detail)}</failure>`,
        );
    }
    if (body.some((b) => b.startsWith('      <failure'))) failures++; // counts test cases, as JUnit readers expect
    if (notes.length) body.push(`      <system-out>${xmlText(notes.join('\n'))}</system-out>`);
    const open = `    <testcase classname="phi-lint" name="${xmlAttr(file)}" file="${xmlAttr(file)}" time="0"`;
    cases.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
  }
  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}"`;
  // What was suppressed, disabled or ignored: the suite's output (JUnit readers show it with the suite).
  const gate = gateText(opts);
  const detail = (l: GateLine): string => `${l.file === undefined ? '' : `${placeOf(l)}: `}${l.text}`;
  const gateOut = gate ? [gate.summary, ...gate.details.map(detail)] : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="phi-lint" ${counts} time="0">`,
    `  <testsuite name="phi-lint" ${counts} skipped="${skipped}" time="0">`,
    ...cases,
    ...(gateOut.length ? [`    <system-out>${xmlText(gateOut.join('\n'))}</system-out>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
