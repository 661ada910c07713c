// Regular expressions as regexpp's AST, for the analyses of this folder (safety, prefilter).
// regexpp and regexp-ast-analysis are loaded on first use: the built-in packs were checked
// and analysed when phi-lint was built (rules/precompiled.ts, prefilter.ts), so a run with
// only those never loads them.
import { createRequire } from 'node:module';
import type { AST, RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';

const require = createRequire(import.meta.url);

let loaded: { parser: RegExpParser; visit: typeof visitRegExpAST } | undefined;

export function regexpp(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const lib = require('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
  loaded = { parser: new lib.RegExpParser({ ecmaVersion: 2024 }), visit: lib.visitRegExpAST };
  return loaded;
}

export type { AST };

/** The pattern's AST, read as RegExp reads it with these flags; undefined when regexpp refuses it. */
export function parsePattern(source: string, flags: string): AST.Pattern | undefined {
  try {
    const mode = { unicode: flags.includes('u'), unicodeSets: flags.includes('v') };
    return regexpp().parser.parsePattern(source, 0, source.length, mode);
  } catch {
    return undefined; // RegExp accepted it; regexpp's grammar is stricter in corners
  }
}
