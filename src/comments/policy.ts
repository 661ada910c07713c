// The severity policy for drafts of kind `comment`: somebody else's words on the practice's
// page. A finding there is not the writer's mistake to fix but something the practice should
// hide and answer privately, so comments have their own severities (config `comments:
// severity:`, by rule id or category) and every finding carries that recommendation.
import { isMetaRule } from '../meta-rules.js';
import type { Category, Finding, SeverityOrOff } from '../types.js';

/** What every finding on a comment recommends. */
export const HIDE_AND_REPLY =
  'Hide or remove this comment where the platform allows it, and answer the person privately (a call or a direct ' +
  'message); never repeat what the comment says in a public reply.';

/**
 * Defaults: a health detail, a case story or an identifier that reaches a person's records,
 * accounts or devices is an error (hide the comment); names, places, dates, links and "I'm a
 * patient" are warnings (leave it, answer privately); tone is for the practice's own replies.
 */
export const DEFAULT_COMMENT_SEVERITY: Record<Category, SeverityOrOff> = {
  'health-detail': 'error',
  'case-narrative': 'error',
  ssn: 'error',
  mrn: 'error',
  'health-plan': 'error',
  account: 'error',
  license: 'error',
  vehicle: 'error',
  device: 'error',
  biometric: 'error',
  'other-id': 'error',
  phone: 'error',
  fax: 'error',
  email: 'error',
  ip: 'error',
  name: 'warning',
  handle: 'warning',
  geo: 'warning',
  date: 'warning',
  url: 'warning',
  photo: 'warning',
  'patient-relationship': 'warning',
  'defensive-disclosure': 'warning',
  // the post pack's testimonial and photo rules speak of the practice publishing someone's words
  'unconsented-media': 'off',
  tone: 'off',
};

const ownRules = new WeakMap<readonly { id: string; appliesTo: string }[], ReadonlySet<string>>();

/** The ids of the rules written for comments only (applies-to: comment), once per rule list. */
export function commentRules(rules: readonly { id: string; appliesTo: string }[]): ReadonlySet<string> {
  let hit = ownRules.get(rules);
  if (!hit) ownRules.set(rules, (hit = new Set(rules.filter((r) => r.appliesTo === 'comment').map((r) => r.id))));
  return hit;
}

/**
 * The findings of a comment under the policy: severities by rule id, else category (config `comments: severity:`),
 * else, for a rule written for comments (`own`), its own severity (which `rules:` may set), else the defaults.
 */
export function applyCommentPolicy(
  findings: Finding[],
  policy: Readonly<Record<string, SeverityOrOff>>,
  own: ReadonlySet<string> = new Set(),
): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (isMetaRule(f.ruleId)) {
      out.push(f);
      continue;
    }
    const fallback = own.has(f.ruleId) ? f.severity : (DEFAULT_COMMENT_SEVERITY[f.category] ?? 'warning');
    const severity = policy[f.ruleId] ?? policy[f.category] ?? fallback;
    if (severity === 'off') continue;
    out.push({ ...f, severity, suggestion: HIDE_AND_REPLY });
  }
  return out;
}

export type CommentAction = 'hide' | 'reply-privately' | 'ok';

/** hide: an error (PHI a stranger should not read); reply-privately: warnings only; ok: nothing (or info). */
export function actionOf(findings: readonly Finding[]): CommentAction {
  if (findings.some((f) => f.severity === 'error')) return 'hide';
  if (findings.some((f) => f.severity === 'warning')) return 'reply-privately';
  return 'ok';
}
