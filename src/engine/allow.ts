// The practice's allow-list (`allow:` in the config, like Vale's accept.txt or cspell's
// words): words, phrases and /patterns/ that are never PHI for this practice (sponsors,
// venues, teams, public figures). A finding that lies wholly inside an allowed phrase is
// not reported; it is kept as suppressed (kind "allow"), so every report counts it.
import { PhiLintError } from '../errors.js';
import { checkRegexSafety, checkRegexShape } from '../regex/safety.js';
import type { Finding, SuppressedFinding } from '../types.js';

const PATTERN = /^\/(.+)\/([imsu]*)$/s;
const MAX_ENTRY = 500;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One allow: entry as a global regular expression (phrases: any case, whole words, any spacing). */
export function allowRegex(entry: string): RegExp {
  if (entry.length > MAX_ENTRY) throw new PhiLintError(`allow: an entry is longer than ${MAX_ENTRY} characters`);
  const m = PATTERN.exec(entry);
  if (m) {
    const why = checkRegexSafety(m[1]) ?? checkRegexShape(m[1], m[2]);
    if (why) throw new PhiLintError(`allow: the pattern ${entry} could take too long on some text (${why})`);
    try {
      return new RegExp(m[1], `g${m[2].includes('u') ? '' : 'u'}${m[2]}`);
    } catch (e) {
      throw new PhiLintError(`allow: ${entry} is not a valid regular expression (${(e as Error).message})`);
    }
  }
  const words = entry.trim().split(/\s+/).map(escapeRe).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
}

const compiled = new Map<string, RegExp>();

/** Where the allow: entries occur in a draft's text. */
function allowedSpans(text: string, allow: readonly string[]): { start: number; end: number; entry: string }[] {
  const out: { start: number; end: number; entry: string }[] = [];
  for (const entry of allow) {
    let re = compiled.get(entry);
    if (!re) compiled.set(entry, (re = allowRegex(entry)));
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (!m[0].length) continue;
      out.push({ start: m.index, end: m.index + m[0].length, entry });
    }
  }
  return out;
}

/** Split findings into those reported and those an allow: entry covers. */
export function applyAllow(
  text: string,
  findings: Finding[],
  allow: readonly string[],
  configFile?: string,
): { findings: Finding[]; allowed: SuppressedFinding[] } {
  if (!allow.length || !findings.length) return { findings, allowed: [] };
  const spans = allowedSpans(text, allow);
  if (!spans.length) return { findings, allowed: [] };
  const kept: Finding[] = [];
  const allowed: SuppressedFinding[] = [];
  for (const f of findings) {
    // phi-lint's own findings (directives, front matter) are never allowed away
    const hit = f.ruleId.startsWith('phi-lint/') ? undefined : spans.find((s) => s.start <= f.start && f.end <= s.end);
    if (!hit) kept.push(f);
    else {
      const justification = `allow: ${hit.entry}${configFile ? ` (${configFile})` : ''}`;
      allowed.push({ ...f, suppressions: [{ kind: 'allow', justification }] });
    }
  }
  return { findings: kept, allowed };
}
