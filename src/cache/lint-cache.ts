// --cache: remember which drafts linted clean, so an unchanged draft is not linted again
// (as ESLint's --cache, with its "content" strategy: a checkout that touches every file's
// modification time, as CI does, still hits).
//
// An entry is a pair of hashes: of the draft's path (relative to the cache file) and of
// everything its result depends on — phi-lint's version, the rule packs' and config's text,
// the consent ledger, the options that change findings, today's date (consents expire) and
// the draft's bytes. Only clean results are stored, so a hit means "no findings" and the
// file holds no path, text or finding: nothing in it is PHI (see README, Security).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** The name used when --cache-location is not given (in the working directory). */
export const DEFAULT_CACHE_FILE = '.phi-lint-cache';

interface CacheData {
  /** phi-lint's cache format. */
  format: 1;
  /** sha256(relative path) → sha256(everything the clean result depends on). */
  clean: Record<string, string>;
}

/** SHA-256 of the parts, each followed by a NUL (so ["ab", "c"] and ["a", "bc"] differ). */
export function hashParts(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64url');
}

/** Hash of files' contents, read now (a missing file counts as empty: its absence is part of the key). */
export function hashFiles(files: readonly (string | undefined)[]): string {
  return hashParts(
    ...files.flatMap((f) => {
      if (!f) return ['-'];
      try {
        return [f, readFileSync(f)];
      } catch {
        return [f, '<unreadable>'];
      }
    }),
  );
}

export class LintCache {
  private readonly data: CacheData;
  private readonly root: string;
  private changed = false;
  /** Why the cache file was not used, for a notice (unreadable, or not a phi-lint cache). */
  readonly problem?: string;

  /** `file`: the cache file (a directory means `.phi-lint-cache` inside it, as ESLint does). */
  constructor(
    readonly file: string,
    /** Hash of what applies to every draft in this run: version, options, date. */
    private readonly runKey: string,
  ) {
    try {
      if (statSync(file).isDirectory()) this.file = file = join(file, DEFAULT_CACHE_FILE);
    } catch {
      // does not exist yet
    }
    this.root = dirname(file);
    let data: CacheData = { format: 1, clean: {} };
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheData>;
      if (parsed?.format === 1 && parsed.clean && typeof parsed.clean === 'object') data = { format: 1, clean: parsed.clean };
      else this.problem = 'not a phi-lint cache of this version; starting a new one';
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `unreadable (${(e as NodeJS.ErrnoException).code ?? 'not JSON'}); starting a new one`;
    }
    this.data = data;
  }

  private pathKey(path: string): string {
    return hashParts(relative(this.root, path).split(sep).join('/'));
  }

  /** The entry a draft's bytes give under `setupKey` (the hash of its config, rules and ledger). */
  entryOf(setupKey: string, buf: Buffer): string {
    return hashParts(this.runKey, setupKey, buf);
  }

  /** Did this draft, with these bytes and this setup, lint clean last time? */
  isClean(path: string, entry: string): boolean {
    return this.data.clean[this.pathKey(path)] === entry;
  }

  /** Record the result of linting a draft: clean (kept) or not (forgotten). */
  record(path: string, entry: string | undefined, clean: boolean): void {
    const key = this.pathKey(path);
    if (clean && entry) {
      if (this.data.clean[key] !== entry) {
        this.data.clean[key] = entry;
        this.changed = true;
      }
    } else if (key in this.data.clean) {
      delete this.data.clean[key];
      this.changed = true;
    }
  }

  /** Write the cache if it changed: to a temporary file beside it, then renamed over it. */
  save(): void {
    if (!this.changed) return;
    mkdirSync(this.root, { recursive: true });
    const tmp = join(this.root, `.${basename(this.file)}.${process.pid}.tmp`);
    try {
      writeFileSync(tmp, JSON.stringify(this.data));
      renameSync(tmp, this.file);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
      throw e;
    }
    this.changed = false;
  }
}

/** The cache file for --cache-location (default: .phi-lint-cache in the working directory). */
export function cacheFile(cwd: string, location?: string): string {
  return resolve(cwd, location ?? DEFAULT_CACHE_FILE);
}

