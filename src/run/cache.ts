// --cache for a run: where the cache and its key live, whether they may be trusted (never
// a file a pull request could have written), and the cache keyed by everything a draft's
// result depends on besides its own bytes (src/cache/lint-cache.ts stores the entries).
import { commentFromSpec } from '../comments/export.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  cacheFile,
  cacheSecret,
  DEFAULT_CACHE_FILE,
  defaultCacheFile,
  hashFiles,
  hashParts,
  keyFile,
  LintCache,
  userCacheDir,
} from '../cache/lint-cache.js';
import { binaryByName } from '../documents/load.js';
import { isInside, realOrSelf, workTreeOf } from '../files.js';
import type { Io, LintOptions } from '../io.js';
import type { FileResult } from '../types.js';
import type { FileSetup, Session } from './session.js';

export interface RunCache {
  file: string;
  /** Which drafts linted clean before, unchanged; and each draft's entry, to record after linting. */
  lookup(paths: string[]): { hits: Set<string>; entries: Map<string, string> };
  /** Remember a result: only a clean one is kept. `entry` undefined: work it out from the file now. */
  record(path: string, r: FileResult | undefined, entry: string | undefined): void;
  save(): void;
}

/**
 * Why a cache may not be used, if it may not: a cache or key a pull request could have
 * written (tracked by git, or in the repository without --cache-location naming it).
 */
async function cacheRefusal(file: string, key: string, explicit: boolean, cwd: string): Promise<string | undefined> {
  const where = (f: string): string => relative(cwd, f) || f;
  const repo = workTreeOf(cwd);
  if (repo && !explicit && isInside(repo, file)) {
    const hint = 'name it with --cache-location to use it';
    return `cache ${where(file)} lies inside the repository: not used (everything is linted); ${hint}`;
  }
  if (repo && isInside(repo, key)) {
    const why = 'whoever can change the repository could forge entries';
    return `the cache key ${where(key)} lies inside the repository: --cache is off (${why}); everything is linted`;
  }
  if (existsSync(file) && workTreeOf(dirname(file)) && (await (await import('../git.js')).isTracked(file))) {
    const why = 'a cache in the repository could be forged';
    return `cache ${where(file)} is tracked by git: not used (${why}); everything is linted`;
  }
  return undefined;
}

/** The --cache of this run, keyed by what every draft's result depends on besides its own config and bytes. */
export async function openCache(
  opts: LintOptions,
  io: Io,
  today: string,
  session: Session,
  notices: string[],
): Promise<RunCache | undefined> {
  let review = '';
  try {
    const columns = session.base().config.comments.columns;
    const comment = opts.inReplyTo ? commentFromSpec(opts.inReplyTo, (p) => resolve(io.cwd, p), columns) : undefined;
    review = comment ?? (opts.inReplyTo ? readFileSync(resolve(io.cwd, opts.inReplyTo), 'utf8') : '');
  } catch {
    // reported by fileLinter
  }
  const inline = opts.inlineConfig === false ? 'no-inline' : '';
  const unused = opts.reportUnusedDirectives ? 'unused' : '';
  const runKey = hashParts(io.version, opts.kind ?? '', review, unused, today, inline);
  const dir = io.cacheDir ?? userCacheDir();
  if (!dir) {
    notices.push('--cache needs a user cache folder (set XDG_CACHE_HOME or HOME); everything is linted');
    return undefined;
  }
  const explicit = opts.cacheLocation !== undefined;
  let file = explicit ? cacheFile(io.cwd, opts.cacheLocation!) : defaultCacheFile(dir, realOrSelf(io.cwd));
  if (explicit && existsSync(file) && statSync(file).isDirectory()) file = join(file, DEFAULT_CACHE_FILE);
  const refused = await cacheRefusal(file, keyFile(dir), explicit, io.cwd);
  if (refused) {
    notices.push(refused);
    return undefined;
  }
  let secret: Buffer;
  try {
    secret = cacheSecret(dir);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    notices.push(`cannot use the cache key ${keyFile(dir)} (${why}); everything is linted`);
    return undefined;
  }
  const cache = new LintCache(file, runKey, secret, explicit ? undefined : io.cwd);
  if (cache.problem) notices.push(`cache ${relative(io.cwd, cache.file) || cache.file}: ${cache.problem}`);
  const setupKeys = new Map<FileSetup, string>();
  const setupKey = (setup: FileSetup): string => {
    let k = setupKeys.get(setup);
    if (k === undefined) {
      const packs = setup.prepared.ruleSet.packs.map((p) => resolve(process.cwd(), p.file));
      const configs = setup.config.files ?? [setup.config.file];
      setupKeys.set(setup, (k = hashFiles([...configs, setup.ledger?.file, ...packs])));
    }
    return k;
  };
  const entryOf = (path: string, setup: FileSetup): string | undefined => {
    try {
      return cache.entryOf(setupKey(setup), readFileSync(path));
    } catch {
      return undefined; // unreadable: linted (and reported) as usual
    }
  };
  return {
    file: cache.file,
    lookup(paths) {
      const hits = new Set<string>();
      const entries = new Map<string, string>();
      for (const p of paths) {
        if (binaryByName(p)) continue;
        const e = entryOf(p, session.forFile(p));
        if (e === undefined) continue;
        entries.set(p, e);
        if (cache.isClean(p, e)) hits.add(p);
      }
      return { hits, entries };
    },
    record(path, r, entry) {
      const quiet = !!r && !r.suppressed?.length && !r.directives?.length; // nothing hidden, nothing to summarize
      const clean = quiet && !r.findings.length && !r.fatal && !r.skipped && !r.notice;
      cache.record(path, clean ? (entry ?? entryOf(path, session.forFile(path))) : undefined, clean);
    },
    save() {
      try {
        cache.save();
      } catch (e) {
        notices.push(
          `could not write the cache ${relative(io.cwd, cache.file) || cache.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        );
      }
    },
  };
}
