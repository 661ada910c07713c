// The named validators that identifier rules use to reject look-alikes. Each one is checked
// on real-shaped values (public test numbers, documentation addresses) and on near misses.
import { describe, expect, it } from 'vitest';
import { VALIDATORS } from '../src/matchers/validators.js';

const ok = (name: string, values: string[]): void => {
  for (const v of values) expect(VALIDATORS[name](v), `${name} should accept ${v}`).toBe(true);
};
const no = (name: string, values: string[]): void => {
  for (const v of values) expect(VALIDATORS[name](v), `${name} should reject ${v}`).toBe(false);
};

describe('validators', () => {
  it('not-common-word and not-any-word: a name, not an English word (not-any-word: not even one that is also a name)', () => {
    const notCommon = VALIDATORS['not-common-word'];
    const notAny = VALIDATORS['not-any-word'];
    expect(['Silvana', 'caleb', 'Oyelaran'].every(notCommon)).toBe(true);
    expect(['soft', 'Society', 'noted'].some(notCommon)).toBe(false);
    expect(['silvana', 'caleb', "roberto's"].every(notAny)).toBe(true);
    // words that are also names pass not-common-word but not not-any-word
    expect(['cherry', 'will', 'grace'].map(notCommon)).toEqual([true, true, true]);
    expect(['cherry', 'will', 'grace', 'soft'].some(notAny)).toBe(false);
  });
  it('card: issuer prefix, length and Luhn', () => {
    ok('card', [
      '4111111111111111',
      '4012-8888-8888-1881',
      '371449635398431',
      '5555 5555 5555 4444',
      '6011000990139424',
      '30569309025904',
      '122000000000003',
    ]);
    no('card', ['4012-8888-8888-1882', '1748503543012', '36168002586008', '0000000000000000', '4111111111111']);
  });
  it('mbi: the Medicare beneficiary identifier format', () => {
    ok('mbi', ['1EG4-TE5-MK73', '1eg4te5mk73', '9XX9-XX9-XX99']);
    no('mbi', ['1SG4-TE5-MK73', '1EG4-LE5-MK73', 'AEG4-TE5-MK73', '12G4-TE5-MK73', '1EG4TE5MK734']);
  });
  it('itin: 9XX with an IRS group', () => {
    ok('itin', ['911-70-1234', '900-50-0001', '999-99-9999']);
    no('itin', ['911-89-1234', '911-93-1234', '123-70-1234', '91170123']);
  });
  it('iban: country length and mod-97', () => {
    ok('iban', ['GB29 NWBK 6016 1331 9268 19', 'DE89370400440532013000', 'gb29nwbk60161331926819']);
    no('iban', [
      'DE89 3704 0044 0532 0130 01',
      'AT61 1904 A002 3457 3201',
      'XX00123412341234',
      'GB29NWBK6016133192681',
    ]);
  });
  it('crypto-address: Base58Check and Bech32 checksums', () => {
    ok('crypto-address', ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']);
    no('crypto-address', [
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz',
      '2LgqButDNV2rVHe9DATt6WqD8tKZEKvaK2',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx',
    ]);
  });
  it('mac: six octets with one separator, or the dotted form; not zero or broadcast', () => {
    ok('mac', ['00:1A:2B:3C:4D:5E', '00-1a-2b-3c-4d-5e', '0012.3456.789A']);
    no('mac', ['00:00:00:00:00:00', 'FF:FF:FF:FF:FF:FF', '10:2F:33-AC-29-C3', '00:1A:2B:3C:4D']);
  });
  it('phone validators: numbering plan, extensions, foreign lengths', () => {
    ok('nanp-phone', ['(404) 555-0187', '+1 404 555 0187', '312-515-2239 ext. 12', '(523)222-8888EXT623']);
    no('nanp-phone', ['(123) 456-7890', '404-155-0187', '911-555-0187', '2222222222']);
    ok('phone-digits', ['0487 98 11 92', '9472 7916', '(123) 456-7890 x53']);
    no('phone-digits', ['12 34', '1111111', '1234 5678 9012 3456']);
  });
  it('web-host: a real top-level domain, not an IP literal', () => {
    ok('web-host', [
      'https://gofundme.com/f/x',
      'linktr.ee/someone',
      'http://www.Example.com.pt/',
      'www.xn--80ak6aa92e.com',
      // the reserved example TLD stands for a real address in templates and test drafts
      'https://jamiesees.example/my-journey',
    ]);
    no('web-host', ['www.google.con', 'www.microsoft', 'http://192.168.0.1/admin', 'file.notatld']);
  });
  it('calendar-date: real days; without a year only month/day order', () => {
    ok('calendar-date', ['3/14', '2/29', '12/25/1980', '25/12/1980', '2024-02-29', 'June 13th', '22-nov-1972']);
    no('calendar-date', ['24/7', '13/1', '2/30/2023', '2023-02-29', 'June 31']);
  });
  it('id-code: an identifier, not an ordinal, a quantity or a year', () => {
    ok('id-code', ['SP-884120', '20931-P', 'A203493', '4471']);
    no('id-code', ['2nd', '21st', '3pm', '10mg', '2024', '12', 'night']);
  });
  it('plate and vin', () => {
    ok('plate', ['PCH-8812', 'BR 55190', 'CLM4471']);
    no('plate', ['ABCD', '1111', 'A1']);
    ok('vin', ['1HGBH41JXMN109186', 'WVWZZZ3CZHE051389']);
    no('vin', ['ABCDEFGHJKLMNPRST', '1HGBH41JXMN10918I', '12345678901234567']);
  });
});

describe('not-public-page', () => {
  it("drops an organisation's home page or topic page, keeps a person's page", async () => {
    const { notPublicPage } = await import('../src/matchers/validators.js');
    for (const u of [
      'https://glaucoma.org/',
      'https://www.aao.org/eye-health',
      'www.sepsis.org',
      'https://www.cdc.gov/flu/index.html',
    ])
      expect(notPublicPage(u)).toBe(false);
    for (const u of [
      'https://www.caringbridge.org/visit/janedoe2',
      'https://jennasjourney.blog/',
      'gofundme.com/f/harpers-fight',
      'https://example.org/?id=44812',
    ])
      expect(notPublicPage(u)).toBe(true);
  });
});
