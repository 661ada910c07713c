// The report's script, inlined into the page: report.js beside this file, a real file tools
// can read, copied to dist/ by the build (scripts/copy-assets.mjs). Filters (severity,
// category, draft, search), pins that open a finding's explanation in place, links between
// the text and the list, and print preparation. Plain DOM code, no dependencies, no network.
import { readFileSync } from 'node:fs';

export const REPORT_JS = `\n${readFileSync(new URL('./report.js', import.meta.url), 'utf8')}`;
