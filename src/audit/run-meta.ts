// What a report says about its run (SARIF `invocations` and `versionControlProvenance`,
// `--format json-with-metadata`): start and end time, the command line, the git commit and
// branch, and the hashes of the configuration and rule packs. Paths and hashes only.
import type { Config } from '../config/config.js';
import type { RuleSet } from '../rules/rule.js';
import { configDigest, packDigests, type PackDigest } from './digest.js';
import { configFile } from './log.js';
import { gitInfo, type GitInfo } from './provenance.js';

export interface RunMeta {
  startTimeUtc: string;
  endTimeUtc: string;
  /** The command line as typed, `phi-lint` and its arguments quoted for a POSIX shell where needed. */
  commandLine: string;
  arguments: string[];
  git: GitInfo | null;
  config: { file: string | null; sha256: string };
  packs: PackDigest[];
}

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function runMeta(o: { argv: string[]; start: Date; cwd: string; config: Config; ruleSet: RuleSet }): RunMeta {
  return {
    startTimeUtc: o.start.toISOString(),
    endTimeUtc: new Date().toISOString(),
    commandLine: ['phi-lint', ...o.argv].map(shellQuote).join(' '),
    arguments: o.argv,
    git: gitInfo(o.cwd),
    config: { file: configFile(o.config, o.cwd), sha256: configDigest(o.config) },
    packs: packDigests(o.ruleSet, o.cwd),
  };
}
