// Shared shapes that cross module boundaries. Kept small on purpose: each module owns its
// internals and exchanges only these.

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** Severities from least to most severe: compare with SEVERITY_RANK. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };
/** A comment is somebody else's words on the practice's page (src/comments/policy.ts). */
export type DraftKind = 'post' | 'reply' | 'comment';
export type AppliesTo = DraftKind | 'both';

/** The categories of LABELS.md: 19 Safe Harbor identifiers plus five disclosure risks. */
export const IDENTIFIER_CATEGORIES = [
  'name',
  'geo',
  'date',
  'phone',
  'fax',
  'email',
  'ssn',
  'mrn',
  'health-plan',
  'account',
  'license',
  'vehicle',
  'device',
  'url',
  'handle',
  'ip',
  'biometric',
  'photo',
  'other-id',
] as const;
export const DISCLOSURE_CATEGORIES = [
  'patient-relationship',
  'health-detail',
  'case-narrative',
  'defensive-disclosure',
  'unconsented-media',
] as const;
/** Not a disclosure: how a reply sounds (rules/tone/). A reply written in anger is the one that discloses. */
export const STYLE_CATEGORIES = ['tone'] as const;
export const CATEGORIES = [...IDENTIFIER_CATEGORIES, ...DISCLOSURE_CATEGORIES, ...STYLE_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Safe Harbor identifier number (45 CFR 164.514(b)(2)(i)(A)–(R)) for each identifier
 * category. Handles count as names (A); photo is (Q) full-face photographs.
 */
export const SAFE_HARBOR: Record<string, { letter: string; number: number; title: string }> = {
  name: { letter: 'A', number: 1, title: 'Names' },
  handle: { letter: 'A', number: 1, title: 'Names (social media handles)' },
  geo: { letter: 'B', number: 2, title: 'Geographic subdivisions smaller than a state' },
  date: { letter: 'C', number: 3, title: 'Dates (except year) tied to an individual; ages over 89' },
  phone: { letter: 'D', number: 4, title: 'Telephone numbers' },
  fax: { letter: 'E', number: 5, title: 'Fax numbers' },
  email: { letter: 'F', number: 6, title: 'Email addresses' },
  ssn: { letter: 'G', number: 7, title: 'Social Security numbers' },
  mrn: { letter: 'H', number: 8, title: 'Medical record numbers' },
  'health-plan': { letter: 'I', number: 9, title: 'Health plan beneficiary numbers' },
  account: { letter: 'J', number: 10, title: 'Account numbers' },
  license: { letter: 'K', number: 11, title: 'Certificate/license numbers' },
  vehicle: { letter: 'L', number: 12, title: 'Vehicle identifiers and serial numbers, including license plates' },
  device: { letter: 'M', number: 13, title: 'Device identifiers and serial numbers' },
  url: { letter: 'N', number: 14, title: 'Web Universal Resource Locators (URLs)' },
  ip: { letter: 'O', number: 15, title: 'Internet Protocol (IP) addresses' },
  biometric: { letter: 'P', number: 16, title: 'Biometric identifiers, including finger and voice prints' },
  photo: { letter: 'Q', number: 17, title: 'Full-face photographs and comparable images' },
  'other-id': { letter: 'R', number: 18, title: 'Any other unique identifying number, characteristic, or code' },
};

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

/** One finding, with offsets into the document's normalized text. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  /** The matched text (raw: formatters mask it). */
  match: string;
  /** Message template; `{match}` is replaced by the (masked) match when formatted. */
  message: string;
  suggestion?: string;
  /** Extra note, e.g. why the severity was raised. */
  note?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Set when `--fix` has a safe replacement for this finding. */
  fixable?: boolean;
  /**
   * Edits --fix does not make because they would leave unpublishable text (a placeholder):
   * ESLint's shape, `range` in offsets of the draft's decoded text. Never holds a draft's value.
   */
  suggestions?: FixSuggestionShape[];
}

export interface FixSuggestionShape {
  desc: string;
  fix: { range: [number, number]; text: string };
}

/** Why a finding is not reported: an inline directive (with its reason) or the baseline. */
export interface Suppression {
  /** allow: the config's allow-list (engine/allow.ts). */
  kind: 'directive' | 'baseline' | 'allow';
  justification: string;
}

export interface SuppressedFinding extends Finding {
  suppressions: Suppression[];
}

/** An inline directive that hid findings, or that --no-inline-config ignored: for the run's summary. */
export interface DirectiveUse {
  /** 1-based line of the comment. */
  line: number;
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** The rule ids and categories it names (valid ones); empty: every rule. */
  rules: string[];
  /** How many findings it suppressed (0 when ignored). */
  suppressed: number;
  /** Set when --no-inline-config ignored it. */
  ignored?: boolean;
}

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** Findings hidden by directives or the baseline: not reported, never counted for the exit code. */
  suppressed?: SuppressedFinding[];
  /** Directives that suppressed findings here, or that --no-inline-config ignored. */
  directives?: DirectiveUse[];
  /** A file-level problem (unreadable, binary): reported, never thrown. */
  fatal?: string;
  skipped?: string;
  /** Something the user should know that is not a finding (e.g. how a non-UTF-8 file was read). */
  notice?: string;
  source?: string;
  /** SHA-256 of the bytes checked (set with --audit-log). */
  sha256?: string;
  /** --cache let the draft through unlinted (unchanged since it linted clean). */
  cached?: boolean;
  /** Set for a comment of an export (`phi-lint comments`): the recommended action, for the HTML report. */
  comment?: { action: 'hide' | 'reply-privately' | 'ok'; label: string };
}

export interface PracticeProfile {
  name?: string;
  aliases: string[];
  staff: string[];
  phones: string[];
  emails: string[];
  addresses: string[];
  domains: string[];
  handles: string[];
}
