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
    if (!isCalendarDate(forced))
      throw new PhiLintError(`PHI_LINT_TODAY is "${forced}", which is not a date (YYYY-MM-DD)`);
    return forced;
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A length of time written `2y`, `18m`, `90d` or combined (`1y6m`): how long a consent may run. */
export interface Period {
  years: number;
  months: number;
  days: number;
}

/** The longest a consent may run unless the config's `consent: max-validity` says otherwise. */
export const DEFAULT_MAX_VALIDITY = '2y';

export const PERIOD_PATTERN = '^(?=\\d)(\\d+y)?(\\d+m)?(\\d+d)?$';

/** Parse `2y`, `18m`, `1y6m`, `90d` (see PERIOD_PATTERN; the config schema checks the form first). */
export function periodOf(text: string): Period {
  const m = new RegExp(PERIOD_PATTERN).exec(text.trim());
  if (!m) throw new PhiLintError(`"${text}" is not a length of time (write e.g. 2y, 18m, 1y6m or 90d)`);
  const n = (s: string | undefined): number => (s ? Number.parseInt(s, 10) : 0);
  return { years: n(m[1]), months: n(m[2]), days: n(m[3]) };
}

/** `2 years`, `1 year 6 months`, `90 days`. */
export function describePeriod(p: Period): string {
  const part = (n: number, unit: string): string[] => (n ? [`${n} ${unit}${n === 1 ? '' : 's'}`] : []);
  return [...part(p.years, 'year'), ...part(p.months, 'month'), ...part(p.days, 'day')].join(' ') || '0 days';
}

/** The calendar date a period after `date` (YYYY-MM-DD); a day past the month's end clamps (Feb 29 + 1y = Feb 28). */
export function addPeriod(date: string, p: Period): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (mo - 1) + p.years * 12 + p.months;
  const ny = Math.floor(months / 12);
  const nm = months % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const dt = new Date(Date.UTC(ny, nm, Math.min(d, last)) + p.days * 86_400_000);
  if (dt.getUTCFullYear() > 9999) return '9999-12-31';
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}
