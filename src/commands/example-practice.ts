// The fictitious practice rule examples are written against (the same profile as
// fixtures/examples/.phi-lint.yaml; a test keeps them equal). Silent examples may use its
// public details ("Our office number is (404) 555-0100.") to show they are not findings.
import type { PracticeProfile } from '../types.js';

export const EXAMPLE_PRACTICE: PracticeProfile = {
  name: 'Peachtree Family Dental',
  aliases: ['Peachtree Dental', 'PFD'],
  staff: ['Dr. Anna Reyes', 'Dr. Marcus Hill', 'Keisha Brown, RDH', 'Tom Alvarez'],
  phones: ['(404) 555-0100', '(404) 555-0101'],
  emails: ['hello@peachtreefamilydental.example'],
  addresses: ['1200 Peachtree St NE, Suite 300, Atlanta, GA 30309'],
  domains: ['peachtreefamilydental.example'],
  handles: ['@PeachtreeDental'],
};
