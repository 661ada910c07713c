// The directives filter: findings a directive covers move to `suppressed` (with the
// directive's reason as the justification); broken directives and, when asked, directives
// that suppress nothing become findings themselves.
import type { Document } from '../documents/document.js';
import { isMetaRule, metaFinding } from '../meta-rules.js';
import type { DirectiveUse, Finding, SeverityOrOff, SuppressedFinding } from '../types.js';
import { nearest } from '../yaml-source.js';
import { DIRECTIVE_KINDS, type Directive, type DirectiveSyntaxError } from './parse.js';

export interface DirectiveFilterOptions {
  requireReason: boolean;
  reportUnused: SeverityOrOff;
  /** Every rule id and category a selector may name. */
  ruleIds: ReadonlySet<string>;
  categories: ReadonlySet<string>;
}

export interface DirectiveFilterResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Each directive that suppressed something, with how much (for the run's summary). */
  uses: DirectiveUse[];
}

const ALL = '*';

/** Does a selector (rule id, category or ALL) cover this finding? */
const covers = (selector: string, f: Finding): boolean =>
  selector === ALL || selector === f.ruleId || selector === f.category;

export function applyDirectives(
  doc: Pick<Document, 'lines'>,
  findings: Finding[],
  parsed: { directives: Directive[]; errors: DirectiveSyntaxError[] },
  opts: DirectiveFilterOptions,
): DirectiveFilterResult {
  const problems: Finding[] = [];
  const { directives } = parsed;
  for (const e of parsed.errors) {
    const near = nearest(e.keyword, DIRECTIVE_KINDS);
    problems.push(
      metaFinding(
        doc,
        'phi-lint/directive-invalid',
        'error',
        e,
        `Unknown directive "phi-lint-${e.keyword}"${near ? ` (did you mean "phi-lint-${near}"?)` : ` (directives: ${DIRECTIVE_KINDS.map((k) => `phi-lint-${k}`).join(', ')})`}.`,
      ),
    );
  }
  // Selectors each directive actually applies with (unknown ones are reported and dropped).
  const valid = new Map<Directive, string[]>();
  for (const d of directives) {
    const ok: string[] = [];
    for (const s of d.selectors) {
      if (opts.ruleIds.has(s) || opts.categories.has(s)) ok.push(s);
      else {
        const near = nearest(s, [...opts.ruleIds, ...opts.categories]);
        problems.push(
          metaFinding(
            doc,
            'phi-lint/directive-invalid',
            'error',
            d,
            `"${d.text}" names "${s}", which is neither a rule id nor a category${near ? ` (did you mean "${near}"?)` : ''}.`,
          ),
        );
      }
    }
    valid.set(d, d.selectors.length ? ok : [ALL]);
    if (opts.requireReason && d.kind !== 'enable' && !d.reason) {
      problems.push(
        metaFinding(
          doc,
          'phi-lint/directive-without-reason',
          'error',
          d,
          `"${d.text}" gives no reason; add one after " -- " (who approved it, or why this is not PHI).`,
        ),
      );
    }
  }

  const used = new Map<Directive, Set<string>>();
  const credit = (d: Directive, selector: string): void => {
    const s = used.get(d) ?? new Set<string>();
    s.add(selector);
    used.set(d, s);
  };
  const ranges = directives
    .filter((d) => d.kind === 'disable' || d.kind === 'enable')
    .sort((a, b) => a.start - b.start);
  const lineDirectives = directives.filter((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line');

  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const counts = new Map<Directive, number>();
  for (const f of findings) {
    const by = isMetaRule(f.ruleId) ? undefined : suppressor(f, ranges, lineDirectives, valid);
    if (!by) {
      kept.push(f);
      continue;
    }
    credit(by.directive, by.selector);
    counts.set(by.directive, (counts.get(by.directive) ?? 0) + 1);
    suppressed.push({ ...f, suppressions: [{ kind: 'directive', justification: by.directive.reason ?? '' }] });
  }
  const uses = directives.filter((d) => counts.has(d)).map((d) => directiveUse(d, valid.get(d)!, counts.get(d)!));

  if (opts.reportUnused !== 'off') {
    for (const d of directives) {
      if (d.kind === 'enable') continue;
      const sel = valid.get(d)!;
      if (!sel.length) continue; // every selector was invalid: already reported
      const got = used.get(d) ?? new Set<string>();
      const idle = sel.filter((s) => !got.has(s));
      if (!idle.length) continue;
      const partial = idle.length < sel.length;
      const message = partial
        ? `"${d.text}" suppresses nothing for ${idle.join(', ')}; remove ${idle.length === 1 ? 'that name' : 'those names'}.`
        : `"${d.text}" suppresses nothing; remove it.`;
      problems.push(metaFinding(doc, 'phi-lint/unused-directive', opts.reportUnused, d, message));
    }
  }
  const all = [...kept, ...problems].sort(
    (a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId),
  );
  return { findings: all, suppressed, uses };
}

function directiveUse(d: Directive, selectors: string[], suppressed: number): DirectiveUse {
  return { line: d.line, kind: d.kind, rules: selectors.filter((s) => s !== ALL), suppressed };
}

/**
 * With --no-inline-config: every directive is ignored, and said to be (a notice per
 * directive in the run's summary). Only rule ids and categories it names are kept.
 */
export function ignoredDirectives(
  directives: Directive[],
  known: { ruleIds: ReadonlySet<string>; categories: ReadonlySet<string> },
): DirectiveUse[] {
  return directives.map((d) => ({
    ...directiveUse(
      d,
      d.selectors.filter((s) => known.ruleIds.has(s) || known.categories.has(s)),
      0,
    ),
    ignored: true,
  }));
}

function suppressor(
  f: Finding,
  ranges: Directive[],
  lineDirectives: Directive[],
  valid: Map<Directive, string[]>,
): { directive: Directive; selector: string } | undefined {
  for (const d of lineDirectives) {
    const hit = d.kind === 'disable-line' ? f.line >= d.line && f.line <= d.endLine : f.line === d.endLine + 1;
    if (!hit) continue;
    const s = valid.get(d)!.find((x) => covers(x, f));
    if (s) return { directive: d, selector: s };
  }
  // Replay disable/enable ranges up to the finding.
  let all: Directive | undefined;
  const except = new Set<string>(); // re-enabled while everything is disabled
  const on = new Map<string, Directive>();
  for (const d of ranges) {
    if (d.end > f.start) break;
    const sel = valid.get(d)!;
    if (!sel.length) continue;
    if (d.kind === 'disable') {
      for (const s of sel) {
        if (s === ALL) {
          all = d;
          except.clear();
          on.clear();
        } else {
          on.set(s, d);
          except.delete(s);
        }
      }
    } else {
      for (const s of sel) {
        if (s === ALL) {
          all = undefined;
          on.clear();
          except.clear();
        } else {
          on.delete(s);
          if (all) except.add(s);
        }
      }
    }
  }
  for (const key of [f.ruleId, f.category]) {
    const d = on.get(key);
    if (d) return { directive: d, selector: key };
  }
  if (all && !except.has(f.ruleId) && !except.has(f.category)) return { directive: all, selector: ALL };
  return undefined;
}
