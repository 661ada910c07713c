// What a run did not check, and who said so: findings suppressed by directives (file:line
// of each) and by the baseline, directives --no-inline-config ignored, config keys that
// switch rules, categories or packs off (config file:line), ignore globs that left files
// out (how many), extensions that leave out the common draft types, and nested configs.
// A gate that can be switched off silently is no gate; every format prints this report
// (src/formatters/gate.ts), one line by default and item by item with --report-suppressions.
import { relative, sep } from 'node:path';
import { isIgnoredBy } from '../globs.js';
import type { FileResult } from '../types.js';
import { COMMON_DRAFT_EXTENSIONS, type Config, type ConfigSwitch } from './config.js';

/** A place the report points at: a file (relative to the working directory, "/"-separated) and a line. */
export interface GatePlace {
  file: string;
  line?: number;
}

export interface GateDirective extends GatePlace {
  line: number;
  kind: string;
  /** Rule ids and categories it names; empty: every rule. */
  rules: string[];
  suppressed: number;
  ignored: boolean;
}

export interface GateSetting extends GatePlace {
  line: number;
  kind: 'rule' | 'category' | 'pack' | 'extensions';
  name: string;
  /** How many rules it switches off (rule: 1; extensions: 0). */
  rules: number;
  /** Extensions: the common draft types it leaves out. */
  leavesOut?: string[];
}

export interface GateIgnore extends GatePlace {
  /** Absent for --ignore-pattern. */
  line?: number;
  glob: string;
  files: number;
}

export interface GateReport {
  suppressed: { directives: number; baseline: number };
  /** Safe Harbor identifiers no running rule covers (of 18), when any (phi-lint rules --coverage). */
  uncovered?: number;
  /** Findings the config's allow: entries covered, by config file. */
  allowed?: { file: string; count: number }[];
  directives: GateDirective[];
  baseline?: { file: string; byFile: { file: string; count: number }[] };
  settings: GateSetting[];
  ignored: GateIgnore[];
  /** Configs other than the one where phi-lint runs that governed drafts, and how many. */
  nested: { file: string; drafts: number }[];
}

export interface GateInput {
  cwd: string;
  results: FileResult[];
  /** The config that governed a draft, and the rules it could have run. */
  setupOf(path: string): { config: Config; rules: readonly RuleInfo[] };
  /** The config where phi-lint runs (or the one given with --config), and its rules. */
  base: { config: Config; rules: readonly RuleInfo[] };
  /** The baseline file given with --baseline. */
  baseline?: string;
  /** Drafts that ignore: globs left out, with the config whose globs did. */
  ignoredFiles: { path: string; config: Config }[];
}

const show = (path: string, cwd: string): string => (relative(cwd, path) || path).split(sep).join('/');

type RuleInfo = { id: string; pack: string; category: string };

/** How many rules a switch turns off. */
function rulesOff(s: ConfigSwitch, rules: readonly RuleInfo[]): number {
  if (s.kind === 'rule') return 1;
  if (s.kind === 'category') return rules.filter((r) => r.category === s.name).length;
  if (s.kind === 'pack') return rules.filter((r) => r.pack === s.name).length;
  return 0;
}

export function gateReport(input: GateInput): GateReport {
  const { cwd, results } = input;
  const report: GateReport = {
    suppressed: { directives: 0, baseline: 0 },
    directives: [],
    settings: [],
    ignored: [],
    nested: [],
  };
  const byBaseline = new Map<string, number>();
  const configs = new Map<Config, { drafts: number; rules: readonly RuleInfo[] }>();
  const base = input.base.config;
  configs.set(base, { drafts: 0, rules: input.base.rules });
  for (const r of results) {
    const file = show(r.filePath, cwd);
    for (const f of r.suppressed ?? []) {
      const allow = f.suppressions.find((s) => s.kind === 'allow');
      if (allow) {
        const from = /\(([^()]*)\)$/.exec(allow.justification)?.[1] ?? 'the config';
        report.allowed ??= [];
        const known = report.allowed.find((a) => a.file === from);
        if (known) known.count++;
        else report.allowed.push({ file: from, count: 1 });
      } else if (f.suppressions.some((s) => s.kind === 'baseline')) {
        report.suppressed.baseline++;
        byBaseline.set(file, (byBaseline.get(file) ?? 0) + 1);
      } else report.suppressed.directives++;
    }
    for (const d of r.directives ?? []) {
      const { line, kind, rules, suppressed } = d;
      report.directives.push({ file, line, kind, rules, suppressed, ignored: !!d.ignored });
    }
    if (r.filePath === '<stdin>') continue;
    const setup = input.setupOf(r.filePath);
    const seen = configs.get(setup.config) ?? { drafts: 0, rules: setup.rules };
    seen.drafts++;
    configs.set(setup.config, seen);
  }
  if (input.baseline && report.suppressed.baseline) {
    const byFile = [...byBaseline].map(([file, count]) => ({ file, count }));
    report.baseline = { file: show(input.baseline, cwd), byFile };
  }
  const seenSettings = new Set<string>();
  for (const [config, { drafts, rules }] of configs) {
    if (!config.file) continue;
    if (config.file !== base.file && base.file && drafts) {
      const known = report.nested.find((n) => n.file === show(config.file!, cwd));
      if (known) known.drafts += drafts;
      else report.nested.push({ file: show(config.file, cwd), drafts });
    }
    if (config !== base && !drafts) continue;
    const exts = config.extensions.map((x) => x.toLowerCase());
    for (const s of config.switches) {
      if (s.kind === 'ignore') continue;
      // a parent's setting is inherited by every nested config below it: said once
      const file = show(s.file ?? config.file, cwd);
      const key = `${file}\0${s.line}\0${s.kind}\0${s.name}`;
      if (seenSettings.has(key)) continue;
      seenSettings.add(key);
      const setting: GateSetting = { file, line: s.line, kind: s.kind, name: s.name, rules: rulesOff(s, rules) };
      if (s.kind === 'extensions') setting.leavesOut = COMMON_DRAFT_EXTENSIONS.filter((e) => !exts.includes(e));
      report.settings.push(setting);
    }
  }
  // Which glob left each ignored draft out (the first that matches it).
  const globs = new Map<string, GateIgnore>();
  for (const { path, config } of input.ignoredFiles) {
    const byGlob = (x: ConfigSwitch): boolean =>
      x.kind === 'ignore' && isIgnoredBy(path, { dir: config.dir, ignore: [x.match ?? x.name] });
    const s = config.switches.find(byGlob);
    if (!s || !config.file) continue;
    const file = s.file ?? config.file;
    const key = `${file}\0${s.line}\0${s.name}`;
    const g = globs.get(key) ?? { file: show(file, cwd), line: s.line, glob: s.name, files: 0 };
    g.files++;
    globs.set(key, g);
  }
  report.ignored = [...globs.values()];
  return report;
}

/** Is there anything to say? */
export function gateIsEmpty(r: GateReport): boolean {
  const { directives, baseline } = r.suppressed;
  if (directives || baseline || r.allowed?.length || r.uncovered) return false;
  return !r.directives.length && !r.settings.length && !r.ignored.length && !r.nested.length;
}

/**
 * Split targets into those to lint and those a config's ignore: globs leave out. As in
 * ESLint, a path named on the command line is left out too (the caller gives a notice).
 */
export function splitIgnored<T extends { path: string; error?: string }>(
  targets: T[],
  config: Config,
): { kept: T[]; ignored: string[] } {
  const kept: T[] = [];
  const ignored: string[] = [];
  for (const t of targets) {
    if (t.error || !config.ignore.length || !isIgnoredBy(t.path, config)) kept.push(t);
    else ignored.push(t.path);
  }
  return { kept, ignored };
}
