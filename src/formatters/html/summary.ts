// The numbers at the top of the HTML report. Counted the way the JSON output counts, so the
// two always agree: a draft is blocked when it has an error (or could not be read), needs
// review when it has only warnings or info notes, and is clean when it has no finding.
import { CATEGORIES, SAFE_HARBOR, type Category, type FileResult, type Severity } from '../../types.js';

export type DraftStatus = 'blocked' | 'review' | 'clean' | 'skipped';

export type SeverityCounts = Record<Severity, number>;

export interface SafeHarborRow {
  letter: string;
  number: number;
  title: string;
  /** The categories that count towards this identifier (handles count as names). */
  categories: Category[];
  count: number;
}

export interface ReportSummary {
  checked: number;
  blocked: number;
  review: number;
  clean: number;
  skipped: number;
  findings: SeverityCounts;
  /** Every category with at least one finding, in the order of CATEGORIES. */
  byCategory: { category: Category; counts: SeverityCounts; total: number }[];
  /** Rules by how often they fired, most first (ties by id). */
  byRule: { ruleId: string; count: number }[];
  /** All 18 Safe Harbor identifiers, A to R, with zero counts included. */
  bySafeHarbor: SafeHarborRow[];
}

export function draftStatus(r: FileResult): DraftStatus {
  if (r.fatal || r.findings.some((f) => f.severity === 'error')) return 'blocked';
  if (r.skipped) return 'skipped';
  return r.findings.length ? 'review' : 'clean';
}

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

export function summarize(results: FileResult[]): ReportSummary {
  const status: Record<DraftStatus, number> = { blocked: 0, review: 0, clean: 0, skipped: 0 };
  const findings = zero();
  const perCategory = new Map<Category, SeverityCounts>();
  const perRule = new Map<string, number>();
  for (const r of results) {
    status[draftStatus(r)]++;
    for (const f of r.findings) {
      findings[f.severity]++;
      perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
      let c = perCategory.get(f.category);
      if (!c) perCategory.set(f.category, (c = zero()));
      c[f.severity]++;
    }
  }
  const byCategory = CATEGORIES.filter((c) => perCategory.has(c)).map((category) => {
    const counts = perCategory.get(category)!;
    return { category, counts, total: counts.error + counts.warning + counts.info };
  });
  const rows = new Map<string, SafeHarborRow>();
  for (const [category, id] of Object.entries(SAFE_HARBOR)) {
    let row = rows.get(id.letter);
    // The first category listed for a letter carries its general title ("Names", not "handles").
    if (!row)
      rows.set(id.letter, (row = { letter: id.letter, number: id.number, title: id.title, categories: [], count: 0 }));
    row.categories.push(category as Category);
    const c = perCategory.get(category as Category);
    if (c) row.count += c.error + c.warning + c.info;
  }
  return {
    checked: results.length,
    ...status,
    findings,
    byCategory,
    byRule: [...perRule]
      .map(([ruleId, count]) => ({ ruleId, count }))
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    bySafeHarbor: [...rows.values()].sort((a, b) => a.number - b.number),
  };
}
