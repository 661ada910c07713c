// `pattern:` detectors: a regular expression (with `flags`), whose named group (`group:`, or
// `(?<id>…)`) is the identifier. Run through the document's shared regex scan
// (regex/regex-scan.ts), which skips it where its literals show it cannot match.
import type { DetectorKind } from './kind.js';

const NAMED_ID = /\(\?<id>/;

export const pattern: DetectorKind = {
  name: 'pattern',
  schema: {
    pattern: { type: 'string', minLength: 1 },
    flags: { type: 'string', pattern: '^[imsu]*$' },
    group: { type: 'string', minLength: 1 },
  },
  doc:
    '| `pattern` (+ `flags`, `group`) | a regular expression; the named group (`group:`, or `(?<id>…)`) is the ' +
    'identifier. Patterns that can backtrack catastrophically (`(a+)+`) are refused when loaded |',
  compile(raw, det, c) {
    const source = raw.pattern as string;
    const group = raw.group as string | undefined;
    const written = ((raw.flags as string | undefined) ?? '').replace(/[gd]/g, '');
    const flags = `${written}g${group || NAMED_ID.test(source) ? 'd' : ''}`;
    c.lazy(det, 'regex', c.regex(['pattern'], source, flags));
    const budget = c.site(['pattern'], 'pattern');
    if (budget) det.budget = budget;
    if (group && !new RegExp(`\\(\\?<${group}>`).test(source)) {
      throw c.error(['group'], `pattern has no named group "${group}"`);
    }
    det.group = group ?? (NAMED_ID.test(source) ? 'id' : undefined);
    det.source = source;
    det.flags = flags;
  },
  detect: (det, { regexes }) => regexes.spans(det),
  describe: () => 'a pattern',
  plural: (n) => `${n} patterns`,
};
