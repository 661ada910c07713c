// Reading a draft's bytes: one version of a regular file (never a FIFO, never a torn read),
// or standard input; and one clear phrase for each file-system error.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  statSync,
  type BigIntStats,
} from 'node:fs';

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** One clear phrase for a file-system error (the code alone means little to most users). */
export function describeFsError(e: NodeJS.ErrnoException | undefined, path?: string): string {
  switch (e?.code) {
    case 'ENOENT':
      if (path && isSymlink(path)) return 'broken symbolic link (its target does not exist)';
      return 'no such file or directory';
    case 'ELOOP':
      return 'symbolic link loop (too many levels of symbolic links)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case undefined:
      return `cannot read file (${e?.message ?? 'unknown error'})`;
    default:
      return `cannot read file (${e?.code})`;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Drafts larger than this are refused: no post or reply is this long, and reading it whole could exhaust memory. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

export interface ReadOptions {
  /** How many times to read a file that changes while it is read (default 3). */
  attempts?: number;
  /** Test hook: called after each read, before the file is checked for changes. */
  afterRead?: (attempt: number) => void;
}

const sameVersion = (a: BigIntStats, b: BigIntStats): boolean =>
  a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;

/**
 * Read a draft whole, or say why not. Only regular files are read (a FIFO or device named
 * by a glob would block or never end; O_NONBLOCK keeps even the open from blocking). A file
 * that changes while it is read (an editor saving, a sync client writing) is read again, so
 * what is linted is one version of the file, never half of two; if it keeps changing, the
 * run says so instead of linting a torn read.
 */
export function readDraft(path: string, opts: ReadOptions = {}): { buf: Buffer } | { error: string } {
  const attempts = opts.attempts ?? 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      return { error: describeFsError(e as NodeJS.ErrnoException, path) };
    }
    try {
      const before = fstatSync(fd, { bigint: true });
      if (!before.isFile()) return { error: 'not a regular file' };
      if (before.size > BigInt(MAX_DRAFT_BYTES))
        return {
          error: `file is larger than ${MAX_DRAFT_BYTES / 1024 / 1024} MB; drafts are never this large (add it to the config's ignore: list)`,
        };
      const buf = readFileSync(fd);
      opts.afterRead?.(attempt);
      const after = fstatSync(fd, { bigint: true });
      const now = statSync(path, { bigint: true, throwIfNoEntry: false });
      // Changed in place (size or time moved) or replaced (a rename put a new file at the path).
      if (sameVersion(before, after) && BigInt(buf.length) === after.size && (!now || sameVersion(after, now)))
        return { buf };
    } catch (e) {
      return { error: describeFsError(e as NodeJS.ErrnoException, path) };
    } finally {
      closeSync(fd);
    }
  }
  return { error: `the file changed while it was being read (${attempts} attempts); lint it again once it is saved` };
}
