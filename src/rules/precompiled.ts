// Built-in rule packs, parsed and validated at build time. Parsing the shipped YAML (name and
// medical vocabularies run to thousands of lines) cost more than everything else at startup,
// so `npm run build` stores each pack file's data in dist/builtin-packs.json with a hash of
// its text, keyed by its path under rules/ (`post.yaml`, `phi/dates.yaml`); a file that
// still has that hash is read from there, any other file (edited since the build, or not
// built-in) is parsed and validated as usual. The YAML is parsed lazily only if an error
// must be located in a cached pack. The data is stored as written: `{{fragments}}` are pasted
// into patterns when the packs load (rules/fragments.ts), because a fragment may be defined in
// another file than the patterns that use it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { readYaml, validateYaml, type YamlSource } from '../yaml-source.js';
import { packSchema } from './schema.js';

export const PRECOMPILED_FILE = new URL('../builtin-packs.json', import.meta.url);

interface Entry {
  hash: string;
  data: unknown;
  /** Line and column of each rule (`rules.N`), for listings. */
  rules: [number, number][];
}
export interface Store {
  format: 1;
  packs: Record<string, Entry>;
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('base64');
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

/** A source whose data came from the build; the YAML is parsed only to locate an error. */
function cachedSource(file: string, text: string, entry: Entry): YamlSource {
  let parsed: YamlSource | undefined;
  const full = (): YamlSource => (parsed ??= readYaml(file, text));
  return {
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
}

/**
 * Read a rule pack: from the build's store when `file` is a built-in pack whose text is
 * unchanged, else parsed and validated (throws located errors).
 */
export function readPack(file: string, display: string, text: string, rulesDir: string, s: Store | null = loadStore()): YamlSource {
  const entry = file.startsWith(rulesDir) ? s?.packs[keyOf(rulesDir, file)] : undefined;
  if (entry && entry.hash === hashOf(text)) return cachedSource(display, text, entry);
  const src = readYaml(display, text);
  if (src.data != null) validateYaml(src, packSchema, 'rule pack');
  return src;
}

/** The store for a rules directory (run by the build): every valid pack's data and rule positions. */
export function buildStore(rulesDir: string, files: string[]): Store {
  const packs: Record<string, Entry> = {};
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let src: YamlSource;
    try {
      src = readYaml(file, text);
      if (src.data == null) continue;
      validateYaml(src, packSchema, 'rule pack');
    } catch {
      continue; // a broken pack is not stored; at run time it is parsed and its error reported
    }
    const rules = ((src.data as { rules?: unknown[] }).rules ?? []).map((_, i): [number, number] => {
      const p = src.locate(['rules', i]);
      return [p.line, p.column];
    });
    packs[keyOf(rulesDir, file)] = { hash: hashOf(text), data: src.data, rules };
  }
  return { format: 1, packs };
}
