// .phi-lint.yaml: discovery (from the working directory upwards, or --config), validation
// with file:line:column errors, and defaults.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_MAX_VALIDITY } from '../consent/dates.js';
import { PhiLintError, PhiLintErrors } from '../errors.js';
import type { PracticeProfile, SeverityOrOff } from '../types.js';
import { readYaml, validateYaml, type YamlSource } from '../yaml-source.js';
import { isPublicMailDomain, normalizeDomain, wholeDomainOf } from './public-mail.js';
import { isInside, repositoryOf } from './repo-root.js';
import { allowRegex } from '../engine/allow.js';
import { configSchema } from './config-schema.js';

export { configSchema } from './config-schema.js';

/** The fields of a comment export (`comments: columns:` names the column of each). */
export const COMMENT_FIELDS = ['id', 'author', 'created', 'text', 'url', 'platform'] as const;

export const CONFIG_NAMES = ['.phi-lint.yaml', '.phi-lint.yml'];

export interface Config {
  file?: string;
  dir: string;
  practice: PracticeProfile;
  rules: Record<string, SeverityOrOff>;
  packs: Record<string, boolean>;
  kinds: { reply: string[]; post: string[]; comment: string[] };
  /** `comments:`: the severity policy for comments and how an export's columns are named (src/comments/). */
  comments: CommentSettings;
  ignore: string[];
  extensions: string[];
  ruleDirs: string[];
  consents?: string;
  categories: Record<string, SeverityOrOff>;
  directives: DirectiveSettings;
  fix: FixSettings;
  /** Front matter keys whose values the site does not publish (not linted); undefined: the defaults. */
  unpublishedKeys?: string[];
  consent: ConsentSettings;
  /** Keys that switch part of the gate off, with their lines (for the run's summary). */
  switches: ConfigSwitch[];
  /** The practice's first phone (not fax): the number the reply template gives. */
  contactPhone?: string;
  /** Every config file read for this config (a cascade's parents, files extended), outermost first. */
  files?: string[];
  /** Words, phrases and /patterns/ that are never PHI for this practice (`allow:`). */
  allow: string[];
  /** `output: { mask: }`: mask matched values (true), or show them outside CI (false). */
  output?: { mask?: boolean };
  /** `overrides:` per glob (globs relative to `dir`), applied by config/cascade.ts's overridesFor. */
  overrides: RawOverride[];
}

export interface CommentSettings {
  /** Severity by rule id or category for drafts of kind comment; unset: the defaults of src/comments/policy.ts. */
  severity: Record<string, SeverityOrOff>;
  /** Which column of a CSV export (or key of a JSON Lines export) holds id, author, created, text, url, platform. */
  columns: Record<string, string>;
}

export interface DirectiveSettings {
  /** A directive must give a reason after ` -- ` (default true). */
  requireReason: boolean;
  /** Report directives that suppress nothing, at this severity (default off; `--report-unused-directives` = error). */
  reportUnused: SeverityOrOff;
}

/** A config key that turns rules, a category or a pack off, leaves files out, or narrows the extensions. */
export interface ConfigSwitch {
  kind: 'rule' | 'category' | 'pack' | 'ignore' | 'extensions';
  /** The rule id, category, pack name or glob; for extensions, the extensions as written. */
  name: string;
  /** 1-based line in the config file. */
  line: number;
  /** The config file that holds it (one of a cascade's files); default: the config's own file. */
  file?: string;
  /** For ignore: the glob as matched against paths relative to the config's dir (after a cascade rebased it). */
  match?: string;
}

/** Draft types a config's extensions: should not leave out without it being said. */
export const COMMON_DRAFT_EXTENSIONS = ['.md', '.txt'];

export interface ConsentSettings {
  /** The longest a consent may run from signing (`2y`, `18m`, `1y6m`, `90d`); later expiries are capped. Default 2y. */
  maxValidity: string;
}

export interface FixSettings {
  /** `--fix` replaces a risky reply with the approved template: true (default), false, or your own wording with `{phone}`. */
  replyTemplate: boolean | string;
}

export const DEFAULT_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt'];

export function emptyConfig(dir: string): Config {
  return {
    dir,
    practice: { aliases: [], staff: [], phones: [], emails: [], addresses: [], domains: [], handles: [] },
    rules: {},
    categories: {},
    packs: {},
    kinds: { reply: [], post: [], comment: [] },
    comments: { severity: {}, columns: {} },
    ignore: [],
    extensions: DEFAULT_EXTENSIONS,
    ruleDirs: [],
    directives: { requireReason: true, reportUnused: 'off' },
    fix: { replyTemplate: true },
    consent: { maxValidity: DEFAULT_MAX_VALIDITY },
    switches: [],
    allow: [],
    overrides: [],
  };
}

export function findConfig(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    for (const n of CONFIG_NAMES) {
      const p = join(dir, n);
      if (existsSync(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export interface RawOverride {
  files: string[];
  practice?: Partial<PracticeProfile> & { fax?: string[] };
  rules?: Record<string, SeverityOrOff>;
  categories?: Record<string, SeverityOrOff>;
  packs?: Record<string, boolean>;
}

export interface RawConfig {
  root?: boolean;
  extends?: string | string[];
  overrides?: RawOverride[];
  allow?: string[];
  output?: { mask?: boolean };
  practice?: Partial<PracticeProfile> & { fax?: string[] };
  rules?: Record<string, SeverityOrOff>;
  categories?: Record<string, SeverityOrOff>;
  packs?: Record<string, boolean>;
  kinds?: { reply?: string[]; post?: string[]; comment?: string[] };
  comments?: { severity?: Record<string, SeverityOrOff>; columns?: Record<string, string> };
  ignore?: string[];
  extensions?: string[];
  'rule-dirs'?: string[];
  consents?: string;
  directives?: { 'require-reason'?: boolean; 'report-unused'?: SeverityOrOff };
  fix?: { 'reply-template'?: boolean | string };
  'front-matter'?: { unpublished?: string[] };
  consent?: { 'max-validity'?: string };
}

/** The keys that switch part of the gate off, located (see ConfigSwitch). */
export function switchesOf(src: YamlSource, raw: RawConfig): ConfigSwitch[] {
  const out: ConfigSwitch[] = [];
  const add = (kind: ConfigSwitch['kind'], name: string, path: (string | number)[]): void => {
    out.push({ kind, name, line: src.locate(path).line, file: src.file });
  };
  for (const [id, sev] of Object.entries(raw.rules ?? {})) if (sev === 'off') add('rule', id, ['rules', id]);
  for (const [cat, sev] of Object.entries(raw.categories ?? {})) {
    if (sev === 'off') add('category', cat, ['categories', cat]);
  }
  for (const [pack, on] of Object.entries(raw.packs ?? {})) if (on === false) add('pack', pack, ['packs', pack]);
  (raw.ignore ?? []).forEach((glob, i) => add('ignore', glob, ['ignore', i]));
  const exts = (raw.extensions ?? []).map((e) => e.toLowerCase());
  if (raw.extensions && COMMON_DRAFT_EXTENSIONS.some((e) => !exts.includes(e))) {
    add('extensions', raw.extensions.join(', '), ['extensions']);
  }
  return out;
}

function throwAll(errors: PhiLintError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new PhiLintErrors(errors);
}

/**
 * A public mail provider's domain (gmail.com) in `practice.domains`, or as a whole in
 * `practice.emails` (`@gmail.com`), would make every address there the practice's own:
 * refused, with the position. A full address (`frontdesk@gmail.com`) is fine.
 */
function refusePublicMail(src: YamlSource, raw: RawConfig): void {
  const errors: PhiLintError[] = [];
  const why = "a public mail provider: every address on it would count as the practice's own and never be reported";
  const hint = "list the practice's own address there in full under practice.emails instead";
  (raw.practice?.domains ?? []).forEach((d, i) => {
    if (!isPublicMailDomain(d)) return;
    errors.push(src.error(['practice', 'domains', i], `practice.domains: "${normalizeDomain(d)}" is ${why}; ${hint}`));
  });
  (raw.practice?.emails ?? []).forEach((e, i) => {
    const whole = wholeDomainOf(e);
    if (whole === undefined || !isPublicMailDomain(whole)) return;
    const message = `practice.emails: "${e}" names all of ${normalizeDomain(whole)}, ${why}; ${hint}`;
    errors.push(src.error(['practice', 'emails', i], message));
  });
  throwAll(errors);
}

/**
 * `consents:` and `rule-dirs:` may name only paths inside the repository (the git top level,
 * else the config's directory): a config from a pull request must not make phi-lint read,
 * and quote in an error, a file like /etc/passwd. Shared packs elsewhere go on the command
 * line (--rules), which the user types and is trusted.
 */
function refuseOutside(src: YamlSource, raw: RawConfig, dir: string): void {
  const root = repositoryOf(dir);
  const errors: PhiLintError[] = [];
  const why = `outside the repository (${root}); phi-lint reads only files inside it that a config names`;
  (raw['rule-dirs'] ?? []).forEach((d, i) => {
    if (isInside(resolve(dir, d), root)) return;
    const message = `rule-dirs: names a directory ${why} (give a shared pack with --rules instead)`;
    errors.push(src.error(['rule-dirs', i], message));
  });
  if (raw.consents && !isInside(resolve(dir, raw.consents), root)) {
    errors.push(src.error(['consents'], `consents: names a file ${why}`));
  }
  const ext = raw.extends === undefined ? [] : typeof raw.extends === 'string' ? [raw.extends] : raw.extends;
  ext.forEach((f, i) => {
    if (isInside(resolve(dir, f), root)) return;
    const path = typeof raw.extends === 'string' ? ['extends'] : ['extends', i];
    errors.push(src.error(path, `extends: names a file ${why}`));
  });
  throwAll(errors);
}

/** allow: entries that are unsafe or invalid patterns are config errors at their line. */
function checkAllow(src: YamlSource, raw: RawConfig): void {
  const errors: PhiLintError[] = [];
  (raw.allow ?? []).forEach((entry, i) => {
    try {
      allowRegex(entry);
    } catch (e) {
      if (e instanceof PhiLintError) errors.push(src.error(['allow', i], e.message));
      else throw e;
    }
  });
  throwAll(errors);
}

/** One config file as written: validated, with the paths it names checked. */
export interface ConfigLayer {
  file: string;
  dir: string;
  src: YamlSource;
  raw: RawConfig;
}

/** Read and validate one config file (no cascade, no extends). */
export function readConfigLayer(file: string): ConfigLayer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PhiLintError(`cannot read config file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  const src = readYaml(file, text);
  const dir = dirname(resolve(file));
  if (src.data == null) return { file, dir, src, raw: {} };
  validateYaml(src, configSchema, 'config');
  const raw = src.data as RawConfig;
  refusePublicMail(src, raw);
  refuseOutside(src, raw, dir);
  checkAllow(src, raw);
  return { file, dir, src, raw };
}

/** A Config from settings already merged (paths in `raw` resolved against `dir`). */
export function configFromRaw(raw: RawConfig, file: string, dir: string, switches: ConfigSwitch[]): Config {
  const p = raw.practice ?? {};
  return {
    file,
    dir,
    practice: {
      name: p.name,
      aliases: p.aliases ?? [],
      staff: p.staff ?? [],
      phones: [...(p.phones ?? []), ...(p.fax ?? [])],
      emails: p.emails ?? [],
      addresses: p.addresses ?? [],
      domains: p.domains ?? [],
      handles: p.handles ?? [],
    },
    rules: raw.rules ?? {},
    categories: raw.categories ?? {},
    packs: raw.packs ?? {},
    kinds: { reply: raw.kinds?.reply ?? [], post: raw.kinds?.post ?? [], comment: raw.kinds?.comment ?? [] },
    comments: { severity: raw.comments?.severity ?? {}, columns: raw.comments?.columns ?? {} },
    ignore: raw.ignore ?? [],
    extensions: raw.extensions ?? DEFAULT_EXTENSIONS,
    ruleDirs: (raw['rule-dirs'] ?? []).map((d) => resolve(dir, d)),
    consents: raw.consents ? resolve(dir, raw.consents) : undefined,
    directives: {
      requireReason: raw.directives?.['require-reason'] ?? true,
      reportUnused: raw.directives?.['report-unused'] ?? 'off',
    },
    fix: { replyTemplate: raw.fix?.['reply-template'] ?? true },
    unpublishedKeys: raw['front-matter']?.unpublished,
    consent: { maxValidity: raw.consent?.['max-validity'] ?? DEFAULT_MAX_VALIDITY },
    switches,
    contactPhone: p.phones?.[0],
    allow: raw.allow ?? [],
    ...(raw.output ? { output: { ...raw.output } } : {}),
    overrides: (raw.overrides ?? []).map((o) => ({ ...o })),
  };
}
