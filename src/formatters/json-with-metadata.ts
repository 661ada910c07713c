// ESLint's `json-with-metadata`: the JSON report as `results`, and `metadata` about the run —
// phi-lint's version, start and end time (UTC), the command line, git commit and branch, the
// SHA-256 of the effective configuration and of each rule pack, what was suppressed or
// switched off, and `rulesMeta` (each rule's description and page).
import { ruleHelpUri, ruleTitle } from '../handbook/rule-docs.js';
import { describeGate } from './gate.js';
import { json } from './json.js';
import type { Formatter } from './types.js';

export const jsonWithMetadata: Formatter = (results, opts) => {
  const { gate, ...rest } = opts;
  const gateText = gate ? describeGate(gate.report, gate.detailed) : undefined;
  const rulesMeta = Object.fromEntries(
    [...opts.rules.values()].map((r) => {
      const docs = { description: ruleTitle(r.message), url: ruleHelpUri(r) };
      return [r.id, { type: 'problem', docs }];
    }),
  );
  const metadata = {
    tool: 'phi-lint',
    version: opts.version,
    ...(opts.run ?? {}),
    ...(gateText ? { suppressed: { summary: gateText.summary, details: gateText.details } } : {}),
    rulesMeta,
  };
  return `${JSON.stringify({ results: JSON.parse(json(results, rest)) as unknown, metadata })}\n`;
};
