// The configs of a run and what each compiles to (rules, consent ledger), loaded once per
// config chain and cached by folder: the session a run, a worker thread or a subcommand reads
// its setups from. "The config where the run stands" (`base()`) is decided here only.
import { dirname, resolve } from 'node:path';
import { configChain, loadCascade, overridesFor, withOverrides, type LayerCache } from '../config/cascade.js';
import { emptyConfig, type Config } from '../config/config.js';
import { loadLedger, type ConsentLedger } from '../consent/ledger.js';
import { prepareRules, type Prepared } from '../engine/rule-set.js';

/** Everything that governs a file: its config, compiled rules and consent ledger. */
export interface FileSetup {
  config: Config;
  prepared: Prepared;
  ledger?: ConsentLedger;
  /** Every rule id (disabled ones too): what a directive may name. */
  ruleIds: ReadonlySet<string>;
  /** Rules that run only on replies (their findings call for the reply template). */
  replyRules: ReadonlySet<string>;
}

/** The setup of drafts a config governs: its rules compiled (plus `extra` packs) and its ledger read. */
export function setupOf(config: Config, extra: string[], opts: { builtin?: boolean } = {}): FileSetup {
  return setupFromRules(config, prepareRules(config, extra, opts));
}

/** A setup around rules prepared elsewhere (test-rules runs rules at their default severity). */
export function setupFromRules(config: Config, prepared: Prepared, opts: { ledger?: boolean } = {}): FileSetup {
  const rules = prepared.ruleSet.rules;
  return {
    config,
    prepared,
    ledger: opts.ledger === false ? undefined : loadLedger(config),
    ruleIds: new Set(rules.map((r) => r.id)),
    // tone warnings (rules/tone/) alone do not make --fix replace a reply with the template
    replyRules: new Set(rules.filter((r) => r.appliesTo === 'reply' && r.category !== 'tone').map((r) => r.id)),
  };
}

export interface Session {
  /** The config (and compiled rules) that governs a file: --config, else the nearest .phi-lint.yaml. */
  forFile(path: string): FileSetup;
  /** The setup where the run stands (the working directory's): whose ignore globs expand the targets. */
  base(): FileSetup;
  /** Every rule set prepared so far (for formatters that list rules). */
  all(): Prepared[];
  /** What the consent ledgers read so far say is wrong with them, without stopping the run (once each). */
  ledgerWarnings(): string[];
}

/** Standard input's path when it has no --stdin-filename: governed by the working directory's config. */
export const STDIN_PATH = '<stdin>';

export function createSession(opts: { config?: string; rules: string[] }, cwd: string): Session {
  const extra = opts.rules.map((r) => resolve(cwd, r));
  const byKey = new Map<string, FileSetup>();
  const byDir = new Map<string, string[]>();
  const layers: LayerCache = new Map();
  const load = (key: string, make: () => Config): FileSetup => {
    let hit = byKey.get(key);
    if (!hit) {
      hit = setupOf(make(), extra);
      byKey.set(key, hit);
    }
    return hit;
  };
  // --config: that file (and what it extends) alone; else the cascade of .phi-lint.yaml files
  const fixed = opts.config ? resolve(cwd, opts.config) : undefined;
  const chainOf = (dir: string): string[] => {
    let chain = byDir.get(dir);
    if (!chain) byDir.set(dir, (chain = configChain(dir, layers)));
    return chain;
  };
  const forDir = (dir: string): FileSetup => {
    const chain = fixed ? [fixed] : chainOf(dir);
    return load(chain.join('\0'), () => (chain.length ? loadCascade(chain, layers) : emptyConfig(cwd)));
  };
  forDir(cwd); // fail fast on a broken config where the user stands
  return {
    forFile(path) {
      if (path === STDIN_PATH) return forDir(cwd);
      const abs = resolve(cwd, path);
      const setup = forDir(dirname(abs));
      const which = overridesFor(setup.config, abs);
      if (!which.length) return setup;
      const key = `${fixed ? fixed : chainOf(dirname(abs)).join('\0')}#${which.join(',')}`;
      return load(key, () => withOverrides(setup.config, which));
    },
    base: () => forDir(cwd),
    all: () => [...byKey.values()].map((v) => v.prepared),
    ledgerWarnings: () => [...new Set([...byKey.values()].flatMap((v) => v.ledger?.warnings ?? []))],
  };
}
