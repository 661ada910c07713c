// JSON schema of a rule pack file (rules/<pack>.yaml, or a family file of a pack directory,
// rules/<pack>/<family>.yaml). YAML chooses among detector kinds that live in code; it never
// holds code.
import { CATEGORIES } from '../types.js';
import { VALIDATOR_NAMES } from '../matchers/validators.js';
import { COMMON_OPTIONS, detectorKinds, kindsGeneration } from '../detectors/registry.js';

const hotwords = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
} as const;

/** A detector: exactly one kind's key (the loader checks that), that kind's options, and the options common to all. */
function detectorSchema(): object {
  const kinds = Object.assign({}, ...detectorKinds().map((k) => k.schema)) as Record<string, object>;
  const common: Record<(typeof COMMON_OPTIONS)[number], object> = {
    validate: { type: 'array', items: { enum: VALIDATOR_NAMES } },
    'exclude-pattern': { type: 'string', minLength: 1 },
    'first-word-in': hotwords,
    'exclude-terms': hotwords,
    'in-review': { type: 'boolean' },
    'unless-inside': hotwords,
    'extend-pattern': { type: 'string', minLength: 1 },
  };
  return { type: 'object', additionalProperties: false, properties: { ...kinds, ...common } };
}

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

function ruleSchema(): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'category', 'severity', 'message', 'why', 'detect', 'examples'],
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
      category: { enum: CATEGORIES },
      severity: { enum: ['error', 'warning', 'info'] },
      message: { type: 'string', minLength: 1 },
      why: { type: 'string', minLength: 1 },
      'applies-to': { enum: ['post', 'reply', 'comment', 'both'] },
      suggestion: { type: 'string' },
      'suggestion-post': { type: 'string' },
      'suggestion-reply': { type: 'string' },
      detect: { type: 'array', items: detectorSchema(), minItems: 1 },
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
          kind: { enum: ['post', 'reply', 'comment'] },
        },
      },
    },
  };
}

let built: { generation: number; schema: object } | undefined;

/** The schema of a pack file, for the detector kinds registered now (the same object while they are unchanged). */
export function packSchema(): object {
  if (built?.generation !== kindsGeneration()) built = { generation: kindsGeneration(), schema: packSchemaNow() };
  return built.schema;
}

function packSchemaNow(): object {
  return {
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
      rules: { type: 'array', items: ruleSchema() },
    },
  };
}
