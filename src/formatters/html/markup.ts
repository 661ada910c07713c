// Small helpers for writing HTML by hand: escaping, plurals and the words the report uses
// for categories and severities.
import type { Category, Severity } from '../../types.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and double- or single-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const WORDS: Record<string, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info note', 'info notes'],
  draft: ['draft', 'drafts'],
  finding: ['finding', 'findings'],
};

export function plural(n: number, word: string): string {
  const [one, many] = WORDS[word] ?? [word, `${word}s`];
  return `${n} ${n === 1 ? one : many}`;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

const CATEGORY_LABEL: Record<Category, string> = {
  name: 'Name',
  geo: 'Geography',
  date: 'Date',
  phone: 'Phone number',
  fax: 'Fax number',
  email: 'Email address',
  ssn: 'Social Security number',
  mrn: 'Medical record number',
  'health-plan': 'Health plan number',
  account: 'Account number',
  license: 'License or certificate',
  vehicle: 'Vehicle identifier',
  device: 'Device identifier',
  url: 'URL',
  handle: 'Social media handle',
  ip: 'IP address',
  biometric: 'Biometric',
  photo: 'Photo',
  'other-id': 'Other identifier',
  'patient-relationship': 'Patient relationship',
  'health-detail': 'Health detail',
  'case-narrative': 'Case narrative',
  'defensive-disclosure': 'Defensive disclosure',
  'unconsented-media': 'Unconsented media',
  tone: 'Tone',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABEL[category as Category] ?? category;
}
