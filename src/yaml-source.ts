// Read a YAML file as data, validate it against a JSON schema, and report every problem with
// file:line:column and the nearest valid key. Used for rule packs and .phi-lint.yaml.
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document as YamlDocument, type Node } from 'yaml';
import { PhiLintError, PhiLintErrors } from './errors.js';

export interface YamlSource {
  file: string;
  data: unknown;
  doc: YamlDocument.Parsed;
  lc: LineCounter;
  /** Where a value sits: path of keys and indexes → 1-based line/column. */
  locate(path: (string | number)[]): { line: number; column: number };
  error(path: (string | number)[], message: string): PhiLintError;
  /**
   * Set on a built-in pack read from the build's store: its regular expressions passed the
   * safety analysis when phi-lint was built, so it is not run again on every start.
   */
  prechecked?: boolean;
}

export function readYaml(file: string, text: string): YamlSource {
  const lc = new LineCounter();
  // Rule and config files are data: only the core schema's plain types. An explicit tag
  // (`!!js/function`, `!!python/object`, even `!!binary`) is refused, never resolved.
  // Duplicate keys are found in one pass (duplicateKeys), not by yaml's own check.
  const doc = parseDocument(text, {
    lineCounter: lc,
    prettyErrors: false,
    uniqueKeys: false,
    schema: 'core',
    resolveKnownTags: false,
  });
  const errors = [...doc.errors, ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0]);
  const tagErrors = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (errors.length || tagErrors.length) {
    throw new PhiLintErrors(
      [...errors, ...tagErrors].map((e) => {
        if (e.code === 'TAG_RESOLVE_FAILED') {
          const p = lc.linePos(e.pos[0]);
          const tag = (/tag: (\S+?)(?: at|$)/.exec(e.message.split('\n')[0])?.[1] ?? 'tag').replace(
            'tag:yaml.org,2002:',
            '!!',
          );
          return new PhiLintError(
            `YAML tag ${tag} is not allowed: rule and config files hold plain data (text, numbers, lists, maps), never code or objects`,
            file,
            p.line,
            p.col,
          );
        }
        const p = lc.linePos(e.pos[0]);
        return new PhiLintError(`invalid YAML: ${e.message.split('\n')[0]}`, file, p.line, p.col);
      }),
    );
  }
  let data: unknown;
  try {
    // Alias expansion is bounded: a "billion laughs" file is refused, not expanded.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new PhiLintError(`could not read YAML: ${(e as Error).message}`, file, 1, 1);
  }
  const locate = (path: (string | number)[]): { line: number; column: number } => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      const range = node && (node as { range?: [number, number, number] }).range;
      if (range) {
        const p = lc.linePos(range[0]);
        return { line: p.line, column: p.col };
      }
    }
    return { line: 1, column: 1 };
  };
  return {
    file,
    data,
    doc,
    lc,
    locate,
    error(path, message) {
      const p = locate(path);
      return new PhiLintError(message, file, p.line, p.column);
    },
  };
}

/**
 * Keys that repeat an earlier key of their map (equal scalar values, as yaml's `uniqueKeys`
 * compares them), with yaml's message. yaml's own check compares each key with every earlier
 * key of its map, so a file with 100,000 keys took minutes to read; a Set per map is linear.
 */
export function duplicateKeys(doc: YamlDocument.Parsed): { code: string; pos: [number, number]; message: string }[] {
  const out: { code: string; pos: [number, number]; message: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue; // NaN never equals itself, nor other nodes
        if (!seen.has(key.value)) seen.add(key.value);
        else {
          const pos: [number, number] = [key.range?.[0] ?? 0, key.range?.[1] ?? 0];
          out.push({ code: 'DUPLICATE_KEY', pos, message: 'Map keys must be unique' });
        }
      }
    },
  });
  return out;
}

/** Position of a key (not its value) inside the map at `path`. */
function locateKey(src: YamlSource, path: (string | number)[], key: string): { line: number; column: number } {
  const node = path.length ? src.doc.getIn(path, true) : src.doc.contents;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        const p = src.lc.linePos(pair.key.range[0]);
        return { line: p.line, column: p.col };
      }
    }
  }
  return src.locate(path);
}

export function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function nearest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = levenshtein(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

// ajv is loaded on first use (it is a large CommonJS package; most runs validate only a
// small config, and built-in packs come pre-validated from the build).
let ajv: AjvClass | undefined;
function getAjv(): AjvClass {
  if (!ajv) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
  }
  return ajv;
}
const compiled = new WeakMap<object, ValidateFunction>();

/** Validators generated at build time (ajv standalone code), keyed by a hash of their schema. */
export const PRECOMPILED_VALIDATORS = new URL('./validators.cjs', import.meta.url);
export const schemaHash = (schema: object): string =>
  createHash('sha256').update(JSON.stringify(schema)).digest('base64');
let prebuilt: Record<string, ValidateFunction> | null | undefined;

/**
 * The validator for a schema: generated by the build when the schema is unchanged since
 * (compiling a schema with ajv at run time costs ~80 ms of a cold start), else compiled now.
 */
function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate) return validate;
  if (prebuilt === undefined) {
    try {
      prebuilt = createRequire(import.meta.url)(fileURLToPath(PRECOMPILED_VALIDATORS)) as Record<
        string,
        ValidateFunction
      >;
    } catch {
      prebuilt = null; // not built (running from src/)
    }
  }
  validate = prebuilt?.[schemaHash(schema)] ?? getAjv().compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** CommonJS source of validators for these schemas (run by the build). */
export function standaloneValidators(schemas: object[]): string {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const standalone = (
    createRequire(import.meta.url)('ajv/dist/standalone') as {
      default: (ajv: AjvClass, refs: Record<string, string>) => string;
    }
  ).default;
  const gen = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true, code: { source: true } });
  const refs: Record<string, string> = {};
  for (const schema of schemas) {
    const id = schemaHash(schema);
    gen.addSchema(schema, id);
    refs[id] = id;
  }
  return standalone(gen, refs);
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(err: ErrorObject, src: YamlSource, what: string): PhiLintError {
  const path = pathOf(err.instancePath);
  const at = path.length ? `"${path.join('.')}"` : 'the top level';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((err.parentSchema as { properties?: object })?.properties ?? {});
      const near = nearest(key, allowed);
      const p = locateKey(src, path, key);
      const hint = near ? ` (did you mean "${near}"?)` : allowed.length ? ` (valid keys: ${allowed.join(', ')})` : '';
      return new PhiLintError(`unknown key "${key}" in ${what} at ${at}${hint}`, src.file, p.line, p.column);
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = String(pathValue(src.data, path));
      const near = nearest(value, allowed);
      return src.error(
        path,
        `${at} is "${value}", which is not one of: ${allowed.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`,
      );
    }
    case 'required':
      return src.error(
        path,
        `${what} at ${at} is missing the required key "${(err.params as { missingProperty: string }).missingProperty}"`,
      );
    case 'type':
      return src.error(path, `${at} must be ${(err.params as { type: string }).type}`);
    default:
      return src.error(path, `${at} ${err.message ?? 'is invalid'}`);
  }
}

function pathValue(data: unknown, path: (string | number)[]): unknown {
  let v = data as Record<string | number, unknown> | undefined;
  for (const k of path) v = v?.[k] as Record<string | number, unknown> | undefined;
  return v;
}

const MAX_SHOWN = 20;

/** Validate `src.data` against a JSON schema; throws every problem at once (the first MAX_SHOWN), located. */
export function validateYaml(src: YamlSource, schema: object, what: string): void {
  const validate = validatorFor(schema);
  if (validate(src.data)) return;
  const errors = (validate.errors ?? [])
    // anyOf/oneOf wrappers repeat their branches' errors; keep the specific ones
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  const out: PhiLintError[] = [];
  for (const e of errors) {
    // only the first few are shown: describing each one looks its key up (a file with
    // 100,000 unknown keys has as many errors, and took minutes)
    if (out.length === MAX_SHOWN) break;
    const d = describe(e, src, what);
    if (!seen.has(d.toString())) {
      seen.add(d.toString());
      out.push(d);
    }
  }
  if (out.length === 1) throw out[0];
  throw new PhiLintErrors(out);
}
