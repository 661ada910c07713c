import type { RunMeta } from '../audit/run-meta.js';
import type { GateReport } from '../config/gate-report.js';
import type { CompiledRule } from '../rules/rule.js';
import type { FileResult } from '../types.js';

export interface FormatOptions {
  /** Mask matched values (the default in CI and when output is not a terminal). */
  mask: boolean;
  color: boolean;
  cwd: string;
  rules: Map<string, CompiledRule>;
  version: string;
  /** What was suppressed, disabled or ignored (src/formatters/gate.ts); `detailed`: --report-suppressions. */
  gate?: { report: GateReport; detailed: boolean };
  /** The run: times, command line, git, config and pack hashes (for sarif and json-with-metadata). */
  run?: RunMeta;
}

/** A formatter is a pure function of the results. */
export type Formatter = (results: FileResult[], opts: FormatOptions) => string;
