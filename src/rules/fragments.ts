// Shared pieces of regular expressions. A pack file may define `fragments:`, a map from a
// name to a piece of a pattern — the month names, a day of the month, a capitalised name —
// and any pattern of any pack writes `{{month}}` where the piece goes. Pieces are pasted in
// as written when the packs are loaded, before anything else looks at a pattern, so the
// safety analysis, the build's precompile and prefilter analyses and the compiled rule all
// see the expanded pattern, and one edit changes every pattern that uses the piece. Like
// `lists:`, fragment names are global (a pack may use a piece another pack defines) and each
// is defined once.
//
// A fragment must stand on its own, because it is pasted into patterns its author does not
// see: it compiles alone, captures nothing (a capturing group would renumber the `\2`
// backreferences of the patterns it lands in) and has no `|` outside a group (`a|b` pasted
// into `x{{f}}y` would split the whole pattern in two). A fragment may use other fragments.
import { isScalar, type Node } from 'yaml';
import { PhiLintError } from '../errors.js';
import type { YamlSource } from '../yaml-source.js';

/** `{{name}}` in a pattern. Names are lower-case words joined by hyphens (the schema checks definitions). */
const REF = /\{\{\s*([\w-]+)\s*\}\}/g;

/**
 * Upper bound on an expanded pattern, so that fragments nesting fragments ("a: '{{b}}{{b}}'",
 * "b: '{{c}}{{c}}'", …) cannot blow a hostile pack up into gigabytes. The longest shipped
 * pattern is under 1,000 characters.
 */
export const MAX_EXPANDED = 20_000;
/**
 * Upper bound on all the text pasted in one load, so that a pack of many short patterns each
 * pasting a long fragment cannot amplify a small file into gigabytes either (YAML aliases are
 * bounded for the same reason). The shipped packs paste about 6,000 characters.
 */
export const MAX_PASTED = 1_000_000;

type Path = (string | number)[];

const tooLong = (what: string): string => `${what} expands to more than ${MAX_EXPANDED} characters`;

interface Definition {
  src: YamlSource;
  path: Path;
  raw: string;
  /** The fully expanded text, once resolved. */
  text?: string;
  /** While resolving: to report a fragment that uses itself. */
  visiting?: boolean;
}

export class Fragments {
  private readonly defs = new Map<string, Definition>();
  /** Characters pasted so far in this load. */
  private pasted = 0;

  /** Record a pack's `fragments:` map (duplicates across all packs are errors). */
  define(src: YamlSource, map: Record<string, string> | undefined): void {
    for (const [name, raw] of Object.entries(map ?? {})) {
      const known = this.defs.get(name);
      if (known) {
        const first = `${known.src.file}:${known.src.locate(known.path).line}`;
        throw src.error(['fragments', name], `fragment "${name}" is defined twice (first in ${first})`);
      }
      this.defs.set(name, { src, path: ['fragments', name], raw });
    }
  }

  /**
   * Expand every fragment and check each one stands on its own. A fragment whose file passed
   * these checks at build time (`prechecked`) is left alone unless `checkAll`: it is expanded
   * when a pattern first uses it.
   */
  resolve(checkAll: boolean): void {
    for (const [name, def] of this.defs) {
      if (def.src.prechecked && !checkAll) continue;
      this.resolveOne(name, def);
      const problem = fragmentProblem(def.text!);
      if (problem) throw def.src.error(def.path, `fragment "${name}" ${problem}`);
    }
  }

  private resolveOne(name: string, def: Definition): string {
    if (def.text !== undefined) return def.text;
    if (def.visiting) throw def.src.error(def.path, `fragment "${name}" uses itself (through {{…}} references)`);
    def.visiting = true;
    const inner = (n: string): string => this.resolveOne(n, this.defs.get(n)!);
    def.text = this.substitute(def.src, def.path, def.raw, `fragment "${name}"`, inner);
    def.visiting = false;
    return def.text;
  }

  /**
   * `text` with every `{{name}}` replaced. Unknown names are located errors at the reference;
   * `used` (if given) collects the files the pasted fragments come from.
   */
  expand(src: YamlSource, path: Path, text: string, used?: Set<YamlSource>): string {
    if (!text.includes('{{')) return text;
    return this.substitute(src, path, text, 'pattern', (n) => {
      const def = this.defs.get(n)!;
      used?.add(def.src);
      return this.resolveOne(n, def);
    });
  }

  private substitute(src: YamlSource, path: Path, text: string, what: string, value: (name: string) => string): string {
    let length = 0;
    const out = text.replace(REF, (ref: string, name: string, offset: number) => {
      if (!this.defs.has(name)) {
        const known = [...this.defs.keys()].sort().join(', ') || 'none';
        throw errorAt(src, path, offset, `unknown fragment "${ref}" (defined fragments: ${known})`);
      }
      const v = value(name);
      length += v.length;
      this.pasted += v.length;
      if (length > MAX_EXPANDED) throw errorAt(src, path, offset, tooLong(what));
      if (this.pasted > MAX_PASTED) {
        throw errorAt(src, path, offset, `fragments pasted into the packs exceed ${MAX_PASTED} characters in all`);
      }
      return v;
    });
    if (out.length > MAX_EXPANDED) throw src.error(path, tooLong(what));
    return out;
  }
}

/** Why a fragment cannot be pasted safely into other patterns, or undefined when it can. */
export function fragmentProblem(text: string): string | undefined {
  let compiles = false;
  for (const flags of ['u', '']) {
    try {
      new RegExp(text, flags);
      compiles = true;
      break;
    } catch {
      // try the next flags: a fragment may be meant for patterns with or without `u`
    }
  }
  if (!compiles) return 'is not a regular expression on its own (are its brackets balanced?)';
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      if (!inClass && /^\\(?:[1-9]|k<)/.test(text.slice(i))) {
        return 'refers back to a group (\\1, \\k<…>), which means something else in each pattern it lands in';
      }
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') {
      if (!/^\((?:\?:|\?=|\?!|\?<=|\?<!)/.test(text.slice(i))) {
        return 'has a capturing group; write (?:…) so the patterns it lands in keep their group numbers';
      }
      depth++;
    } else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return 'has an alternative (|) outside a group; wrap it in (?:…)';
  }
  return undefined;
}

/**
 * A located error at character `offset` of the string at `path`: the exact column when the
 * string is written on one line (plain or quoted), else the start of the string.
 */
function errorAt(src: YamlSource, path: Path, offset: number, message: string): PhiLintError {
  const node = src.doc.getIn(path, true) as Node | undefined;
  if (isScalar(node) && node.range && typeof node.value === 'string') {
    const start = src.lc.linePos(node.range[0]);
    const end = src.lc.linePos(node.range[1]);
    const before = node.value.slice(0, offset);
    const count = (re: RegExp): number => before.match(re)?.length ?? 0;
    // characters written twice in the file: '' in single quotes, \\ and \" in double quotes
    const shift: Record<string, number> = {
      PLAIN: 0,
      QUOTE_SINGLE: 1 + count(/'/g),
      QUOTE_DOUBLE: 1 + count(/["\\]/g),
    };
    if (start.line === end.line && node.type && node.type in shift) {
      return new PhiLintError(message, src.file, start.line, start.col + offset + shift[node.type]);
    }
  }
  return src.error(path, message);
}

/** The parts of a pack file that hold regular expressions. */
interface RawRule {
  detect?: Record<string, unknown>[];
  context?: Record<string, unknown>;
  exclude?: string[];
}
interface PatternFields {
  lists?: Record<string, string[] | string>;
  rules?: RawRule[];
}

/** Detector keys that hold a regular expression, or `/regex/` hotwords (exclude-terms). */
const DETECTOR_KEYS = ['pattern', 'exclude-pattern', 'extend-pattern', 'exclude-terms'];

/**
 * The pack with `{{name}}` expanded in every pattern (`pattern`, `exclude-pattern`,
 * `extend-pattern`) and every `/regex/` entry of a list, `context:`, `exclude:` or
 * `exclude-terms:`. The pack's data is not changed (the build's copy is shared): a part
 * that holds a reference is copied. Files the pasted fragments come from go to `used`.
 */
export function expandPack<T extends object>(src: YamlSource, pack: T, fragments: Fragments, used: Set<YamlSource>): T {
  // Called on every run for every pack file, the built-in gazetteers included: paths and
  // copies are made only where a reference is found.
  const raw = pack as PatternFields;
  const one = (path: () => Path, v: string): string => (v.includes('{{') ? fragments.expand(src, path(), v, used) : v);
  const hot = (path: () => Path, items: unknown): unknown => {
    if (!Array.isArray(items)) return items;
    let out: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const t: unknown = items[i];
      if (typeof t === 'string' && t[0] === '/' && t.includes('{{')) {
        (out ??= [...items])[i] = fragments.expand(src, [...path(), i], t, used);
      }
    }
    return out ?? items;
  };
  let lists = raw.lists;
  for (const name in raw.lists) {
    const items = raw.lists[name];
    let next: string[] | string;
    if (typeof items !== 'string') next = hot(() => ['lists', name], items) as string[];
    else if (!items.includes('{{')) continue;
    else {
      const path = ['lists', name];
      const line = (l: string): string => (l.trimStart()[0] === '/' ? fragments.expand(src, path, l, used) : l);
      next = items.split('\n').map(line).join('\n');
    }
    if (next !== items) lists = { ...lists, [name]: next };
  }
  let rules = raw.rules;
  raw.rules?.forEach((r, ri, all) => {
    let rule: Record<string, unknown> | undefined;
    const set = (key: string, value: unknown): void => {
      (rule ??= { ...r })[key] = value;
    };
    let detect: Record<string, unknown>[] | undefined;
    r.detect?.forEach((d, di) => {
      let det = d;
      for (const key of DETECTOR_KEYS) {
        const v = d[key];
        if (v === undefined) continue;
        const path = (): Path => ['rules', ri, 'detect', di, key];
        const next = typeof v === 'string' ? one(path, v) : hot(path, v);
        if (next !== v) det = { ...det, [key]: next };
      }
      if (det !== d) (detect ??= [...r.detect!])[di] = det;
    });
    if (detect) set('detect', detect);
    let context = r.context;
    for (const key in r.context) {
      const v = r.context[key];
      const next = hot(() => ['rules', ri, 'context', key], v);
      if (next !== v) context = { ...context, [key]: next };
    }
    if (context !== r.context) set('context', context);
    const exclude = hot(() => ['rules', ri, 'exclude'], r.exclude);
    if (exclude !== r.exclude) set('exclude', exclude);
    if (rule) (rules = rules === all ? [...all] : rules!)[ri] = rule as RawRule;
  });
  return lists === raw.lists && rules === raw.rules ? pack : ({ ...pack, lists, rules } as T);
}
