// --fix and --fix-dry-run for one draft: plan the edits, then either write the new text
// (atomically, same encoding, BOM and permissions, never through a symlink out of the
// project, never over a file that changed since it was read) or show them as a diff with
// the draft masked (as any masked output: formatters/mask.ts). Either way the draft is linted
// again, so the report shows what is left.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Document } from '../documents/document.js';
import { maskText } from '../formatters/mask.js';
import { isMetaRule } from '../meta-rules.js';
import type { FileResult, Finding } from '../types.js';
import { unifiedDiff } from './diff.js';
import { applyEdits } from './edits.js';
import { noteRewrite, startRewrites } from './interrupt.js';
import type { FixPlan } from './plan.js';
import { writeFileAtomic } from '../atomic-write.js';
import { encode, encodingOf, UnsafeWriteError, writeTarget } from './write.js';

export interface FixDraftOptions {
  /** false: dry run (diff only). */
  write: boolean;
  /** The project: a symlink may not lead outside it. */
  root: string;
  cwd: string;
  /** Mask values in the diff. */
  mask: boolean;
  plan: (doc: Document, findings: Finding[]) => FixPlan;
  /** Lint the fixed text (same path, kind and config). */
  relint: (text: string) => Promise<FileResult>;
}

export interface FixOutcome {
  result: FileResult;
  fixedCount: number;
  diff?: string;
  error?: string;
}

export async function fixDraft(
  path: string,
  buf: Buffer,
  doc: Document,
  result: FileResult,
  opts: FixDraftOptions,
): Promise<FixOutcome> {
  if (opts.write) {
    startRewrites();
    // Let the event loop run between drafts: a signal (interrupt.ts) is handled only there.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const plan = opts.plan(doc, result.findings);
  if (!plan.edits.length) return { result, fixedCount: 0 };
  const fixedText = applyEdits(doc.text, plan.edits);
  const name = path === '<stdin>' ? path : relative(opts.cwd, path).split('\\').join('/') || path;
  if (!opts.write) {
    // Masked, both sides show only safe words: values are `***`, the replacements (placeholders,
    // the reply template) are shown as they are, and what the edits leave is masked alike, so
    // unchanged lines compare equal.
    const values = [...result.findings, ...(result.suppressed ?? [])].filter(
      (f) => !isMetaRule(f.ruleId) && f.end > f.start,
    );
    const before = opts.mask ? maskText(doc.text, values) : doc.text;
    const after = opts.mask ? maskText(doc.text, values, plan.edits) : fixedText;
    return {
      result: await opts.relint(fixedText),
      fixedCount: plan.fixed.length,
      diff: await unifiedDiff(name, before, after),
    };
  }
  try {
    const target = writeTarget(path, opts.root);
    if (!readFileSync(target).equals(buf))
      return { result, fixedCount: 0, error: 'the file changed while it was being checked; run again' };
    writeFileAtomic(target, encode(fixedText, encodingOf(buf)));
    noteRewrite(name);
  } catch (e) {
    if (e instanceof UnsafeWriteError) return { result, fixedCount: 0, error: e.message };
    return {
      result,
      fixedCount: 0,
      error: `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  }
  return { result: await opts.relint(fixedText), fixedCount: plan.fixed.length };
}
