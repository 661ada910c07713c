// The schema a .phi-lint.yaml file is validated against (and precompiled by
// scripts/precompile.mjs): every key, its type and its allowed values.
import { PERIOD_PATTERN } from '../consent/dates.js';
import { CATEGORIES } from '../types.js';

/** A column name in `comments: columns:`. */
const column = { type: 'string', minLength: 1 } as const;

const strList = { type: 'array', items: { type: 'string' } } as const;
const severity = { enum: ['error', 'warning', 'info', 'off'] } as const;

const practiceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    aliases: strList,
    staff: strList,
    phones: strList,
    fax: strList,
    emails: strList,
    addresses: strList,
    domains: strList,
    handles: strList,
  },
} as const;
const rulesSchema = { type: 'object', additionalProperties: severity } as const;
const categoriesSchema = {
  type: 'object',
  propertyNames: { enum: CATEGORIES },
  additionalProperties: severity,
} as const;
const packsSchema = { type: 'object', additionalProperties: { type: 'boolean' } } as const;

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    root: { type: 'boolean' },
    extends: { anyOf: [{ type: 'string' }, strList] },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { ...strList, minItems: 1 },
          practice: practiceSchema,
          rules: rulesSchema,
          categories: categoriesSchema,
          packs: packsSchema,
        },
      },
    },
    allow: strList,
    output: { type: 'object', additionalProperties: false, properties: { mask: { type: 'boolean' } } },
    practice: practiceSchema,
    rules: rulesSchema,
    categories: categoriesSchema,
    packs: packsSchema,
    kinds: {
      type: 'object',
      additionalProperties: false,
      properties: { reply: strList, post: strList, comment: strList },
    },
    comments: {
      type: 'object',
      additionalProperties: false,
      properties: {
        severity: { type: 'object', additionalProperties: severity },
        columns: {
          type: 'object',
          additionalProperties: false,
          properties: { id: column, author: column, created: column, text: column, url: column, platform: column },
        },
      },
    },
    ignore: strList,
    extensions: { type: 'array', items: { type: 'string', pattern: '^\\.[A-Za-z0-9]+$' } },
    'rule-dirs': strList,
    consents: { type: 'string' },
    directives: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'require-reason': { type: 'boolean' },
        'report-unused': severity,
      },
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'reply-template': { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: '\\{phone\\}' }] },
      },
    },
    'front-matter': {
      type: 'object',
      additionalProperties: false,
      properties: { unpublished: strList },
    },
    consent: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'max-validity': { type: 'string', pattern: PERIOD_PATTERN },
      },
    },
  },
} as const;
