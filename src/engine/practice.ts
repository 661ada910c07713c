// The practice's own public details are never findings. Profile entries match in any
// common written form: phones by their digits, names with or without titles and
// credentials, addresses by their words.
import { isPublicMailDomain } from '../config/public-mail.js';
import type { Category, PracticeProfile } from '../types.js';

const HONORIFICS = new Set([
  'dr',
  'doctor',
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'nurse',
  'prof',
  'rdh',
  'dds',
  'dmd',
  'md',
  'do',
  'np',
  'pa',
  'pa-c',
  'rn',
  'lpn',
  'fnp',
  'phd',
  'jr',
  'sr',
]);
const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
const nameWords = (s: string): string[] =>
  words(s)
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => !HONORIFICS.has(w.replace(/\.$/, '')));
const ADDRESS_ABBREV: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  suite: 'ste',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  highway: 'hwy',
  parkway: 'pkwy',
};
const addrWords = (s: string): string[] => words(s).map((w) => ADDRESS_ABBREV[w] ?? w);

export class PracticeFilter {
  private phones: Set<string>;
  private emails: Set<string>;
  private domains: string[];
  private handles: Set<string>;
  private nameSet: Set<string>;
  private orgWords: Set<string>;
  private addrSet: Set<string>;
  private staffNames: string[][];
  private mention?: RegExp;

  constructor(readonly profile: PracticeProfile) {
    const lastTen = (p: string): string => p.replace(/\D/g, '').slice(-10);
    this.phones = new Set(profile.phones.map(lastTen).filter((d) => d.length >= 7));
    this.emails = new Set(profile.emails.map((e) => e.toLowerCase()));
    this.domains = profile.domains.map((d) =>
      d
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/.*$/, ''),
    );
    // An address's domain counts as the practice's too, unless anyone can have an address there (gmail.com).
    for (const e of this.emails) {
      const domain = e.includes('@') ? e.split('@').pop()! : '';
      if (domain && !isPublicMailDomain(domain)) this.domains.push(domain);
    }
    this.handles = new Set(profile.handles.map((h) => h.toLowerCase().replace(/^@/, '')));
    this.staffNames = profile.staff.map((s) => nameWords(s.split(',')[0]));
    this.nameSet = new Set(this.staffNames.flat());
    this.orgWords = new Set([profile.name ?? '', ...profile.aliases].flatMap(words));
    this.addrSet = new Set(profile.addresses.flatMap(addrWords));
    // Capitalised staff names (given or family) and the practice's name words, as written.
    const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
    const nameTokens = [
      ...new Set(
        this.staffNames
          .flat()
          .filter((w) => w.length > 1)
          .map(cap),
      ),
    ];
    const orgNames = [profile.name ?? '', ...profile.aliases].filter((n) => n.trim().length > 2);
    const alts = [...nameTokens, ...orgNames].map((w) =>
      w
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    );
    if (alts.length) this.mention = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  }

  /** Does the text mention the practice by name or one of its staff (capitalised, as a name is written)? */
  mentioned(text: string): boolean {
    return !!this.mention && this.mention.test(text);
  }

  /**
   * True when the finding's text is one of the practice's own public details.
   * `namedInFull`: a staff member counts only when named in full or with a title ("Anna
   * Reyes", "Dr. Reyes", not "Anna"): a reply greeting "Anna" greets the reviewer, who may
   * share a first name with someone on staff.
   */
  isOwn(category: Category, text: string, opts: { namedInFull?: boolean } = {}): boolean {
    const t = text.trim();
    switch (category) {
      case 'phone':
      case 'fax': {
        const d = t.replace(/\D/g, '').slice(-10);
        return this.phones.has(d);
      }
      case 'email':
        return this.emails.has(t.toLowerCase()) || this.domains.some((d) => t.toLowerCase().endsWith(`@${d}`));
      case 'url': {
        const host = t
          .toLowerCase()
          .replace(/^[a-z]+:\/\//, '')
          .replace(/^www\./, '')
          .split(/[/?#:]/)[0];
        if (this.domains.some((d) => host === d || host.endsWith(`.${d}`))) return true;
        const path = t.toLowerCase().replace(/\/+$/, '').split('/').pop() ?? '';
        return this.handles.has(path.replace(/^@/, ''));
      }
      case 'handle':
        return this.handles.has(t.toLowerCase().replace(/^@/, ''));
      case 'name': {
        const w = nameWords(t);
        if (!w.length) return false;
        if (w.every((x) => this.orgWords.has(x))) return true;
        // one word of the practice's own address: its street or city ("South Lamar parking",
        // "Charlotte's heat index"), except where the draft may be greeting a reviewer
        if (!opts.namedInFull && w.length === 1 && this.addrSet.has(w[0])) return true;
        // staff: every word belongs to one staff member's name ("Dr. Reyes", "Anna Reyes", "Anna")
        if (opts.namedInFull && w.length < 2 && nameWords(t).length === words(t).length) return false;
        return this.staffNames.some((s) => w.every((x) => s.includes(x)));
      }
      case 'geo': {
        const w = addrWords(t);
        return w.length > 0 && w.every((x) => this.addrSet.has(x) || this.orgWords.has(x));
      }
      default:
        return false;
    }
  }

  /** Is this text (a capitalised word run) the practice's or a staff member's name? */
  isOwnName(text: string): boolean {
    return this.isOwn('name', text);
  }
}
