// --shard I/N: a stable share of the files, so that N CI jobs each lint one part. A file's
// shard depends only on its path relative to the working directory, never on which other
// files exist, so every job agrees without talking to the others.
import { createHash } from 'node:crypto';
import { PhiLintError } from './errors.js';

export interface Shard {
  index: number; // 1-based
  total: number;
}

export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || index < 1 || index > total) {
    throw new PhiLintError(`--shard expects I/N with 1 <= I <= N (for example 2/4), got "${spec}"`);
  }
  return { index, total };
}

/** The 1-based shard a path (relative, "/"-separated) belongs to out of `total`. */
export function shardOf(relPath: string, total: number): number {
  const h = createHash('sha256').update(relPath).digest();
  return (h.readUInt32BE(0) % total) + 1;
}
