// The consent filter. A draft cites signed authorizations in its front matter
// (`consent: C-2025-014`, or a list). A finding whose category a valid cited consent covers
// becomes an info note; a consent that is unknown, expired, not yet signed or too narrow for
// what the draft discloses is an error (`phi-lint/consent`) that says which.
import { createRequire } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import type Picomatch from 'picomatch';
import type { Document, Span } from '../documents/document.js';
import { isMetaRule, metaFinding } from '../meta-rules.js';
import type { Finding } from '../types.js';
import { nearest } from '../yaml-source.js';
import type { ConsentEntry, ConsentLedger } from './ledger.js';

const COVERED = 'covered by consent ';

let pm: typeof Picomatch | undefined;
const picomatch = (): typeof Picomatch => (pm ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch);

export interface ConsentFilterOptions {
  ledger?: ConsentLedger;
  /** YYYY-MM-DD. */
  today: string;
  /** For messages: ledger paths are shown relative to this. */
  cwd: string;
  /** Warn when a cited consent expires within this many days (--consent-warn-days; the CLI's default is 30). */
  warnDays?: number;
}

/** The consent ids a draft cites (front matter `consent:` — a string or a list). */
export function citedConsents(frontMatter: Record<string, unknown>): string[] {
  const v = frontMatter.consent;
  if (v === undefined || v === null || v === '') return [];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x) => x !== null && x !== '').map((x) => String(x).trim());
}

/** Where `consent:` sits in the front matter, for pointing at it. */
function consentSpan(doc: Pick<Document, 'text' | 'frontMatterSpan'>): Span {
  const fm = doc.frontMatterSpan ?? { start: 0, end: 0 };
  const m = /^consent[ \t]*:[^\r\n]*/m.exec(doc.text.slice(fm.start, fm.end));
  if (m) return { start: fm.start + m.index, end: fm.start + m.index + m[0].length };
  return { start: fm.start, end: Math.min(fm.end, fm.start + 3) };
}

/** The ledger entries whose `drafts:` globs (relative to the ledger's folder) match this draft. */
export function consentsNaming(path: string | undefined, ledger: ConsentLedger | undefined): string[] {
  if (!path || !ledger || path === '<stdin>') return [];
  const rel = relative(dirname(resolve(ledger.file)), resolve(path))
    .split(sep)
    .join('/');
  if (rel.startsWith('../')) return [];
  const out: string[] = [];
  for (const e of ledger.entries.values()) {
    if (e.drafts?.length && picomatch()(e.drafts, { dot: true })(rel)) out.push(e.id);
  }
  return out;
}

export function applyConsent(
  doc: Pick<Document, 'text' | 'frontMatter' | 'frontMatterSpan' | 'lines'> & { path?: string },
  findings: Finding[],
  opts: ConsentFilterOptions,
): Finding[] {
  // cited in front matter, or named by the ledger's drafts: globs (a .txt caption cannot cite)
  const ids = [...new Set([...citedConsents(doc.frontMatter), ...consentsNaming(doc.path, opts.ledger)])];
  if (!ids.length) return applyStatedPermission(doc, findings);
  const at = consentSpan(doc);
  const problems: Finding[] = [];
  const problem = (message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push(metaFinding(doc, 'phi-lint/consent', severity, at, message));
  };
  const ledgerName = opts.ledger ? relative(opts.cwd, opts.ledger.file) || opts.ledger.file : 'consents.yaml';
  const valid: ConsentEntry[] = [];
  const invalid: { entry: ConsentEntry; why: string }[] = [];
  for (const id of ids) {
    if (id === 'true' || id === 'yes') {
      problem(
        `"consent: ${id}" names no consent; cite the id of a signed authorization in ${ledgerName} (e.g. consent: C-2025-014).`,
      );
      continue;
    }
    if (!opts.ledger) {
      problem(
        `The draft cites consent ${id}, but there is no consent ledger (consents.yaml beside .phi-lint.yaml, or the file the config's "consents:" names).`,
      );
      continue;
    }
    const entry = opts.ledger.entries.get(id);
    if (!entry) {
      const near = nearest(id, [...opts.ledger.entries.keys()]);
      problem(`Consent ${id} is not in the consent ledger ${ledgerName}${near ? ` (did you mean ${near}?)` : ''}.`);
    } else {
      const until = expiryOf(entry);
      if (until < opts.today) {
        problem(`Consent ${id} expired on ${until}; renew the authorization or take the draft down.`);
        invalid.push({ entry, why: `expired on ${until}` });
      } else if (entry.signed > opts.today) {
        const why = 'an authorization covers nothing before it is signed';
        problem(`Consent ${id} is dated ${entry.signed}, which is after today (${opts.today}); ${why}.`);
        invalid.push({ entry, why: `not signed until ${entry.signed}` });
      } else {
        valid.push(entry);
        const left = daysBetween(opts.today, until);
        if (opts.warnDays !== undefined && left <= opts.warnDays) {
          const when = left === 0 ? 'today' : `in ${left} day${left === 1 ? '' : 's'}`;
          const renew = 'renew the authorization or plan to take the draft down by then';
          problem(`Consent ${id} expires on ${until} (${when}); ${renew}.`, 'warning');
        }
      }
    }
  }
  const uncovered = new Set<string>();
  const out = findings.map((f) => {
    if (isMetaRule(f.ruleId)) return f;
    const cover = valid.find((c) => c.covers.includes(f.category));
    if (cover) {
      // a note, not a problem: no rewrite to suggest
      const { suggestion: _unused, ...rest } = f;
      return { ...rest, severity: 'info' as const, note: `${COVERED}${cover.id}, expires ${expiryOf(cover)}` };
    }
    const lapsed = invalid.find((c) => c.entry.covers.includes(f.category));
    if (lapsed) return { ...f, note: `consent ${lapsed.entry.id} would cover this, but it ${lapsed.why}` };
    if (valid.length) {
      uncovered.add(f.category);
      return {
        ...f,
        note: `not covered by consent ${valid.map((c) => c.id).join(', ')} (it covers ${[...new Set(valid.flatMap((c) => c.covers))].join(', ')})`,
      };
    }
    return f;
  });
  if (uncovered.size) {
    const names = valid.map((c) => c.id).join(', ');
    const covers = [...new Set(valid.flatMap((c) => c.covers))].join(', ');
    problem(
      `Consent ${names} covers ${covers} but not ${[...uncovered].join(', ')}, which this draft discloses; get a broader authorization or remove it.`,
    );
  }
  return [...problems, ...out].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  const t = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/**
 * "Shared with her written permission": the writer says the person authorized the post, but
 * no consent on file is cited. What a testimonial authorization covers (the person's name,
 * photo, words, care) becomes a note, and one warning asks for the authorization to be
 * recorded in the ledger and cited — a statement in the text proves nothing to an auditor.
 * Identifiers (phone, dates, addresses, numbers) stay findings: no testimonial needs them.
 */
const STATED_PERMISSION =
  /\b(?:with|has|have|had|gave\s+us|given|got)\s+(?:(?:his|her|their|the\s+(?:patient|family|parent)s?['\u2019]s?|[\p{Lu}][\p{Ll}]+['\u2019]s|full|signed|express|explicit|written|kind|their\s+written|a\s+signed)\s+){0,3}(?:written|signed)\s+(?:permission|consent|authori[sz]ation|release)\b|\b(?:shared|posted|published|used|featured)\s+with\s+(?:(?:his|her|their|[\p{Lu}][\p{Ll}]+['\u2019]s)\s+)?(?:permission|consent)\b/u;
const STATED_COVERS = new Set(['name', 'photo', 'unconsented-media', 'health-detail', 'patient-relationship']);
const STATED = `${COVERED}the draft states (written permission; none on file)`;

function applyStatedPermission(
  doc: Pick<Document, 'text' | 'frontMatter' | 'frontMatterSpan' | 'lines'>,
  findings: Finding[],
): Finding[] {
  if (!findings.some((f) => STATED_COVERS.has(f.category))) return findings;
  const m = STATED_PERMISSION.exec(doc.text);
  if (!m) return findings;
  const out = findings.map((f) => {
    if (isMetaRule(f.ruleId) || !STATED_COVERS.has(f.category) || f.severity === 'info') return f;
    const { suggestion: _unused, ...rest } = f;
    return { ...rest, severity: 'info' as const, note: STATED };
  });
  const at = { start: m.index, end: m.index + m[0].length };
  const warning = metaFinding(
    doc,
    'phi-lint/consent',
    'warning',
    at,
    "The draft says the person gave written permission, but cites no consent on file: record the signed authorization in the consent ledger (consents.yaml) and cite its id (front matter consent:, or the ledger entry's drafts:).",
  );
  return [warning, ...out].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}

/** The day a consent lapses. */
const expiryOf = (c: ConsentEntry): string => c.expires;

/** Findings a valid consent covers are notes, not problems: never fixed or counted. */
export function isCoveredByConsent(f: Finding): boolean {
  return f.severity === 'info' && !!f.note?.startsWith(COVERED);
}
