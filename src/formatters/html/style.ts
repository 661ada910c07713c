// The report's stylesheet, inlined into the page (no external fonts or files): report.css
// beside this file, a real file tools can read, copied to dist/ by the build
// (scripts/copy-assets.mjs). Light and dark schemes, a phone layout, print and forced-colours
// rules. Every text colour pair is chosen for at least 4.5:1 contrast; the browser tests
// check the main ones.
import { readFileSync } from 'node:fs';

export const REPORT_CSS = `\n${readFileSync(new URL('./report.css', import.meta.url), 'utf8')}`;
