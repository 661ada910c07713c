// The one way phi-lint writes a file (a draft under --fix, the -o report, a baseline, the
// cache and its key, a new config): the bytes go to a new temporary file beside the target
// (a random name, created exclusively, so nothing planted there is written through), are
// flushed to disk, then renamed over the target — or, `exclusive`, linked to it, which fails
// if the target exists. A reader sees the old file or the new one, never part of either, and
// a failure leaves no temporary file behind.
import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** The new file's mode (default: the existing file's, else 0666 less the umask). */
  mode?: number;
  /** Fail with EEXIST when the target exists, instead of replacing it. */
  exclusive?: boolean;
  /** Create the target's folder first when it is missing. */
  mkdir?: boolean;
}

export function writeFileAtomic(path: string, data: string | Buffer, opts: AtomicWriteOptions = {}): void {
  const folder = dirname(path);
  if (opts.mkdir) mkdirSync(folder, { recursive: true });
  const tmp = join(folder, `.${basename(path)}.phi-lint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let mode = opts.mode;
  let owner: { uid: number; gid: number } | undefined;
  if (!opts.exclusive) {
    try {
      const st = statSync(path);
      mode ??= st.mode & 0o7777;
      owner = { uid: st.uid, gid: st.gid };
    } catch {
      // a new file
    }
  }
  const fd = openSync(tmp, 'wx', mode ?? 0o666);
  let done = false;
  try {
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(tmp, mode); // openSync's mode is filtered by the umask
    if (owner && process.getuid?.() === 0) {
      try {
        chownSync(tmp, owner.uid, owner.gid);
      } catch {
        // keep going: content matters more than ownership
      }
    }
    if (opts.exclusive) linkSync(tmp, path);
    else renameSync(tmp, path);
    done = !opts.exclusive;
  } finally {
    if (!done) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
}
