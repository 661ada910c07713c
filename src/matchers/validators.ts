// Named validators that reject look-alikes. A rule lists them by name in `validate:`; each
// takes the matched identifier text and says whether it is a real instance.
import { isIP } from 'node:net';
import { isOrdinaryWord, nameLikeWords } from '../lexicon/common-words.js';
import { cryptoAddress, iban } from './validators-finance.js';

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
const EXTENSION = /\s*(?:x|ext\.?|extension)\s*\d{1,5}$/i;

export function nanpPhone(s: string): boolean {
  let d = digits(s.replace(EXTENSION, ''));
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
  const d = digits(s.replace(EXTENSION, ''));
  return d.length >= 8 && d.length <= 15 && !/^(\d)\1+$/.test(d);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function validDay(y: number | undefined, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y !== undefined && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : y === undefined ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
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
    // Without a year only the US month/day order counts: "24/7" is not a date.
    return validDay(y, a, b) || (y !== undefined && validDay(y, b, a));
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

/** VIN: 17 characters without I, O, Q, with letters and digits, ending in a four-digit serial. */
export function vin(s: string): boolean {
  const t = s.toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(t) && /[A-Z]/.test(t) && /\d{4}$/.test(t);
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
  // ordinals, times, quantities: 2nd, 3pm, 10mg, 20s
  if (/^\d{1,3}(?:st|nd|rd|th|am|pm|s|x|k|mg|ml|mm|cm|kg|lb|lbs|oz|yo|hr|hrs|min)$/i.test(t)) return false;
  return digits(t).length >= 4 || /[A-Z]/i.test(t);
}

/** Not an ordinary English word or all letters: at least one digit. */
export function hasDigit(s: string): boolean {
  return /\d/.test(s);
}

/** A licence plate: 4–10 letters and digits (a state prefix may be included), at least one digit. */
export function plate(s: string): boolean {
  const t = s.replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,10}$/i.test(t) && /\d/.test(t) && !/^(\d)\1+$/.test(t);
}

/**
 * Medicare Beneficiary Identifier (CMS format): 11 characters, C A AN N A AN N A A N N, where
 * letters exclude S, L, O, I, B and Z. Dashes between the groups of 4-3-4 are optional.
 */
export function mbi(s: string): boolean {
  const t = s.toUpperCase().replace(/-/g, '');
  const L = '[AC-HJKMNP-RT-Y]';
  const AN = `(?:${L}|\\d)`;
  return new RegExp(`^[1-9]${L}${AN}\\d${L}${AN}\\d${L}${L}\\d\\d$`).test(t);
}

/** Individual Taxpayer Identification Number: 9XX-GG-SSSS with GG in the IRS ranges 50–65, 70–88, 90–92, 94–99. */
export function itin(s: string): boolean {
  const d = digits(s);
  if (d.length !== 9 || d[0] !== '9') return false;
  const g = Number(d.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** A MAC address: six octets (or Cisco dotted form), not all zeros and not the broadcast address. */
export function mac(s: string): boolean {
  const hex = s.replace(/[:.-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex)) return false;
  if (!/^(?:[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$/i.test(s))
    return false;
  return hex !== '000000000000' && hex !== 'ffffffffffff';
}

/** A phone number written in any national format: 7–15 digits, not one repeated digit. */
export function phoneDigits(s: string): boolean {
  const d = digits(s.replace(EXTENSION, ''));
  return d.length >= 7 && d.length <= 15 && !/^(\d)\1+$/.test(d);
}

/** Issuer prefixes and lengths of payment cards (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro, UATP). */
const CARD_BRANDS: [RegExp, number[]][] = [
  [/^4/, [13, 16, 19]],
  [/^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, [16]],
  [/^3[47]/, [15]],
  [/^3(?:0[0-5]|[68])/, [14, 16, 19]],
  [/^35/, [16, 17, 18, 19]],
  [/^6(?:011|5|4[4-9]|2)/, [16, 17, 18, 19]],
  [/^(?:5[06-8]|6\d)/, [12, 13, 14, 15, 16, 17, 18, 19]],
  [/^1/, [15]],
];

/** A payment card number: a known issuer prefix and length, and the Luhn check. */
export function card(s: string): boolean {
  const d = digits(s);
  if (!luhn(d) || /^(\d)\1+$/.test(d)) return false;
  return CARD_BRANDS.some(([re, lens]) => re.test(d) && lens.includes(d.length));
}

const CC_TLDS = new Set(
  (
    'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz ' +
    'de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ' +
    'ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz ' +
    'om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ' +
    'ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'
  ).split(' '),
);
const G_TLDS = new Set(
  (
    'com org net edu gov mil int info biz name pro aero coop museum mobi app dev blog page site online store shop tech ai xyz club live news today world art design ' +
    'photo photos photography media space website email family fitness studio agency link bio social health care life fund gallery team group global network ' +
    'community events events church love wedding baby kids dental doctor clinic care health hospital fit run cafe co ' +
    // reserved for examples (RFC 2606): in a template or a test draft it stands for a real address
    'example'
  ).split(' '),
);

/** A web address whose host ends in a real top-level domain (not "www.google.con", not an IP literal). */
export function webHost(s: string): boolean {
  const host = s
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#:]/)[0]
    .replace(/\.$/, '');
  if (isIP(host)) return false;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => !l)) return false;
  const tld = labels[labels.length - 1];
  return tld.startsWith('xn--') || CC_TLDS.has(tld) || G_TLDS.has(tld);
}

/**
 * Not an organisation's public page: a .org/.gov/.edu/.mil/.int site's home page or a page
 * whose path is ordinary words ("https://glaucoma.org/", "aao.org/eye-health"). A person's
 * page on such a site has a name or an id in its path ("caringbridge.org/visit/janedoe").
 */
export function notPublicPage(url: string): boolean {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/?#:]+)(?::\d+)?([^?#]*)([?#].*)?$/i.exec(url.trim());
  if (!m) return true;
  const host = m[1].toLowerCase();
  if (!/\.(?:org|gov|edu|mil|int)$/.test(host)) return true;
  if (m[3] && m[3].length > 1) return true;
  const words = m[2]
    .toLowerCase()
    .split(/[/_.-]+/)
    .filter(Boolean)
    .filter((w) => !/^(?:html?|php|aspx?)$/.test(w));
  return !words.every((w) => /^[a-z]+$/.test(w) && (w.length <= 3 || isOrdinaryWord(w)));
}

/** The first word of a text in small letters, without a possessive 's. */
function firstWordLower(s: string): string {
  const w = (/^\p{L}+(?:['\u2019]\p{L}+)?/u.exec(s.trim())?.[0] ?? '').toLowerCase().replace('\u2019', "'");
  return w.endsWith("'s") ? w.slice(0, -2) : w;
}

export const VALIDATORS: Record<string, (s: string) => boolean> = {
  'not-public-page': notPublicPage,
  /** Not an ordinary English word ("Oof", "Soft", "Crow's"): a capitalised word that may be a name. */
  'not-common-word': (s) => !isOrdinaryWord(s),
  /** Not a word at all, not even one that is also a name ("cherry", "will"): a name in small letters. */
  'not-any-word': (s) => !isOrdinaryWord(s) && !nameLikeWords().has(firstWordLower(s)),
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
  card,
  'web-host': webHost,
  mbi,
  itin,
  iban,
  'crypto-address': cryptoAddress,
  mac,
  'phone-digits': phoneDigits,
};

export const VALIDATOR_NAMES = Object.keys(VALIDATORS);
