// Linting one file of a run: read its bytes (disk, the index or standard input), decode them,
// send the text through the one draft pipeline (draft.ts) under the file's setup, turn what
// goes wrong into that file's error, and — with --fix or --fix-dry-run — rewrite or diff it.
// Shared by lintFiles and the worker threads (worker.ts).
import { createHash } from 'node:crypto';
import { commentFromSpec } from '../comments/export.js';
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { readBaseline } from '../baseline/baseline.js';
import type { Config } from '../config/config.js';
import type { Document } from '../documents/document.js';
import {
  BinaryFileError,
  binaryByName,
  decode,
  decodeDraft,
  MARKDOWN_EXTENSIONS,
  unreadableDocument,
} from '../documents/load.js';
import { PhiLintError } from '../errors.js';
import type { FixOutcome } from '../fix/fix-file.js';
import { isIgnoredBy } from '../globs.js';
import { CONSENT_WARN_DAYS, type LintOptions } from '../io.js';
import { readDraft } from '../read-draft.js';
import type { DraftKind, FileResult } from '../types.js';
import { kindOf, lintDraft, planFixesFor, type PipelineOptions } from './draft.js';
import type { FileSetup, Session } from './session.js';

/** What --fix and --fix-dry-run did over a run. */
export interface FixTally {
  /** Unified diffs (--fix-dry-run), in file order. */
  diffs: string[];
  /** Findings --fix removed, and in how many files. */
  fixed: { findings: number; files: number };
  /** Files --fix could not write, with why. */
  fixErrors: string[];
  /** Findings left with a suggestion --fix does not apply (it would leave a placeholder). */
  suggestions: number;
}

export interface FileLinter {
  /** The config where the run stands (whose ignore globs expanded the targets). */
  base: Config;
  /** The kind a file is fixed to (draft.ts kindOf with --kind). */
  kindOf(path: string, config: Config): DraftKind | undefined;
  lintOne(
    path: string,
    buf: Buffer,
    setup: FileSetup,
    kind: DraftKind | undefined,
    format?: 'md' | 'txt',
  ): Promise<FileResult>;
  /** Formats that show clean drafts need their text (see SHOW_CLEAN_DRAFTS). */
  keepSources: boolean;
  /** Read and lint a draft from disk (or the index); undefined when its own config ignores it. */
  lintPath(path: string, readStaged?: (path: string) => Promise<Buffer>): Promise<FileResult | undefined>;
}

/** Formats that print clean drafts' text as well (the HTML report's "Show the draft"). */
const SHOW_CLEAN_DRAFTS = new Set(['html']);

/** The review given with --in-reply-to, read once per run. */
function readReview(opts: LintOptions, cwd: string, columns: Record<string, string>): string | undefined {
  if (!opts.inReplyTo) return undefined;
  try {
    // export.csv#123: the comment with that id (or row) of an export (src/comments/export.ts)
    const comment = commentFromSpec(opts.inReplyTo, (p) => resolve(cwd, p), columns);
    return comment ?? decode(readFileSync(resolve(cwd, opts.inReplyTo)));
  } catch (e) {
    if (e instanceof PhiLintError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new PhiLintError(`cannot read the review given with --in-reply-to (${why})`, opts.inReplyTo);
  }
}

/** Everything that lints one draft of this run (shared by lintFiles and the worker threads). */
export function fileLinter(
  opts: LintOptions,
  cwd: string,
  today: string,
  session: Session,
  tally?: FixTally,
): FileLinter {
  const review = readReview(opts, cwd, session.base().config.comments.columns);
  const baseline = opts.baseline && !opts.writeBaseline ? readBaseline(resolve(cwd, opts.baseline)) : undefined;
  // Formats that show clean drafts too need every source; the others quote only drafts with findings.
  const keepSources = [opts.format, ...(opts.outputs ?? []).map((o) => o.format)].some((f) => SHOW_CLEAN_DRAFTS.has(f));
  const fileKind = (path: string, config: Config): DraftKind | undefined => kindOf(opts.kind, path, config);
  const base = session.base().config;
  // A file the user named, or with a draft's extension, is linted or is an error: never skipped as binary.
  const named = new Set(opts.patterns.map((p) => resolve(cwd, p)));
  const draftByName = (path: string, config: Config): boolean => {
    const ext = extname(path).toLowerCase();
    if (ext === '.txt' || MARKDOWN_EXTENSIONS.includes(ext)) return true;
    return config.extensions.some((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase() === ext);
  };
  const lintDraftFile: FileLinter['lintOne'] = async (path, buf, setup, kind, format) => {
    const mustLint = opts.useStdin || named.has(path) || draftByName(path, setup.config);
    const pipeline: PipelineOptions = {
      setup,
      today,
      cwd,
      baseline,
      review,
      reportUnused: opts.reportUnusedDirectives,
      inlineConfig: opts.inlineConfig,
      consentWarnDays: opts.consentWarnDays ?? CONSENT_WARN_DAYS,
    };
    const ctx: FileContext = { pipeline, keepSources, mustLint };
    const first = await lintBuffer(path, buf, kind, ctx, format);
    if (!first.doc || !(opts.fix || opts.fixDryRun) || !tally) return first.result;
    const { fixDraft } = await import('../fix/fix-file.js');
    const outcome: FixOutcome = await fixDraft(path, buf, first.doc, first.result, {
      write: !!opts.fix,
      root: setup.config.file ? setup.config.dir : cwd,
      cwd,
      mask: opts.mask,
      plan: (doc, findings) => planFixesFor(doc, findings, setup),
      relint: async (text) => (await lintBuffer(path, Buffer.from(text, 'utf8'), kind, ctx, format)).result,
    });
    if (outcome.diff) tally.diffs.push(outcome.diff);
    if (outcome.error) tally.fixErrors.push(`${path}: ${outcome.error}`);
    tally.suggestions += outcome.result.findings.filter((f) => f.suggestions?.length).length;
    if (outcome.fixedCount) {
      tally.fixed.findings += outcome.fixedCount;
      tally.fixed.files++;
    }
    return outcome.result;
  };
  // --audit-log records the SHA-256 of the bytes each draft was checked in
  const lintOne: FileLinter['lintOne'] = opts.auditLog ? withSha256(lintDraftFile) : lintDraftFile;
  const lintPath: FileLinter['lintPath'] = async (path, readStaged) => {
    const setup = session.forFile(path);
    const { config } = setup;
    if (!opts.noIgnore && config !== base && config.ignore.length && isIgnoredBy(path, config)) return undefined;
    const binary = binaryByName(path);
    if (binary) {
      // named on the command line: never a silent pass (issue 15.8)
      if (named.has(path) && unreadableDocument(path))
        return { filePath: path, findings: [], fatal: `${binary}: export it as text or Markdown and lint that` };
      return { filePath: path, findings: [], skipped: binary };
    }
    let buf: Buffer;
    if (readStaged) {
      try {
        buf = await readStaged(path);
      } catch (e) {
        return { filePath: path, findings: [], fatal: `cannot read the staged content (${(e as Error).message})` };
      }
    } else {
      const read = readDraft(path);
      if ('error' in read) return { filePath: path, findings: [], fatal: read.error };
      buf = read.buf;
    }
    return lintOne(path, buf, setup, fileKind(path, config));
  };
  return { base, kindOf: fileKind, lintOne, lintPath, keepSources };
}

interface FileContext {
  pipeline: PipelineOptions;
  /** Keep the text of drafts without findings (for formats that show them). */
  keepSources: boolean;
  /** Named by the user or named like a draft: bytes that are not text are an error, not a skip. */
  mustLint: boolean;
}

/** Lint one file's bytes: decode, then the draft pipeline; what goes wrong is this file's error. */
async function lintBuffer(
  path: string,
  buf: Buffer,
  kind: DraftKind | undefined,
  ctx: FileContext,
  format?: 'md' | 'txt',
): Promise<{ result: FileResult; doc?: Document }> {
  let text: string;
  let notice: string | undefined;
  try {
    ({ text, notice } = decodeDraft(buf));
  } catch (e) {
    if (e instanceof BinaryFileError) {
      const fatal = `${e.message}: not linted (a draft must be text)`;
      if (ctx.mustLint) return { result: { filePath: path, findings: [], fatal } };
      return { result: { filePath: path, findings: [], skipped: e.message } };
    }
    throw e;
  }
  const withNotice = notice ? { notice } : {};
  let linted;
  try {
    linted = await lintDraft({ path, text, kind, format }, ctx.pipeline);
  } catch (e) {
    // A rule that ran out of time on this draft (matchers/budget.ts) is this file's error,
    // naming the rule; the other drafts are still linted.
    if (e instanceof PhiLintError) {
      return { result: { filePath: path, findings: [], fatal: e.toString(), ...withNotice } };
    }
    // A bug met on one draft must not cost the report on the others: it is this file's
    // error (exit 2), with enough to report it, and never the draft's text.
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const fatal = `internal error while linting this file (${msg.slice(0, 200)}); please report it`;
    return { result: { filePath: path, findings: [], fatal, ...withNotice } };
  }
  const { doc, findings, suppressed, directives } = linted;
  // The source is kept only where a formatter will quote it: a clean file's text is dropped
  // at once, so memory does not grow with the number of drafts.
  const source = ctx.keepSources || findings.length || suppressed.length ? text : undefined;
  const uses = directives.length ? { directives } : {};
  const extra = { ...(suppressed.length ? { suppressed } : {}), ...uses, ...withNotice };
  return { result: { filePath: path, findings, source, ...extra }, doc };
}

function withSha256(lint: FileLinter['lintOne']): FileLinter['lintOne'] {
  return async (path, buf, ...rest) => {
    const r = await lint(path, buf, ...rest);
    return { ...r, sha256: createHash('sha256').update(buf).digest('hex') };
  };
}
