// The benchmark's floor: what any linter must at least pay. Reads every draft under a
// directory and runs one combined regular expression (phone, e-mail, SSN-like and
// capitalised-name shapes) over it. phi-lint's time is reported as a multiple of this.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMBINED =
  /\(?\b[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\d{3}-\d{2}-\d{4}\b|\b[A-Z][a-z]+\s+[A-Z][a-z]+\b/g;

function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(?:md|markdown|txt)$/.test(e.name)) out.push(p);
  }
  return out;
}

let matches = 0;
let files = 0;
for (const f of walk(process.argv[2], []).sort()) {
  const text = readFileSync(f, 'utf8');
  files++;
  COMBINED.lastIndex = 0;
  while (COMBINED.exec(text)) matches++;
}
process.stdout.write(`${files} files, ${matches} matches\n`);
