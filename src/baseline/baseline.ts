// The baseline: findings a team has accepted when adopting the gate on an existing
// repository. Each finding is remembered by a fingerprint — a keyed hash of the draft's path
// (relative to the baseline file), the rule id, the normalized matched text and which
// occurrence of that (rule, text) pair in the draft it is. No line numbers, so editing above
// a finding does not resurrect it; a new finding on the same line has a different text or
// occurrence number, so it is still reported. The file holds hashes, never matched text.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { PhiLintError } from '../errors.js';
import { writeFileAtomic } from '../atomic-write.js';
import { isMetaRule } from '../meta-rules.js';
import type { FileResult, Finding, SuppressedFinding } from '../types.js';

export const BASELINE_VERSION = 1;

export interface Baseline {
  file: string;
  salt: string;
  /** relative draft path → fingerprints */
  files: Map<string, Set<string>>;
}

interface BaselineJson {
  'phi-lint-baseline': number;
  salt: string;
  files: Record<string, Record<string, string[]>>;
}

export function normalizeMatch(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The draft's key in a baseline: its path relative to the baseline file, with / separators. */
export function baselineKey(baselineFile: string, filePath: string): string {
  if (filePath === '<stdin>') return filePath;
  return relative(dirname(resolve(baselineFile)), filePath)
    .split('\\')
    .join('/');
}

/** One fingerprint per finding, in the order given. */
export function fingerprints(key: string, findings: Finding[], salt: string): string[] {
  const seen = new Map<string, number>();
  const order = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.start - b.f.start || a.f.end - b.f.end || a.i - b.i);
  const out: string[] = new Array(findings.length);
  for (const { f, i } of order) {
    // phi-lint's own findings carry no matched text; their message says what they are about.
    const content = isMetaRule(f.ruleId) ? f.message : normalizeMatch(f.match);
    const pair = `${f.ruleId}\0${content}`;
    const n = seen.get(pair) ?? 0;
    seen.set(pair, n + 1);
    out[i] = createHmac('sha256', salt).update(`${key}\0${pair}\0${n}`).digest('hex').slice(0, 32);
  }
  return out;
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PhiLintError(
      `cannot read baseline (${(e as NodeJS.ErrnoException).code ?? 'error'}); create it with --write-baseline`,
      file,
    );
  }
  let raw: BaselineJson;
  try {
    raw = JSON.parse(text) as BaselineJson;
  } catch (e) {
    throw new PhiLintError(`baseline is not valid JSON (${(e as Error).message})`, file);
  }
  if (
    !raw ||
    raw['phi-lint-baseline'] !== BASELINE_VERSION ||
    typeof raw.salt !== 'string' ||
    typeof raw.files !== 'object' ||
    raw.files === null
  ) {
    throw new PhiLintError(
      `not a phi-lint baseline (version ${BASELINE_VERSION}); write it again with --write-baseline`,
      file,
    );
  }
  const files = new Map<string, Set<string>>();
  for (const [path, rules] of Object.entries(raw.files)) {
    const set = new Set<string>();
    for (const hashes of Object.values(rules ?? {}))
      for (const h of Array.isArray(hashes) ? hashes : []) set.add(String(h));
    files.set(path, set);
  }
  return { file, salt: raw.salt, files };
}

/** Hide the findings the baseline knows. */
export function applyBaseline(
  baseline: Baseline,
  filePath: string,
  findings: Finding[],
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const known = baseline.files.get(baselineKey(baseline.file, filePath));
  if (!known?.size) return { findings, suppressed: [] };
  const prints = fingerprints(baselineKey(baseline.file, filePath), findings, baseline.salt);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  findings.forEach((f, i) => {
    if (known.has(prints[i]))
      suppressed.push({
        ...f,
        suppressions: [{ kind: 'baseline', justification: `known finding in ${baseline.file}` }],
      });
    else kept.push(f);
  });
  return { findings: kept, suppressed };
}

/** Serialise every reported finding; keeps an existing baseline's salt so rewriting it gives a small diff. */
export function baselineJson(
  file: string,
  results: FileResult[],
  salt?: string,
): { text: string; count: number; files: number } {
  const useSalt = salt ?? randomBytes(16).toString('hex');
  const files: Record<string, Record<string, string[]>> = {};
  let count = 0;
  for (const r of [...results].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    if (!r.findings.length) continue;
    const key = baselineKey(file, r.filePath);
    const prints = fingerprints(key, r.findings, useSalt);
    const byRule: Record<string, string[]> = {};
    r.findings.forEach((f, i) => (byRule[f.ruleId] ??= []).push(prints[i]));
    for (const k of Object.keys(byRule)) byRule[k].sort();
    files[key] = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => a.localeCompare(b)));
    count += r.findings.length;
  }
  const json: BaselineJson = { 'phi-lint-baseline': BASELINE_VERSION, salt: useSalt, files };
  return { text: `${JSON.stringify(json, null, 2)}\n`, count, files: Object.keys(files).length };
}

export function writeBaseline(file: string, results: FileResult[]): { count: number; files: number } {
  let salt: string | undefined;
  try {
    salt = readBaseline(file).salt;
  } catch {
    salt = undefined;
  }
  const out = baselineJson(file, results, salt);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, out.text);
  return { count: out.count, files: out.files };
}
