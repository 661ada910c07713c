// How formatters name a file: relative to the working directory with "/" separators, so
// reports read the same on every machine and CI systems can map them to the repository.
import { isAbsolute, relative, sep } from 'node:path';

export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath; // '<stdin>'
  const rel = relative(cwd, filePath);
  return (rel || filePath).split(sep).join('/');
}

/** A relative URI reference for a display path: each segment percent-encoded. */
export function pathToUriReference(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
