// --cache: remember which drafts linted clean, so an unchanged draft is not linted again
// (as ESLint's --cache, with its "content" strategy: a checkout that touches every file's
// modification time, as CI does, still hits).
//
// An entry is a pair of keyed hashes (HMAC-SHA-256): of the draft's path (relative to the
// cache's root) and of everything its result depends on — phi-lint's version, the rule
// packs' and config's text, the consent ledger, the options that change findings, today's
// date (consents expire) and the draft's bytes. The key is a secret kept outside the
// checkout (in the user cache folder, mode 0600), so a cache file committed to the
// repository cannot mark a draft clean: everything in a repository is known to whoever
// wrote it, the key is not. Only clean results are stored, so a hit means "no findings" and
// the file holds no path, text or finding: nothing in it is PHI (docs/security.md).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write.js';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The file's name in a directory given to --cache-location. */
export const DEFAULT_CACHE_FILE = '.phi-lint-cache';

/** The cache format: 2 since entries are keyed (format 1 held plain hashes anyone could compute). */
const FORMAT = 2;

interface CacheData {
  format: typeof FORMAT;
  /** HMAC(relative path) → HMAC(path, SHA-256 of everything the clean result depends on). */
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

/** The user cache folder: $XDG_CACHE_HOME, else ~/.cache (undefined when there is no home). */
export function userCacheDir(env: Record<string, string | undefined> = process.env): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return xdg;
  let home = env.HOME;
  try {
    home ||= homedir();
  } catch {
    // no home folder
  }
  return home ? join(home, '.cache') : undefined;
}

const KEY_BYTES = 32;

/** The key file of the user cache folder `dir`. */
export const keyFile = (dir: string): string => join(dir, 'phi-lint', 'key');

/**
 * The secret that keys cache entries: 32 random bytes in `<dir>/phi-lint/key`, readable by
 * its owner only, made on first use (atomically: two runs starting at once agree on one).
 * Throws when the folder cannot be made or the key read or written.
 */
export function cacheSecret(dir: string): Buffer {
  const file = keyFile(dir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const read = (): Buffer | undefined => {
    try {
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
      if (key.length < KEY_BYTES) return undefined;
      if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
      return key;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
  const existing = read();
  if (existing) return existing;
  const key = randomBytes(KEY_BYTES);
  const text = `${key.toString('base64url')}\n`;
  try {
    writeFileAtomic(file, text, { exclusive: true, mode: 0o600 }); // fails if another run made the key first
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const theirs = read();
    if (theirs) return theirs;
    writeFileAtomic(file, text, { mode: 0o600 }); // a damaged key: replace it
    return key;
  }
}

export class LintCache {
  private readonly data: CacheData;
  private readonly root: string;
  private changed = false;
  /** Why the cache file was not used, for a notice (unreadable, or not a phi-lint cache). */
  readonly problem?: string;

  /**
   * `file`: the cache file (a directory means `.phi-lint-cache` inside it, as ESLint does).
   * `secret`: the key (cacheSecret). `root`: what paths are relative to (default: the file's folder).
   */
  constructor(
    readonly file: string,
    /** Hash of what applies to every draft in this run: version, options, date. */
    private readonly runKey: string,
    private readonly secret: Buffer,
    root?: string,
  ) {
    try {
      if (statSync(file).isDirectory()) this.file = file = join(file, DEFAULT_CACHE_FILE);
    } catch {
      // does not exist yet
    }
    this.root = root ?? dirname(file);
    let data: CacheData = { format: FORMAT, clean: {} };
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheData>;
      if (parsed?.format === FORMAT && parsed.clean && typeof parsed.clean === 'object') {
        data = { format: FORMAT, clean: parsed.clean };
      } else this.problem = 'not a phi-lint cache of this version; starting a new one';
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        this.problem = `unreadable (${(e as NodeJS.ErrnoException).code ?? 'not JSON'}); starting a new one`;
    }
    this.data = data;
  }

  private sign(...parts: string[]): string {
    const h = createHmac('sha256', this.secret);
    for (const p of parts) h.update(p).update('\0');
    return h.digest('base64url');
  }

  private pathKey(path: string): string {
    return this.sign('path', relative(this.root, path).split(sep).join('/'));
  }

  /** The entry a draft's bytes give under `setupKey` (the hash of its config, rules and ledger). */
  entryOf(setupKey: string, buf: Buffer): string {
    return hashParts(this.runKey, setupKey, buf);
  }

  /** Did this draft, with these bytes and this setup, lint clean last time (by this key)? */
  isClean(path: string, entry: string): boolean {
    const key = this.pathKey(path);
    return Object.hasOwn(this.data.clean, key) && this.data.clean[key] === this.sign('entry', key, entry);
  }

  /** Record the result of linting a draft: clean (kept) or not (forgotten). */
  record(path: string, entry: string | undefined, clean: boolean): void {
    const key = this.pathKey(path);
    if (clean && entry) {
      const value = this.sign('entry', key, entry);
      if (this.data.clean[key] !== value) {
        this.data.clean[key] = value;
        this.changed = true;
      }
    } else if (Object.hasOwn(this.data.clean, key)) {
      delete this.data.clean[key];
      this.changed = true;
    }
  }

  /** Write the cache if it changed: to a temporary file beside it, then renamed over it. */
  save(): void {
    if (!this.changed) return;
    writeFileAtomic(this.file, JSON.stringify(this.data), { mkdir: true });
    this.changed = false;
  }
}

/** The cache file --cache-location names (a file, or a directory for .phi-lint-cache in it). */
export function cacheFile(cwd: string, location: string): string {
  return resolve(cwd, location);
}

/** The default cache file: in the user cache folder, one per working directory, never in the checkout. */
export function defaultCacheFile(dir: string, cwd: string): string {
  return join(dir, 'phi-lint', `cache-${hashParts(cwd).slice(0, 16)}.json`);
}
