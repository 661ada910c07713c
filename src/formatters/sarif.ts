// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run; the driver lists
// every rule of the rule sets in use; each result points at its file (relative to the
// working directory, under %SRCROOT%) and region (1-based lines, UTF-16 columns).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { ruleHelpUri, ruleTitle } from '../handbook/rule-docs.js';
import type { CompiledRule } from '../rules/rule.js';
import { SAFE_HARBOR, type Finding, type Severity, type SuppressedFinding } from '../types.js';
import { gateText } from './gate.js';
import { isMetaRule, META_RULES } from '../meta-rules.js';
import { findingText } from './mask.js';
import { displayPath, pathToUriReference } from './paths.js';
import type { FormatOptions, Formatter } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/**
 * Bumped whenever the fingerprint's inputs change, so old and new alerts are not confused.
 * v1 hashed the value's old mask, which kept an SSN's last four digits and a name's initials
 * and length: trying them all against a public log would recover them. v2 hashes no part of
 * the value.
 */
export const FINGERPRINT_KEY = 'phiLintFinding/v2';

/** Rule ids the engine itself reports, not found in any pack. */
const ENGINE_RULES: Record<string, { category: string; message: string; why: string; severity: Severity }> = {
  'phi-lint/front-matter': {
    category: 'other-id',
    message: 'Malformed front matter.',
    why: 'The YAML front matter at the top of the draft could not be read; the rest of the draft is still linted.',
    severity: 'warning',
  },
};

/**
 * phi-lint's own rules (directives, consent), described from meta-rules.ts: never from a
 * finding's message, which may quote the draft.
 */
function metaRule(id: string): (typeof ENGINE_RULES)[string] | undefined {
  if (!isMetaRule(id)) return undefined;
  const m = META_RULES.find((x) => x.id === id);
  return {
    category: 'other-id',
    message: m?.looksFor ?? 'A problem phi-lint found in the draft itself.',
    why: m?.why ?? 'See `phi-lint explain`.',
    severity: m?.severity ?? 'error',
  };
}

function pascalName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function safeHarborLabel(category: string): string | undefined {
  const sh = SAFE_HARBOR[category];
  return sh ? `(${sh.letter}) ${sh.title}` : undefined;
}

interface RuleLike {
  id: string;
  category: string;
  severity: Severity;
  message: string;
  why: string;
  suggestion?: string;
  file?: string;
}

function describeRule(r: RuleLike): Record<string, unknown> {
  const sh = SAFE_HARBOR[r.category];
  const short = ruleTitle(r.message);
  const help = r.suggestion ? `${r.why.trim()}\n\nInstead: ${r.suggestion.trim()}` : r.why.trim();
  const helpMd = r.suggestion ? `${r.why.trim()}\n\n**Instead:** ${r.suggestion.trim()}` : r.why.trim();
  return {
    id: r.id,
    name: pascalName(r.id),
    shortDescription: { text: short },
    fullDescription: { text: r.why.replace(/\s+/g, ' ').trim() },
    helpUri: ruleHelpUri(r),
    help: { text: help, markdown: helpMd },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      category: r.category,
      ...(sh ? { safeHarborIdentifier: sh.letter, safeHarbor: safeHarborLabel(r.category) } : { disclosureRisk: true }),
      tags: ['phi', 'privacy', 'hipaa', r.category],
      // how a reply sounds (rules/tone/) is not a disclosure
      ...(r.category === 'tone' ? { disclosureRisk: false } : {}),
    },
  };
}

/**
 * A fingerprint that survives edits elsewhere in the file: rule, file, and which of that
 * rule's findings in the file it is (never its line). No part of the value enters it — a
 * hash of a 9-digit SSN, or of its last four digits, could be reversed by trying them all.
 */
export function fingerprint(ruleId: string, path: string, occurrence: number): string {
  return createHash('sha256')
    .update([ruleId, path, String(occurrence)].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** For findings in document order: how many earlier findings share the rule. */
function occurrences(findings: Finding[]): number[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = seen.get(f.ruleId) ?? 0;
    seen.set(f.ruleId, n + 1);
    return n;
  });
}

/** Where a line of the suppression report points (a config key, a directive). */
function gatePlace(file: string, line: number | undefined): Record<string, unknown> {
  const artifactLocation = { uri: pathToUriReference(file), uriBaseId: '%SRCROOT%' };
  return { artifactLocation, ...(line ? { region: { startLine: line } } : {}) };
}

/** When and how the run was invoked (SARIF 3.20 invocation), when the run told us. */
function invocationTimes(opts: FormatOptions): Record<string, unknown> {
  const m = opts.run;
  if (!m) return {};
  return { commandLine: m.commandLine, arguments: m.arguments, startTimeUtc: m.startTimeUtc, endTimeUtc: m.endTimeUtc };
}

/** The commit and branch the drafts come from (SARIF 3.23), when they are in a git repository with a remote. */
function provenance(opts: FormatOptions): Record<string, unknown> {
  const g = opts.run?.git;
  if (!g?.repository) return {};
  const branch = g.branch ? { branch: g.branch } : {};
  return { versionControlProvenance: [{ repositoryUri: g.repository, revisionId: g.commit, ...branch }] };
}

export const sarif: Formatter = (results, opts) => {
  const texts = findingText(opts.mask, opts.rules.keys());
  const ruleList: RuleLike[] = [...opts.rules.values()].map((r: CompiledRule) => r);
  const known = new Set(ruleList.map((r) => r.id));
  for (const r of results) {
    for (const f of [...r.findings, ...(r.suppressed ?? [])]) {
      if (known.has(f.ruleId)) continue;
      known.add(f.ruleId);
      const e = ENGINE_RULES[f.ruleId] ?? metaRule(f.ruleId);
      ruleList.push({
        id: f.ruleId,
        category: e?.category ?? f.category,
        severity: e?.severity ?? f.severity,
        message: e?.message ?? f.message,
        why: e?.why ?? f.message,
      });
    }
  }
  ruleList.sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));

  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const path = displayPath(r.filePath, opts.cwd);
    const artifactLocation = { uri: pathToUriReference(path), uriBaseId: '%SRCROOT%' };
    if (r.fatal)
      notifications.push({
        level: 'error',
        message: { text: `${path}: ${r.fatal}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    if (r.skipped)
      notifications.push({
        level: 'note',
        message: { text: `${path}: skipped: ${r.skipped}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    // Suppressed findings are results too, marked as such (SARIF `suppressions`), and they
    // count for occurrences, so suppressing one does not change the others' fingerprints.
    const ordered: (Finding | SuppressedFinding)[] = [...r.findings, ...(r.suppressed ?? [])].sort(
      (a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
    );
    const nth = occurrences(ordered);
    ordered.forEach((f, i) => {
      const note = texts.note(f);
      const text = texts.message(f) + (note ? ` (${note})` : '');
      const suppressions = 'suppressions' in f ? f.suppressions : undefined;
      sarifResults.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: LEVEL[f.severity],
        kind: 'fail',
        message: { text: f.suggestion ? `${text} Instead: ${f.suggestion}` : text },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f.ruleId, path, nth[i]!) },
        ...(suppressions
          ? {
              suppressions: suppressions.map((x) => ({
                kind: x.kind === 'directive' ? 'inSource' : 'external',
                status: 'accepted',
                ...(x.justification ? { justification: texts.draftText(x.justification) } : {}),
              })),
            }
          : {}),
        properties: {
          category: f.category,
          ...(SAFE_HARBOR[f.category] ? { safeHarborIdentifier: SAFE_HARBOR[f.category]!.letter } : {}),
        },
      });
    });
  }

  // What was suppressed, disabled or ignored: configuration notifications, the summary first.
  const gate = gateText(opts);
  const configNotes = gate
    ? [
        { level: 'note', descriptor: { id: 'phi-lint/suppressions' }, message: { text: gate.summary } },
        ...gate.details.map((l) => ({
          level: 'note',
          descriptor: { id: 'phi-lint/suppressed' },
          message: { text: l.text },
          ...(l.file === undefined ? {} : { locations: [{ physicalLocation: gatePlace(l.file, l.line) }] }),
        })),
      ]
    : [];
  const cwdUri = pathToFileURL(opts.cwd.endsWith('/') ? opts.cwd : `${opts.cwd}/`).href;
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'phi-lint',
            version: opts.version,
            semanticVersion: opts.version,
            rules: ruleList.map(describeRule),
          },
        },
        invocations: [
          {
            ...invocationTimes(opts),
            executionSuccessful: !results.some((r) => r.fatal),
            toolExecutionNotifications: notifications,
            ...(configNotes.length ? { toolConfigurationNotifications: configNotes } : {}),
          },
        ],
        ...provenance(opts),
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
