// Built-in rule packs, parsed and validated at build time. Parsing the shipped YAML (name and
// medical vocabularies run to thousands of lines) cost more than everything else at startup,
// so `npm run build` stores each pack file's data in dist/builtin-packs.json with a hash of
// its text, keyed by its path under rules/ (`post.yaml`, `phi/dates.yaml`); a file that
// still has that hash is read from there, any other file (edited since the build, or not
// built-in) is parsed and validated as usual. The YAML is parsed lazily only if an error
// must be located in a cached pack. The build also pastes `{{fragments}}` into the stored
// patterns (rules/fragments.ts) and records which files they came from: a run uses them as
// stored while those files are unchanged too, and otherwise reads the file as written and
// pastes the fragments again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { readYaml, validateYaml, type YamlSource } from '../yaml-source.js';
import { expandPack, Fragments } from './fragments.js';
import { packSchema } from './schema.js';

export const PRECOMPILED_FILE = new URL('../builtin-packs.json', import.meta.url);

interface Entry {
  hash: string;
  data: unknown;
  /** Line and column of each rule (`rules.N`), for listings. */
  rules: [number, number][];
  /** Set when `data` has fragments pasted in: the keys of the files they came from. */
  pasted?: string[];
}
export interface Store {
  format: 1;
  packs: Record<string, Entry>;
}

type Fragmented = { fragments?: Record<string, string> };
const fragmentsOf = (src: YamlSource): Fragmented['fragments'] => (src.data as Fragmented).fragments;
/** A file's hash, from its bytes (a run need not decode a stored file it does not parse). */
const hashOf = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('base64');
const keyOf = (rulesDir: string, file: string): string => relative(rulesDir, file).split(sep).join('/');

let store: Store | null | undefined;
function loadStore(): Store | null {
  if (store !== undefined) return store;
  try {
    const s = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as Store;
    store = s.format === 1 ? s : null;
  } catch {
    store = null; // not built (running from src/), or unreadable: parse the YAML
  }
  return store;
}

/** Sources read from the store: their key, and the files their pasted fragments came from. */
const built = new WeakMap<YamlSource, { key: string; pasted?: string[] }>();

/** The store key (`phi/dates.yaml`) of a source read from the store; undefined for any other. */
export const storeKey = (src: YamlSource): string | undefined => built.get(src)?.key;

/** For a source read from the store whose patterns the build pasted fragments into: their files' keys. */
export const pastedFrom = (src: YamlSource): string[] | undefined => built.get(src)?.pasted;

/** A source whose data came from the build; the YAML is parsed only to locate an error. */
function cachedSource(file: string, text: () => string, entry: Entry, key: string): YamlSource {
  let parsed: YamlSource | undefined;
  const full = (): YamlSource => (parsed ??= readYaml(file, text()));
  const src: YamlSource = {
    file,
    data: entry.data,
    prechecked: true,
    get doc() {
      return full().doc;
    },
    get lc() {
      return full().lc;
    },
    locate(path) {
      if (path.length === 2 && path[0] === 'rules' && typeof path[1] === 'number' && entry.rules[path[1]]) {
        const [line, column] = entry.rules[path[1]];
        return { line, column };
      }
      return full().locate(path);
    },
    error(path, message) {
      return full().error(path, message);
    },
  };
  built.set(src, { key, pasted: entry.pasted });
  return src;
}

/**
 * Read a rule pack from its text, or its bytes (decoded only if parsed): from the build's
 * store when `file` is a built-in pack whose text is unchanged, else parsed and validated
 * (throws located errors).
 */
export function readPack(
  file: string,
  display: string,
  content: string | Buffer,
  rulesDir: string,
  s: Store | null = loadStore(),
): YamlSource {
  const text = (): string => (typeof content === 'string' ? content : content.toString('utf8'));
  const key = keyOf(rulesDir, file);
  const entry = file.startsWith(rulesDir) ? s?.packs[key] : undefined;
  if (entry && entry.hash === hashOf(content)) return cachedSource(display, text, entry, key);
  const src = readYaml(display, text());
  if (src.data != null) validateYaml(src, packSchema(), 'rule pack');
  return src;
}

/**
 * The store for a rules directory (run by the build): every valid pack file's data, with
 * fragments pasted in, and its rule positions.
 */
export function buildStore(rulesDir: string, files: string[]): Store {
  const packs: Record<string, Entry> = {};
  const sources = new Map<YamlSource, string>();
  for (const file of files) {
    const bytes = readFileSync(file);
    let src: YamlSource;
    try {
      src = readYaml(file, bytes.toString('utf8'));
      if (src.data == null) continue;
      validateYaml(src, packSchema(), 'rule pack');
    } catch {
      continue; // a broken pack is not stored; at run time it is parsed and its error reported
    }
    const rules = ((src.data as { rules?: unknown[] }).rules ?? []).map((_, i): [number, number] => {
      const p = src.locate(['rules', i]);
      return [p.line, p.column];
    });
    packs[keyOf(rulesDir, file)] = { hash: hashOf(bytes), data: src.data, rules };
    sources.set(src, keyOf(rulesDir, file));
  }
  try {
    const fragments = new Fragments();
    for (const src of sources.keys()) fragments.define(src, fragmentsOf(src));
    fragments.resolve(true);
    for (const [src, key] of sources) {
      const used = new Set<YamlSource>();
      const data = expandPack(src, src.data as object, fragments, used);
      if (used.size) packs[key] = { ...packs[key], data, pasted: [...used].map((u) => sources.get(u)!) };
    }
  } catch {
    // a broken fragment: files not pasted yet stay as written, and the run reports the error
  }
  return { format: 1, packs };
}
