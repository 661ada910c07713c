#!/usr/bin/env node
// Build step (after tsc): copy the files of src/ that are not TypeScript — the HTML report's
// stylesheet and script (src/formatters/html/report.css, report.js) — to the same place in
// dist/, where the compiled modules read them.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

for (const file of walk(SRC).filter((f) => /\.(css|js)$/.test(f))) {
  const target = join(DIST, relative(SRC, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
