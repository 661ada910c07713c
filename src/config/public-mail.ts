// Public mail providers. A practice's own domain makes every address on it "the
// practice's own", never reported; on gmail.com that would be every patient's address. So a
// config may name a provider's address only in full (`emails: [frontdesk@gmail.com]`),
// never the whole domain (`domains: [gmail.com]`, `emails: ["@gmail.com"]`).

/** Providers anyone can get an address at (the domain, or a subdomain of it). */
const PROVIDERS = new Set([
  'gmail.com',
  'googlemail.com',
  'ymail.com',
  'rocketmail.com',
  'msn.com',
  'passport.com',
  'aim.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'mail.com',
  'email.com',
  'usa.com',
  'zoho.com',
  'zohomail.com',
  'ya.ru',
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'comcast.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'verizon.net',
  'cox.net',
  'charter.net',
  'spectrum.net',
  'earthlink.net',
  'optonline.net',
  'frontier.com',
  'frontiernet.net',
  'windstream.net',
  'centurylink.net',
  'q.com',
  'juno.com',
  'netzero.net',
  'netzero.com',
  'fastmail.com',
  'fastmail.fm',
  'hushmail.com',
  'tutanota.com',
  'tutanota.de',
  'tuta.io',
  'tuta.com',
  'mailfence.com',
  'posteo.de',
  'posteo.net',
  'runbox.com',
  'disroot.org',
  'riseup.net',
  'qq.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'naver.com',
  'hanmail.net',
  'daum.net',
  'rediffmail.com',
  'web.de',
  't-online.de',
  'freenet.de',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'libero.it',
  'virgilio.it',
  'btinternet.com',
  'sky.com',
  'talktalk.net',
  'ntlworld.com',
  'virginmedia.com',
  'shaw.ca',
  'rogers.com',
  'sympatico.ca',
  'bell.net',
  'telus.net',
  'bigpond.com',
  'optusnet.com.au',
  'xtra.co.nz',
  'lycos.com',
  'inbox.com',
  'excite.com',
  'rambler.ru',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'onet.pl',
  'duck.com',
  'skiff.com',
  'hey.com',
  'mailbox.org',
  'gmx.com',
  'gmx.net',
]);

/** Providers with a domain in many countries: `yahoo.com`, `yahoo.co.uk`, `hotmail.fr`… */
const PROVIDER_NAMES = ['yahoo', 'hotmail', 'outlook', 'live', 'windowslive', 'aol', 'gmx', 'yandex', 'btopenworld'];
const COUNTRY_SUFFIX = /^(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2}|net\.[a-z]{2}|ne\.jp|or\.jp)$/;

/** A domain as written in a config (`https://www.Gmail.com/`) → `gmail.com`. */
export function normalizeDomain(entry: string): string {
  return entry
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
}

/** Is this (normalized) domain a public mail provider's, or a subdomain of one? */
export function isPublicMailDomain(domain: string): boolean {
  const d = normalizeDomain(domain);
  const labels = d.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const tail = labels.slice(i).join('.');
    if (PROVIDERS.has(tail)) return true;
    const rest = labels.slice(i + 1).join('.');
    if (PROVIDER_NAMES.includes(labels[i]!) && COUNTRY_SUFFIX.test(rest)) return true;
  }
  return false;
}

/**
 * The domain an `emails:` entry claims as a whole: `@gmail.com`, `*@gmail.com` or a bare
 * `gmail.com`. Undefined for a full address (`frontdesk@gmail.com`), which claims only itself.
 */
export function wholeDomainOf(entry: string): string | undefined {
  const e = entry.trim();
  const at = e.lastIndexOf('@');
  if (at < 0) return e;
  const local = e.slice(0, at);
  return local === '' || /^\*+$/.test(local) ? e.slice(at + 1) : undefined;
}
