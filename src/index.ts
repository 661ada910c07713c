// The package's entry point (`import { lintText } from 'phi-lint'`): the programmatic API.
export { createLinter, lintText, loadConfig } from './api.js';
export type {
  Config,
  DirectiveUse,
  DraftKind,
  Finding,
  Linter,
  LinterOptions,
  LintTextOptions,
  LintTextResult,
  Severity,
  SuppressedFinding,
} from './api.js';
