// Writing a draft back (atomically: src/atomic-write.ts), with its encoding and BOM kept, and
// never through a symlink that leads out of the project.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { relative, isAbsolute, resolve } from 'node:path';

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** How a file's bytes were encoded (as documents/load.ts decodes them). */
export function encodingOf(buf: Buffer): Encoding {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8-bom';
  return 'utf8';
}

export function encode(text: string, enc: Encoding): Buffer {
  switch (enc) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
  }
}

export class UnsafeWriteError extends Error {}

/**
 * The file a write to `path` would change. When the path goes through a symlink (the file
 * or a folder on the way), it is followed only if the real file stays inside `root` (the
 * project: the governing config's folder, or the working directory).
 */
export function writeTarget(path: string, root: string): string {
  const st = lstatSync(path);
  if (!st.isSymbolicLink() && !st.isFile()) throw new UnsafeWriteError('not a regular file');
  const real = realpathSync(path);
  if (real === resolve(path)) return real; // no symlink on the way: the file named is the file written
  const realRoot = realpathSync(root);
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UnsafeWriteError(`it resolves to ${real}, outside the project (${realRoot}); not following the symlink`);
  }
  if (!statSync(real).isFile()) throw new UnsafeWriteError('the symlink does not lead to a regular file');
  return real;
}
