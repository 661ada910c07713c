// The regular expressions a pack writes, compiled and refused when they may backtrack
// catastrophically (regex/safety.ts), with the error at their line and column.
import { checkRegexSafety, checkRegexShape } from '../regex/safety.js';
import type { YamlSource } from '../yaml-source.js';

/** `recheck`: run the safety analysis even on packs it passed at build time (the build itself does). */
export function compileRegex(src: YamlSource, path: (string | number)[], pattern: string, flags: string, recheck: boolean): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags);
  } catch (e) {
    throw src.error(path, `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (src.prechecked && !recheck) return re;
  const unsafe = checkRegexSafety(pattern, flags) ?? checkRegexShape(pattern, flags);
  if (unsafe) throw src.error(path, `regular expression may backtrack catastrophically (${unsafe}); rewrite it without nested or overlapping quantifiers`);
  return re;
}

/** A `/regex/flags` hotword entry must compile and be safe like a `pattern:`. */
export function checkHotwordRegex(src: YamlSource, path: (string | number)[], item: string, recheck: boolean): void {
  if (src.prechecked && !recheck) return;
  const m = /^\/(.+)\/([a-z]*)$/.exec(item);
  if (m) compileRegex(src, path, m[1], 'iu', recheck);
}
