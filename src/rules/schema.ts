// JSON schema of a rule pack file (rules/<pack>.yaml, or a family file of a pack directory,
// rules/<pack>/<family>.yaml). YAML chooses among detector kinds that live in code; it never
// holds code.
import { CATEGORIES } from '../types.js';
import { VALIDATOR_NAMES } from '../matchers/validators.js';

const hotwords = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
} as const;

const termList = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
} as const;

const detector = {
  type: 'object',
  additionalProperties: false,
  properties: {
    pattern: { type: 'string', minLength: 1 },
    flags: { type: 'string', pattern: '^[imsu]*$' },
    group: { type: 'string', minLength: 1 },
    terms: termList,
    'case-sensitive': { type: 'boolean' },
    inflect: { type: 'boolean' },
    entity: { enum: ['person', 'place', 'date', 'value', 'organization'] },
    image: { type: 'boolean' },
    validate: { type: 'array', items: { enum: VALIDATOR_NAMES } },
    'exclude-pattern': { type: 'string', minLength: 1 },
    'first-word-in': hotwords,
    'exclude-terms': hotwords,
    'in-review': { type: 'boolean' },
    'unless-inside': hotwords,
    'extend-pattern': { type: 'string', minLength: 1 },
  },
} as const;

const contextSpec = {
  type: 'object',
  additionalProperties: false,
  properties: {
    scope: { enum: ['words', 'sentence', 'paragraph', 'document'] },
    window: { type: 'integer', minimum: 1, maximum: 200 },
    direction: { enum: ['before', 'after', 'both'] },
    require: hotwords,
    forbid: hotwords,
    raise: hotwords,
    lower: hotwords,
    'require-before': hotwords,
    'require-after': hotwords,
    'forbid-before': hotwords,
    'forbid-after': hotwords,
  },
} as const;

export const ruleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category', 'severity', 'message', 'why', 'detect', 'examples'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
    category: { enum: CATEGORIES },
    severity: { enum: ['error', 'warning', 'info'] },
    message: { type: 'string', minLength: 1 },
    why: { type: 'string', minLength: 1 },
    'applies-to': { enum: ['post', 'reply', 'both'] },
    suggestion: { type: 'string' },
    'suggestion-post': { type: 'string' },
    'suggestion-reply': { type: 'string' },
    detect: { type: 'array', items: detector, minItems: 1 },
    context: contextSpec,
    exclude: hotwords,
    near: {
      type: 'object',
      additionalProperties: false,
      required: ['categories'],
      properties: {
        categories: { type: 'array', items: { enum: CATEGORIES }, minItems: 1 },
        scope: { enum: ['sentence', 'paragraph', 'document'] },
      },
    },
    'unless-front-matter': { type: 'array', items: { type: 'string' } },
    'addresses-reader': { type: 'boolean' },
    examples: {
      type: 'object',
      additionalProperties: false,
      required: ['fire', 'silent'],
      properties: {
        fire: { type: 'array', items: { type: 'string' }, minItems: 1 },
        silent: { type: 'array', items: { type: 'string' }, minItems: 1 },
        kind: { enum: ['post', 'reply'] },
      },
    },
  },
} as const;

export const packSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    pack: { type: 'string', pattern: '^[a-z0-9-]+$' },
    description: { type: 'string' },
    lists: {
      type: 'object',
      // An array of terms, or a block of text with one term per line (cheap to parse for
      // lists of thousands, such as a gazetteer).
      additionalProperties: {
        anyOf: [
          { type: 'array', items: { type: 'string', minLength: 1 } },
          { type: 'string' },
        ],
      },
    },
    // Named pieces of regular expressions, pasted into patterns as {{name}} (rules/fragments.ts).
    fragments: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: { type: 'string', minLength: 1 },
    },
    escalate: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'categories', 'min', 'message', 'why'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
          categories: { type: 'array', items: { enum: CATEGORIES }, minItems: 2 },
          min: { type: 'integer', minimum: 2 },
          scope: { enum: ['sentence', 'paragraph', 'document'] },
          message: { type: 'string' },
          why: { type: 'string' },
        },
      },
    },
    rules: { type: 'array', items: ruleSchema },
  },
} as const;
