// The consent ledger: which signed patient authorizations exist, what each covers and when
// it expires. No PHI is needed in it — an id, categories and dates. Validated like every
// other YAML file phi-lint reads, with file:line:column errors.
import { existsSync, readFileSync } from 'node:fs';
import type { FromSchema } from 'json-schema-to-ts';
import { join, relative } from 'node:path';
import type { Config } from '../config/config.js';
import { isInside, repositoryOf } from '../config/repo-root.js';
import { PhiLintError, PhiLintErrors } from '../errors.js';
import { CATEGORIES, type Category } from '../types.js';
import { readYaml, validateYaml } from '../yaml-source.js';
import { addPeriod, DEFAULT_MAX_VALIDITY, describePeriod, isCalendarDate, periodOf } from './dates.js';

export const LEDGER_NAME = 'consents.yaml';

/**
 * Identifiers no patient authorization makes safe to publish: a number that opens an
 * account, a record or a benefit, or identifies a device or a body. A ledger that lists
 * them in `covers:` is refused.
 */
export const NEVER_CONSENTABLE: readonly Category[] = [
  'ssn',
  'mrn',
  'health-plan',
  'account',
  'license',
  'device',
  'vehicle',
  'ip',
  'biometric',
  'other-id',
];

/** One authorization of the ledger, as ledgerSchema lets it be (json-schema-to-ts reads the type from it). */
export type ConsentEntry = FromSchema<typeof ledgerSchema>['consents'][number];

export interface ConsentLedger {
  file: string;
  entries: Map<string, ConsentEntry>;
  /** The longest an authorization may run, in words ("2 years"), for messages. */
  maxValidity?: string;
  /** What is wrong with the ledger but does not stop the run (file:line:col: message), said once per run. */
  warnings?: string[];
}

export interface LedgerOptions {
  /** The longest an authorization may run (`2y`, `18m`…); default DEFAULT_MAX_VALIDITY. */
  maxValidity?: string;
}

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const ledgerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['consents'],
  properties: {
    consents: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'covers', 'signed', 'expires'],
        properties: {
          id: { type: 'string', minLength: 1, pattern: '^\\S+$' },
          covers: { type: 'array', items: { enum: CATEGORIES }, minItems: 1, uniqueItems: true },
          signed: date,
          expires: date,
          note: { type: 'string' },
          drafts: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        },
      },
    },
  },
} as const;

/** Where a config's ledger is: its `consents:` key, else consents.yaml beside it (if present). */
export function ledgerPath(config: Pick<Config, 'file' | 'dir' | 'consents'>): string | undefined {
  if (config.consents) return config.consents;
  if (!config.file) return undefined;
  const p = join(config.dir, LEDGER_NAME);
  return existsSync(p) ? p : undefined;
}

/**
 * Does the text begin like a ledger (`consents:` after comments and blank lines)? Anything
 * else — a settings file, an ssh config — is refused without a word of its content: YAML
 * and schema errors would quote its keys and lines.
 */
export function looksLikeLedger(text: string): boolean {
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t === '---') continue;
    return /^\{?\s*(?:consents|"consents"|'consents')\s*:/.test(t);
  }
  return true;
}

export function parseLedger(file: string, text: string, opts: LedgerOptions = {}): ConsentLedger {
  if (!looksLikeLedger(text)) {
    const why = 'it must begin with "consents:" (see docs/consent.md in phi-lint); its content is not shown';
    throw new PhiLintError(`not a consent ledger: ${why}`, file);
  }
  const src = readYaml(file, text);
  const period = periodOf(opts.maxValidity ?? DEFAULT_MAX_VALIDITY);
  const maxValidity = describePeriod(period);
  if (src.data == null) return { file, entries: new Map(), maxValidity };
  validateYaml(src, ledgerSchema, 'consent ledger');
  const raw = src.data as FromSchema<typeof ledgerSchema>;
  const errors: PhiLintError[] = [];
  const entries = new Map<string, ConsentEntry>();
  const allowed = CATEGORIES.filter((c) => !NEVER_CONSENTABLE.includes(c));
  const warnings: string[] = [];
  raw.consents.forEach((c, i) => {
    // Identifiers no authorization can make publishable are not covered: the findings stay,
    // and the ledger line is named once per run (a warning, not an error: the rest of the
    // ledger still holds).
    const refused = c.covers.filter((cat) => NEVER_CONSENTABLE.includes(cat));
    c.covers.forEach((cat, j) => {
      if (!NEVER_CONSENTABLE.includes(cat)) return;
      const why = `"${cat}" can never be consented for publication: no authorization makes it safe to post, so consent "${c.id}" does not cover it`;
      warnings.push(
        String(src.error(['consents', i, 'covers', j], `${why} (a consent may cover: ${allowed.join(', ')})`)),
      );
    });
    let dates = true;
    for (const key of ['signed', 'expires'] as const) {
      if (!isCalendarDate(c[key])) {
        errors.push(src.error(['consents', i, key], `"${c[key]}" is not a calendar date (YYYY-MM-DD)`));
        dates = false;
      }
    }
    if (c.signed > c.expires)
      errors.push(
        src.error(
          ['consents', i, 'expires'],
          `consent "${c.id}" expires (${c.expires}) before it was signed (${c.signed})`,
        ),
      );
    if (entries.has(c.id)) errors.push(src.error(['consents', i, 'id'], `consent id "${c.id}" is listed twice`));
    const cap = dates ? addPeriod(c.signed, period) : undefined;
    if (cap && c.expires > cap) {
      const why = `consent "${c.id}" runs from ${c.signed} to ${c.expires}, longer than the maximum of ${maxValidity} (consent: max-validity)`;
      warnings.push(
        String(
          src.error(
            ['consents', i, 'expires'],
            `${why}; check the authorization's expiry and record it, or renew it by ${cap}`,
          ),
        ),
      );
    }
    entries.set(c.id, refused.length ? { ...c, covers: c.covers.filter((cat) => !refused.includes(cat)) } : c);
  });
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new PhiLintErrors(errors);
  return { file, entries, maxValidity, warnings };
}

export function loadLedger(
  config: Pick<Config, 'file' | 'dir' | 'consents'> & { consent?: Config['consent'] },
): ConsentLedger | undefined {
  const file = ledgerPath(config);
  if (!file) return undefined;
  if (config.file && !isInside(file, repositoryOf(config.dir))) {
    const why = 'the consent ledger is outside the repository (a symbolic link out of it?); phi-lint does not read it';
    throw new PhiLintError(why, file);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PhiLintError(
      code === 'ENOENT'
        ? `consent ledger not found (named by "consents:" in ${config.file ?? 'the config'})`
        : `cannot read consent ledger (${code ?? 'error'})`,
      file,
    );
  }
  const ledger = parseLedger(relative(process.cwd(), file) || file, text, { maxValidity: config.consent?.maxValidity });
  return { ...ledger, file };
}
