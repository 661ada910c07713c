// Hashes that say exactly which rules and configuration a run or a handbook used: SHA-256 of
// each rule pack's files (their bytes, in path order) and of the effective configuration.
// Only hashes and paths leave here, never the content.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Config } from '../config/config.js';
import type { RuleSet } from '../rules/rule.js';
import { BUILTIN_RULES_DIR } from '../rules/load.js';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export interface PackDigest {
  pack: string;
  /** `builtin` for the packs shipped with phi-lint, else the path of the pack's files' directory. */
  source: string;
  sha256: string;
}

/** Every file a rule set was read from. */
function ruleFiles(ruleSet: RuleSet): { pack: string; file: string }[] {
  const seen = new Map<string, string>();
  for (const p of ruleSet.packs) seen.set(resolve(p.file), p.name);
  for (const r of ruleSet.rules) seen.set(resolve(r.file), r.pack);
  const byFile = (a: { file: string }, b: { file: string }): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return [...seen].map(([file, pack]) => ({ pack, file })).sort(byFile);
}

const builtin = (file: string): boolean => !relative(BUILTIN_RULES_DIR, file).startsWith('..');

/** One SHA-256 per pack, over its files' relative names and bytes. */
export function packDigests(ruleSet: RuleSet, cwd: string): PackDigest[] {
  const byPack = new Map<string, { files: string[]; builtin: boolean }>();
  for (const { pack, file } of ruleFiles(ruleSet)) {
    const e = byPack.get(pack) ?? { files: [], builtin: builtin(file) };
    e.files.push(file);
    byPack.set(pack, e);
  }
  return [...byPack].map(([pack, e]) => {
    const h = createHash('sha256');
    const base = e.builtin ? BUILTIN_RULES_DIR : cwd;
    for (const f of e.files) {
      h.update(relative(base, f).split(sep).join('/')).update('\0');
      try {
        h.update(readFileSync(f));
      } catch {
        h.update('(unreadable)');
      }
      h.update('\0');
    }
    const dir = relative(cwd, resolve(e.files[0]!, '..')).split(sep).join('/') || '.';
    return { pack, source: e.builtin ? 'builtin' : dir, sha256: h.digest('hex') };
  });
}

/** One short version string for the rule set: the first 12 hex digits of a hash over every pack's hash. */
export function rulesVersion(ruleSet: RuleSet, cwd: string): string {
  return sha256(
    packDigests(ruleSet, cwd)
      .map((p) => `${p.pack}:${p.sha256}`)
      .join('\n'),
  ).slice(0, 12);
}

/** SHA-256 of the effective configuration (what it means, not how it is written), without its location. */
export function configDigest(config: Config): string {
  const { file: _file, dir: _dir, switches: _switches, ...meaning } = config;
  return sha256(stableJson(meaning));
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
