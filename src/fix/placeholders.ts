// What a redacted span becomes, by category: a placeholder a reader understands and no rule
// matches again ("[PHONE]", "[NAME]").
import type { Category } from '../types.js';

export const PLACEHOLDERS: Record<Category, string> = {
  name: '[NAME]',
  geo: '[LOCATION]',
  date: '[DATE]',
  phone: '[PHONE]',
  fax: '[FAX]',
  email: '[EMAIL]',
  ssn: '[SSN]',
  mrn: '[RECORD-NUMBER]',
  'health-plan': '[HEALTH-PLAN-NUMBER]',
  account: '[ACCOUNT-NUMBER]',
  license: '[LICENSE-NUMBER]',
  vehicle: '[VEHICLE-ID]',
  device: '[DEVICE-ID]',
  url: '[URL]',
  handle: '[HANDLE]',
  ip: '[IP-ADDRESS]',
  biometric: '[BIOMETRIC]',
  photo: '[PHOTO]',
  'other-id': '[ID]',
  'patient-relationship': '[VISIT-DETAIL]',
  'health-detail': '[HEALTH-DETAIL]',
  'case-narrative': '[CASE-DETAIL]',
  'defensive-disclosure': '[VISIT-DETAIL]',
  'unconsented-media': '[MEDIA]',
  tone: '[TONE]',
};

const NAMES = [...new Set(Object.values(PLACEHOLDERS).map((p) => p.slice(1, -1)))];

/** A placeholder as a draft holds it: "[PHONE]", or "\[PHONE\]" escaped in Markdown; never a link's text. */
export const PLACEHOLDER_SOURCE = `\\\\?\\[(${NAMES.join('|')})\\\\?\\](?!\\()`;

/** The first placeholder a text holds ("[PHONE]"), if any: --fix never writes one (it is not publishable text). */
export function placeholderIn(text: string): string | undefined {
  const m = new RegExp(PLACEHOLDER_SOURCE).exec(text);
  return m ? `[${m[1]}]` : undefined;
}
