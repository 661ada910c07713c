// Worker threads for large runs. Each worker builds its own session (configs, compiled
// rules) and lints batches of paths handed out in order; results are put back in their
// slots, so the report is the same as a single thread's, in the same order. A worker costs
// a few hundred milliseconds to start (modules, rules), so threads are used only when there
// is enough to lint.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PhiLintError, PhiLintErrors } from './errors.js';
import type { LintOptions } from './io.js';
import type { FileResult } from './types.js';

/** What a worker thread needs to lint drafts as lintFiles would. */
export interface WorkerJob {
  opts: LintOptions;
  cwd: string;
  today: string;
}

/** Below this many drafts, or bytes, one thread finishes before workers would have started. */
const MIN_FILES = 32;
const MIN_BYTES = 2_000_000;
const MAX_THREADS = 8;
/**
 * A worker's heap: its young generation is kept small (V8 would size it for throughput),
 * so the whole process stays near the peak memory of one thread.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 };
/** Paths per message: small enough to balance the load, large enough to keep messages rare. */
const BATCH = 16;

/** Do these files hold at least `min` bytes (stopping as soon as they do)? */
export function atLeastBytes(paths: string[], min: number): boolean {
  let bytes = 0;
  for (const p of paths) {
    try {
      bytes += statSync(p).size;
    } catch {
      // reported when the file is read
    }
    if (bytes >= min) return true;
  }
  return false;
}

/** How many threads to lint these paths with (1: none). `requested` comes from --threads. */
export function threadCount(requested: number | undefined, paths: string[]): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, paths.length));
  const cores = availableParallelism();
  if (cores < 2 || paths.length < MIN_FILES) return 1;
  return atLeastBytes(paths, MIN_BYTES) ? Math.min(cores, MAX_THREADS) : 1;
}

export interface WorkerRequest {
  id: number;
  paths: string[];
}
export type WorkerReply = { id: number; results: (FileResult | undefined)[] } | { id: number; error: SerializedError };

export interface SerializedError {
  kind: 'PhiLintError' | 'PhiLintErrors' | 'Error';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  errors?: SerializedError[];
  stack?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof PhiLintErrors)
    return { kind: 'PhiLintErrors', message: e.message, errors: e.errors.map(serializeError) };
  if (e instanceof PhiLintError)
    return { kind: 'PhiLintError', message: e.message, file: e.file, line: e.line, column: e.column };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'Error', message: err.message, stack: err.stack };
}

export function deserializeError(s: SerializedError): Error {
  if (s.kind === 'PhiLintErrors')
    return new PhiLintErrors((s.errors ?? []).map((x) => deserializeError(x) as PhiLintError));
  if (s.kind === 'PhiLintError') return new PhiLintError(s.message, s.file, s.line, s.column);
  const err = new Error(s.message);
  if (s.stack) err.stack = s.stack;
  return err;
}

/**
 * Lint `paths` on `threads` threads — this one (with `lintHere`) and threads - 1 workers;
 * one result per path (undefined where the path's own config ignores it). An error (a
 * broken config met on the way) is thrown as the single-threaded run would: the one from
 * the earliest batch.
 */
export async function lintInWorkers(
  paths: string[],
  threads: number,
  job: WorkerJob,
  lintHere: (path: string) => Promise<FileResult | undefined>,
): Promise<(FileResult | undefined)[]> {
  const out: (FileResult | undefined)[] = new Array(paths.length);
  const batches: number[] = [];
  for (let i = 0; i < paths.length; i += BATCH) batches.push(i);
  let nextBatch = 0;
  let firstError: { batch: number; error: Error } | undefined;
  const fail = (batch: number, error: Error): void => {
    if (!firstError || batch < firstError.batch) firstError = { batch, error };
  };
  const take = (): number | undefined => (nextBatch < batches.length && !firstError ? nextBatch++ : undefined);
  const workers: Worker[] = [];
  const inWorker = (): Promise<void> =>
    new Promise<void>((resolveWorker, rejectWorker) => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: job,
        resourceLimits: WORKER_LIMITS,
      });
      workers.push(worker);
      let pending = false;
      const send = (): void => {
        const b = take();
        if (b === undefined) {
          void worker.terminate();
          resolveWorker();
          return;
        }
        pending = true;
        worker.postMessage({ id: b, paths: paths.slice(batches[b], batches[b] + BATCH) } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        pending = false;
        if ('error' in reply) fail(reply.id, deserializeError(reply.error));
        else reply.results.forEach((r, k) => (out[batches[reply.id] + k] = r));
        send();
      });
      worker.on('error', rejectWorker);
      worker.on('exit', (code) => {
        if (pending) rejectWorker(new Error(`a lint worker stopped (exit code ${code})`));
      });
      send();
    });
  const here = async (): Promise<void> => {
    for (let b = take(); b !== undefined; b = take()) {
      try {
        for (let i = batches[b]; i < Math.min(batches[b] + BATCH, paths.length); i++) out[i] = await lintHere(paths[i]);
      } catch (e) {
        fail(b, e as Error);
      }
      // let the workers' replies in, so they get their next batch without waiting for ours
      await new Promise((r) => setImmediate(r));
    }
  };
  try {
    await Promise.all([here(), ...Array.from({ length: Math.min(threads - 1, batches.length) }, inWorker)]);
  } finally {
    for (const w of workers) void w.terminate();
  }
  if (firstError) throw firstError.error;
  return out;
}
