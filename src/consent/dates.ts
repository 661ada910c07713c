import { PhiLintError } from '../errors.js';

// Calendar dates as YYYY-MM-DD strings: they compare correctly as strings, and "today" is
// the local date (a consent that expires on 2026-03-01 is valid all that day).

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Today's local date, or `PHI_LINT_TODAY` (YYYY-MM-DD) when set: for tests and "as of" audits. */
export function today(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const forced = env.PHI_LINT_TODAY;
  if (forced) {
    if (!isCalendarDate(forced)) throw new PhiLintError(`PHI_LINT_TODAY is "${forced}", which is not a date (YYYY-MM-DD)`);
    return forced;
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
