// Rule packs: find the YAML files, validate them with positions, paste `{{fragment}}`s into
// patterns, expand `@list` references, and compile every detector once per run. A pack is
// every file that names it (`pack: phi`): one file (rules/post.yaml), or a directory of
// family files (rules/phi/*.yaml), which load in file-name order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhiLintError, PhiLintErrors } from '../errors.js';
import { compileRule } from './compile-rule.js';
import { expandPack, Fragments } from './fragments.js';
import { Lists } from './lists.js';
import type { YamlSource } from '../yaml-source.js';
import type { RawPack } from './raw.js';
import type { CompiledRule, Escalation, RuleSet } from './rule.js';
import { pastedFrom, readPack, storeKey } from './precompiled.js';
import { kindsGeneration } from '../detectors/registry.js';

export { PRACTICE_HOTWORD } from './compile-rule.js';

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/** Every *.yaml / *.yml under a directory (or the file itself), sorted for stable order. */
export function packFiles(dirOrFile: string): string[] {
  let st;
  try {
    st = statSync(dirOrFile);
  } catch {
    throw new PhiLintError(`rule directory or file not found`, dirOrFile);
  }
  if (st.isFile()) return [dirOrFile];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(e.name)) out.push(p);
    }
  };
  walk(dirOrFile);
  return out;
}

export interface LoadOptions {
  /**
   * Analyse every regular expression for catastrophic backtracking, including those of the
   * built-in packs that were analysed at build time (the build passes this).
   */
  checkAll?: boolean;
}

interface Source {
  src: YamlSource;
  raw: RawPack;
  pack: string;
  /** The file's text has "{{" (a file without it has no fragment to paste). */
  refs: boolean;
  /** The file read as written, not from the build's store. */
  asWritten: () => YamlSource;
  /** Shipped with phi-lint (no time budget). */
  builtin: boolean;
}

/**
 * Paste `{{fragments}}` into every pattern before anything reads one (see fragments.ts), so
 * everything after sees expanded patterns. Fragments are global like lists.
 */
function pasteFragments(sources: Source[], recheck: boolean): void {
  // The shipped packs alone, as built: their fragments were checked and pasted at build time.
  if (!recheck && sources.every((s) => s.src.prechecked && (!s.refs || pastedFrom(s.src)))) return;
  const fragments = new Fragments();
  for (const { src, raw } of sources) fragments.define(src, raw.fragments);
  fragments.resolve(recheck);
  const asBuilt = new Set(sources.map((s) => storeKey(s.src)));
  for (const s of sources.filter((x) => x.refs)) {
    // The build pasted the fragments of a built-in file: kept while their files are as built;
    // otherwise the file is read as written and pasted again.
    const pasted = pastedFrom(s.src);
    if (pasted?.every((k) => asBuilt.has(k))) continue;
    if (pasted) s.raw = (s.src = s.asWritten()).data as RawPack;
    const used = new Set<YamlSource>();
    s.raw = expandPack(s.src, s.raw, fragments, used);
    // Patterns checked at build time stay trusted only while the fragments pasted into them
    // are unchanged since the build too.
    if (s.src.prechecked && [...used].some((d) => !d.prechecked)) {
      s.src = Object.create(s.src, { prechecked: { value: false } }) as YamlSource;
    }
  }
}

export function loadRuleSet(dirs: string[], opts: LoadOptions = {}): RuleSet {
  return load(dirs, !!opts.checkAll);
}

/**
 * The last rule set made of built-in packs alone, and what it was loaded from: a process that
 * loads them again (each config of a cascade, each `lintText`, each in-process run of the
 * tests) gets the same compiled rules while every file's bytes, the working directory (rule
 * files are named relative to it) and the detector kinds are the same. Packs that did not ship
 * with phi-lint are always loaded afresh: their rules carry time budgets that count strikes.
 */
let builtinMemo: { key: string; bytes: Buffer[]; ruleSet: RuleSet } | undefined;
const sameBytes = (a: Buffer[], b: Buffer[]): boolean => a.length === b.length && a.every((x, i) => x.equals(b[i]));

/** `recheck`: run the safety analysis even on packs it passed at build time (the build itself does). */
function load(dirs: string[], recheck: boolean): RuleSet {
  const files = dirs.flatMap(packFiles);
  const read: Buffer[] = [];
  const allBuiltin = files.every((f) => resolve(f).startsWith(BUILTIN_RULES_DIR + sep));
  if (allBuiltin) {
    try {
      for (const file of files) read.push(readFileSync(file));
    } catch {
      read.length = 0; // reported below, file by file
    }
  }
  const key = [process.cwd(), recheck, kindsGeneration(), ...files].join('\0');
  if (read.length && builtinMemo?.key === key && sameBytes(builtinMemo.bytes, read)) return builtinMemo.ruleSet;
  const ruleSet = loadFiles(files, recheck, read.length ? read : undefined);
  if (read.length) builtinMemo = { key, bytes: read, ruleSet };
  return ruleSet;
}

/** Load these files (`read`: their bytes, already read). */
function loadFiles(files: string[], recheck: boolean, read?: Buffer[]): RuleSet {
  const sources: Source[] = [];
  const errors: PhiLintError[] = [];
  for (const [fi, file] of files.entries()) {
    let bytes: Buffer;
    try {
      // bytes: a built-in file unchanged since the build is hashed, never decoded
      bytes = read?.[fi] ?? readFileSync(file);
    } catch (e) {
      errors.push(new PhiLintError(`cannot read rule file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file));
      continue;
    }
    const display = relative(process.cwd(), file) || file;
    try {
      const src = readPack(file, display, bytes, BUILTIN_RULES_DIR);
      if (src.data == null) continue;
      const raw = src.data as RawPack;
      const pack = raw.pack ?? basename(file, extname(file));
      // a file that never writes "{{" (the gazetteers) has no fragment to paste
      const asWritten = (): YamlSource => readPack(file, display, bytes, BUILTIN_RULES_DIR, null);
      // Packs that did not ship with phi-lint run their regexes under a time budget (matchers/budget.ts).
      const builtin = resolve(file).startsWith(BUILTIN_RULES_DIR + sep);
      sources.push({ src, raw, pack, refs: bytes.includes('{{'), asWritten, builtin });
    } catch (e) {
      if (e instanceof PhiLintErrors) errors.push(...e.errors);
      else if (e instanceof PhiLintError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new PhiLintErrors(errors);

  pasteFragments(sources, recheck);

  // Lists are global: a pack may use a vocabulary another pack defines.
  const lists = new Lists(recheck);
  for (const { src, raw } of sources) lists.define(src, raw);

  const rules: CompiledRule[] = [];
  const escalations: Escalation[] = [];
  const ids = new Map<string, string>();
  for (const { src, raw, pack, builtin } of sources) {
    (raw.rules ?? []).forEach((r, ri) => {
      if (!r.id.startsWith(`${pack}/`)) {
        // a family file of a pack directory (rules/phi/dates.yaml) names its pack
        const join = `to add it to a pack, start it with "pack: ${r.id.split('/')[0]}"`;
        const named = '; this file has no "pack:", so its pack is named after the file — ';
        const hint = raw.pack === undefined ? `${named}${join}` : '';
        throw src.error(['rules', ri, 'id'], `rule id "${r.id}" must start with its pack name "${pack}/"${hint}`);
      }
      if (ids.has(r.id)) {
        throw src.error(['rules', ri, 'id'], `rule id "${r.id}" is already defined in ${ids.get(r.id)}`);
      }
      ids.set(r.id, src.file);
      rules.push(compileRule({ src, pack, builtin, lists, recheck }, r, ri));
    });
    for (const e of raw.escalate ?? []) {
      const { id, min, message, why } = e;
      const scope = e.scope ?? 'paragraph';
      escalations.push({ id, pack, categories: new Set(e.categories), min, scope, message, why });
    }
  }
  // one entry per file: a pack made of family files has one per family (run.ts hashes them all)
  return { rules, escalations, packs: sources.map((s) => ({ name: s.pack, file: s.src.file, description: s.raw.description })) };
}
