// What linting the files of a run produced, before it is reported (report.ts).
import type { Config } from '../config/config.js';
import type { GateIgnore } from '../config/gate-report.js';
import type { FileResult } from '../types.js';
import type { FixTally } from './file-linter.js';
import type { Session } from './session.js';

export interface LintRun extends FixTally {
  results: FileResult[];
  session: Session;
  /** Things to tell the user on standard error (a cache that could not be read or written). */
  notices: string[];
  /** Drafts --cache let through unlinted (unchanged since they linted clean). */
  cached: number;
  /** Drafts a config's ignore: globs left out, with that config (for the summary). */
  ignoredFiles: { path: string; config: Config }[];
  /** Drafts .phi-lintignore and --ignore-pattern left out, by where the pattern was written. */
  otherIgnored: GateIgnore[];
  /** --list-files: the drafts that would be linted. */
  listed?: string[];
}
