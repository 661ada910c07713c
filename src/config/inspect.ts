// What a run would use, without linting: --print-config FILE (the effective config for a
// draft, after the cascade, extends: and overrides:), --debug (which config files and rule
// packs each draft used) and --list-files (what would be linted).
import { relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import type { Config } from './config.js';

const show = (path: string, cwd: string): string => (relative(cwd, path) || path).split(sep).join('/');

/** The effective config for one draft as YAML, with where it came from in comments. */
export function printConfig(config: Config, path: string, kind: string | undefined, cwd: string): string {
  const files = config.files ?? (config.file ? [config.file] : []);
  const head = [
    `# effective config for ${show(resolve(cwd, path), cwd)}`,
    files.length ? '# config files (outermost first):' : '# no config file: the defaults',
    ...files.map((f) => `# ${show(f, cwd)}`),
  ];
  const { name, ...lists } = config.practice;
  const body = {
    kind: kind ?? 'front matter kind:, else post',
    practice: { ...(name === undefined ? {} : { name }), ...lists },
    allow: config.allow,
    rules: config.rules,
    categories: config.categories,
    packs: config.packs,
    kinds: config.kinds,
    ignore: config.ignore,
    extensions: config.extensions,
    'rule-dirs': config.ruleDirs.map((d) => show(d, cwd)),
    ...(config.consents ? { consents: show(config.consents, cwd) } : {}),
    directives: { 'require-reason': config.directives.requireReason, 'report-unused': config.directives.reportUnused },
    fix: { 'reply-template': config.fix.replyTemplate },
    ...(config.unpublishedKeys ? { 'front-matter': { unpublished: config.unpublishedKeys } } : {}),
    consent: { 'max-validity': config.consent.maxValidity },
    ...(config.overrides.length ? { overrides: config.overrides } : {}),
  };
  return `${head.join('\n')}\n${stringify(body)}`;
}

/** --debug lines: the config files each draft used, and every rule pack read. */
export function debugLines(
  files: string[],
  setupOf: (path: string) => { config: Config; packs: string[] },
  cwd: string,
): string[] {
  const out: string[] = [];
  const packs = new Set<string>();
  for (const f of files) {
    const { config, packs: p } = setupOf(f);
    const used = config.files ?? (config.file ? [config.file] : []);
    out.push(`${show(f, cwd)}: config ${used.length ? used.map((u) => show(u, cwd)).join(', ') : '(none: defaults)'}`);
    for (const x of p) packs.add(x);
  }
  for (const p of packs) out.push(`rule pack ${show(p, cwd)}`);
  return out.map((l) => `phi-lint: debug: ${l}\n`);
}

export { show as showPath };
