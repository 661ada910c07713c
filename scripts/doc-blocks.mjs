// Generated blocks inside hand-written docs pages: the text between `<!-- NAME:start -->` and
// `<!-- NAME:end -->` is written by a script (scripts/rules-table.mjs, scripts/gen-cli-docs.mjs)
// and tests/docs.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';

/** The generated block NAME of a page's text (trimmed), or undefined when it has no markers. */
export function readBlock(text, name) {
  const start = `<!-- ${name}:start -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(`<!-- ${name}:end -->`);
  return a < 0 || b < a ? undefined : text.slice(a + start.length, b).trim();
}

/** Rewrites the block NAME of FILE with CONTENT; throws when the markers are missing. */
export function writeBlock(file, name, content) {
  const text = readFileSync(file, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(`<!-- ${name}:end -->`);
  if (a < 0 || b < a) throw new Error(`${file} has no ${name}:start/${name}:end markers`);
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`);
}
