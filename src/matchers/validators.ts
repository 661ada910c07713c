// Named validators that reject look-alikes. A rule lists them by name in `validate:`; each
// takes the matched identifier text and says whether it is a real instance.
import { isIP } from 'node:net';

const digits = (s: string): string => s.replace(/\D/g, '');

export function luhn(num: string): boolean {
  const d = digits(num);
  if (d.length < 12 || d.length > 19) return false;
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let n = d.charCodeAt(i) - 48;
    if (dbl) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000; not all one digit. */
export function ssn(s: string): boolean {
  const d = digits(s);
  if (d.length !== 9) return false;
  const area = d.slice(0, 3);
  const group = d.slice(3, 5);
  const serial = d.slice(5);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  if (/^(\d)\1{8}$/.test(d)) return false;
  return true;
}

/** North American numbering plan: NXX-NXX-XXXX; area code not N11. 555 numbers are real phones in text. */
export function nanpPhone(s: string): boolean {
  let d = digits(s);
  if (d.length === 11 && d[0] === '1') d = d.slice(1);
  if (d.length !== 10) return false;
  const area = d.slice(0, 3);
  const exch = d.slice(3, 6);
  if (area[0] < '2' || exch[0] < '2') return false;
  if (area[1] === '1' && area[2] === '1') return false;
  if (/^(\d)\1{9}$/.test(d)) return false;
  return true;
}

/** International numbers: plausible length for E.164 (7–15 digits with a country code). */
export function intlPhone(s: string): boolean {
  const d = digits(s);
  return d.length >= 8 && d.length <= 15 && !/^(\d)\1+$/.test(d);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function validDay(y: number | undefined, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y !== undefined && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : y === undefined ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** A real calendar date in numeric (m/d/y, y-m-d, d.m.y) or written form. */
export function calendarDate(s: string): boolean {
  const t = s.trim();
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/))) return validDay(+m[1], +m[2], +m[3]);
  if ((m = t.match(/^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/))) {
    const a = +m[1];
    const b = +m[2];
    const y = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : undefined;
    return validDay(y, a, b) || validDay(y, b, a);
  }
  const words = t.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  const month = words.map((w) => MONTHS[w.slice(0, w === 'sept' ? 4 : 3)]).find((x) => x);
  const nums = words.filter((w) => /^\d+$/.test(w)).map(Number);
  if (month) {
    const day = nums.find((n) => n <= 31);
    const year = nums.find((n) => n > 31);
    return day === undefined || validDay(year, month, day);
  }
  return true;
}

export function ipv4(s: string): boolean {
  return isIP(s) === 4 && !/^0\.|^255\.255\.255\.255$/.test(s);
}

export function ipv6(s: string): boolean {
  return isIP(s.replace(/%.*$/, '')) === 6 && s.includes(':') && /[0-9a-f]/i.test(s.replace(/:/g, ''));
}

export function ip(s: string): boolean {
  return ipv4(s) || ipv6(s);
}

export function zip(s: string): boolean {
  const d = digits(s);
  if (d.length !== 5 && d.length !== 9) return false;
  return d.slice(0, 5) !== '00000' && !/^(\d)\1{4}$/.test(d.slice(0, 5));
}

/** National Provider Identifier: Luhn over "80840" + the 10 digits. */
export function npi(s: string): boolean {
  const d = digits(s);
  return d.length === 10 && luhn(`80840${d}`);
}

/** VIN: 17 characters without I, O, Q, with both letters and digits. */
export function vin(s: string): boolean {
  const t = s.toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(t) && /\d/.test(t) && /[A-Z]/.test(t);
}

export function ageOver89(s: string): boolean {
  const n = Number(digits(s));
  return n > 89 && n < 125;
}

/** Rejects a bare four-digit year (1900–2099): a year alone is not a Safe Harbor date. */
export function notYear(s: string): boolean {
  return !/^(?:19|20)\d\d$/.test(s.trim());
}

/** An identifier-looking code: has a digit, is not a plain short number, a year, a money amount or a time. */
export function idCode(s: string): boolean {
  const t = s.trim();
  if (!/\d/.test(t)) return false;
  if (/^(?:19|20)\d\d$/.test(t)) return false;
  if (/^\d{1,3}$/.test(t)) return false;
  return digits(t).length >= 4 || /[A-Z]/i.test(t);
}

/** Not an ordinary English word or all letters: at least one digit. */
export function hasDigit(s: string): boolean {
  return /\d/.test(s);
}

/** A licence plate: 5–8 letters/digits, mixed. */
export function plate(s: string): boolean {
  const t = s.replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,8}$/i.test(t) && /\d/.test(t) && /[A-Z]/i.test(t);
}

export const VALIDATORS: Record<string, (s: string) => boolean> = {
  luhn,
  ssn,
  'nanp-phone': nanpPhone,
  'intl-phone': intlPhone,
  'calendar-date': calendarDate,
  ipv4,
  ipv6,
  ip,
  zip,
  npi,
  vin,
  'age-over-89': ageOver89,
  'not-year': notYear,
  'id-code': idCode,
  'has-digit': hasDigit,
  plate,
};

export const VALIDATOR_NAMES = Object.keys(VALIDATORS);
