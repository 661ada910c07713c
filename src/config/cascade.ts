// Config cascade, as ESLint's and markdownlint-cli2's: the .phi-lint.yaml files from a
// draft's folder up to the file system root (or the first with `root: true`) merge onto one
// another, parents first, so a nested config adds to the practice profile instead of losing
// it. `extends:` reads other files first, as if their keys were written in the config that
// extends them; `overrides:` change rules, categories, packs and the practice per glob.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';
import { PhiLintError } from '../errors.js';
import {
  CONFIG_NAMES,
  configFromRaw,
  emptyConfig,
  readConfigLayer,
  switchesOf,
  type Config,
  type ConfigLayer,
  type ConfigSwitch,
  type RawConfig,
  type RawOverride,
} from './config.js';

// Loaded on first use (start-up time), as in files.ts.
let pm: typeof Picomatch | undefined;
const picomatch = (): typeof Picomatch => (pm ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch);

/** Config files read in this run, by path (a cascade reads a parent once for all its children). */
export type LayerCache = Map<string, ConfigLayer>;

function layerOf(file: string, cache?: LayerCache): ConfigLayer {
  const key = resolve(file);
  let layer = cache?.get(key);
  if (!layer) {
    layer = readConfigLayer(file);
    cache?.set(key, layer);
  }
  return layer;
}

/** The config files that govern a folder, outermost first: up to the file system root, or the first `root: true`. */
export function configChain(from: string, cache?: LayerCache): string[] {
  const chain: string[] = [];
  let dir = resolve(from);
  for (;;) {
    const file = CONFIG_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
    if (file) {
      chain.unshift(file);
      if (layerOf(file, cache).raw.root === true) break;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return chain;
}

/**
 * A glob written relative to `from`, rewritten relative to `to` (a folder at or below
 * `from`), for the files under `to`; undefined when it can match none of them.
 */
export function rebaseGlob(glob: string, from: string, to: string): string | undefined {
  const negated = glob.startsWith('!');
  const body = (negated ? glob.slice(1) : glob).replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  const prefix = relative(from, to).split(sep).filter(Boolean);
  if (!prefix.length) return glob;
  const segs = body.split('/');
  let i = 0;
  for (const dir of prefix) {
    if (i >= segs.length) return undefined; // the glob names the folder itself (or above), not files in it
    const seg = segs[i];
    if (seg === '**') break;
    if (seg === dir || (picomatch().scan(seg).isGlob && picomatch()(seg, { dot: true })(dir))) i++;
    else return undefined;
  }
  const rest = segs.slice(i).join('/');
  if (!rest) return undefined;
  return `${negated ? '!' : ''}${rest}`;
}

function listOf(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

/** The layers of one config file with what it extends, extended files first. */
type Layered = { layer: ConfigLayer; base: string };

function withExtends(file: string, cache: LayerCache | undefined, seen: string[]): Layered[] {
  const abs = resolve(file);
  if (seen.includes(abs)) throw new PhiLintError(`extends: makes a loop (${[...seen, abs].join(' -> ')})`, file);
  const layer = layerOf(file, cache);
  const out: Layered[] = [];
  for (const ext of listOf(layer.raw.extends)) {
    const target = resolve(layer.dir, ext);
    if (!existsSync(target)) {
      throw layer.src.error(['extends'], `extends: "${ext}" does not exist`);
    }
    // an extended file's globs are read as if written in the config that extends it
    for (const x of withExtends(target, cache, [...seen, abs])) out.push({ layer: x.layer, base: layer.dir });
  }
  out.push({ layer, base: layer.dir });
  return out;
}

const uniq = (a: string[]): string[] => [...new Set(a)];

/** Merge `next` onto `acc`: lists add up, maps and single values are overridden key by key. */
function mergeRaw(acc: RawConfig, next: RawConfig): RawConfig {
  const out: RawConfig = { ...acc };
  const p0 = acc.practice ?? {};
  const p1 = next.practice ?? {};
  if (next.practice) {
    const lists = ['aliases', 'staff', 'phones', 'fax', 'emails', 'addresses', 'domains', 'handles'] as const;
    const practice: NonNullable<RawConfig['practice']> = { ...p0 };
    if (p1.name !== undefined) practice.name = p1.name;
    for (const k of lists) if (p1[k]) practice[k] = uniq([...(p0[k] ?? []), ...p1[k]]);
    out.practice = practice;
  }
  for (const k of ['rules', 'categories', 'packs', 'directives', 'fix', 'front-matter', 'consent', 'output'] as const) {
    if (next[k]) (out as Record<string, unknown>)[k] = { ...(acc[k] ?? {}), ...next[k] };
  }
  if (next.kinds) {
    out.kinds = {
      reply: uniq([...(acc.kinds?.reply ?? []), ...(next.kinds.reply ?? [])]),
      post: uniq([...(acc.kinds?.post ?? []), ...(next.kinds.post ?? [])]),
      comment: uniq([...(acc.kinds?.comment ?? []), ...(next.kinds.comment ?? [])]),
    };
  }
  if (next.comments) {
    out.comments = {
      severity: { ...(acc.comments?.severity ?? {}), ...(next.comments.severity ?? {}) },
      columns: { ...(acc.comments?.columns ?? {}), ...(next.comments.columns ?? {}) },
    };
  }
  for (const k of ['ignore', 'rule-dirs', 'allow'] as const) {
    if (next[k]) out[k] = uniq([...(acc[k] ?? []), ...next[k]]);
  }
  if (next.overrides) out.overrides = [...(acc.overrides ?? []), ...next.overrides];
  if (next.extensions) out.extensions = next.extensions;
  if (next.consents) out.consents = next.consents;
  return out;
}

/** A layer's settings with its paths made absolute and its globs relative to `dir`. */
function rebased(layer: ConfigLayer, base: string, dir: string): RawConfig {
  const raw = layer.raw;
  const globs = (list: string[] | undefined): string[] | undefined =>
    list?.flatMap((g) => rebaseGlob(g, base, dir) ?? []);
  const out: RawConfig = { ...raw };
  delete out.extends;
  delete out.root;
  if (raw.kinds) {
    out.kinds = { reply: globs(raw.kinds.reply), post: globs(raw.kinds.post), comment: globs(raw.kinds.comment) };
  }
  if (raw.ignore) out.ignore = globs(raw.ignore);
  if (raw['rule-dirs']) out['rule-dirs'] = raw['rule-dirs'].map((d) => resolve(layer.dir, d));
  if (raw.consents) out.consents = resolve(layer.dir, raw.consents);
  if (raw.overrides) {
    out.overrides = raw.overrides.flatMap((o) => {
      const files = globs(o.files) ?? [];
      return files.length ? [{ ...o, files }] : [];
    });
  }
  return out;
}

/** Where a layer's keys switch part of the gate off, with ignore globs as matched from `dir`. */
function layerSwitches(layer: ConfigLayer, base: string, dir: string): ConfigSwitch[] {
  const out: ConfigSwitch[] = [];
  for (const s of switchesOf(layer.src, layer.raw)) {
    if (s.kind !== 'ignore') out.push(s);
    else {
      const match = rebaseGlob(s.name, base, dir);
      if (match !== undefined) out.push({ ...s, match });
    }
  }
  (layer.raw.overrides ?? []).forEach((o, i) => {
    const add = (kind: ConfigSwitch['kind'], name: string, key: string): void => {
      out.push({ kind, name, line: layer.src.locate(['overrides', i, key, name]).line, file: layer.file });
    };
    for (const [id, sev] of Object.entries(o.rules ?? {})) if (sev === 'off') add('rule', id, 'rules');
    for (const [cat, sev] of Object.entries(o.categories ?? {})) if (sev === 'off') add('category', cat, 'categories');
    for (const [pack, on] of Object.entries(o.packs ?? {})) if (on === false) add('pack', pack, 'packs');
  });
  return out;
}

/**
 * The config from these files, outermost first (a cascade from configChain, or one file
 * given with --config), each with the files it extends. Globs end up relative to the
 * innermost file's folder, which is the config's `dir`.
 */
export function loadCascade(files: string[], cache?: LayerCache): Config {
  const last = files[files.length - 1];
  const dir = dirname(resolve(last));
  const layers = files.flatMap((f) => withExtends(f, cache, []));
  let raw: RawConfig = {};
  const switches: ConfigSwitch[] = [];
  for (const { layer, base } of layers) {
    raw = mergeRaw(raw, rebased(layer, base, dir));
    switches.push(...layerSwitches(layer, base, dir));
  }
  const config = configFromRaw(raw, last, dir, switches);
  config.files = uniq(layers.map((l) => l.layer.file));
  return config;
}

/** The indexes of a config's overrides that apply to a draft. */
export function overridesFor(config: Config, path: string): number[] {
  if (!config.overrides.length) return [];
  const rel = relative(config.dir, path).split(sep).join('/');
  const out: number[] = [];
  config.overrides.forEach((o, i) => {
    if (picomatch()(o.files, { dot: true })(rel)) out.push(i);
  });
  return out;
}

/** A config with some of its overrides applied (overridesFor). */
export function withOverrides(config: Config, which: number[]): Config {
  let raw: RawConfig = { practice: { ...config.practice } };
  for (const i of which) {
    const o: RawOverride = config.overrides[i];
    raw = mergeRaw(raw, { practice: o.practice, rules: o.rules, categories: o.categories, packs: o.packs });
  }
  const { fax, ...p } = raw.practice ?? {};
  return {
    ...config,
    practice: { ...config.practice, ...p, phones: uniq([...(p.phones ?? []), ...(fax ?? [])]) },
    rules: { ...config.rules, ...raw.rules },
    categories: { ...config.categories, ...raw.categories },
    packs: { ...config.packs, ...raw.packs },
  };
}

/** One config file with the files it extends (config/cascade.ts), without nested or parent configs. */
export function loadConfig(file: string | undefined, cwd: string): Config {
  if (!file) return emptyConfig(cwd);
  return loadCascade([file]);
}
