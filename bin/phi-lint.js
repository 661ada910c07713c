#!/usr/bin/env node
// Thin shim: all logic lives in dist/cli.js (built from src/ by `npm run build`, run by `prepare`).
import { setFlagsFromString } from 'node:v8';

// Two V8 tuning values, set before phi-lint's own code runs (README, Performance):
// - regexp-tier-up-ticks=0: compile each new regular expression once, straight to machine
//   code. By default V8 compiles a regex to bytecode first and again natively on its second
//   use, which for phi-lint's ~180 rule regexes costs more at start-up than linting a short
//   draft. (Not --no-regexp-tier-up: switching that off after start-up would run regexes
//   already compiled to bytecode as machine code, and crash.)
// - heap-growing-percent=30: the heap grows in smaller steps, keeping a 10 MB run near
//   200 MB instead of ~280 MB, at no cost in time (drafts leave short-lived garbage). Not for
//   one draft on standard input (`-`, `--stdin`): a reply pasted in never gets near that much
//   memory, and the smaller steps cost it an extra collection (~20 ms of a cold start).
// Both are read by V8 when it uses them, so setting them here is safe; a `#!` line with
// options would not work everywhere (`env -S` is missing on Alpine and in npm's Windows shims).
setFlagsFromString('--regexp-tier-up-ticks=0');
const args = process.argv.slice(2);
if (!args.includes('-') && !args.includes('--stdin')) setFlagsFromString('--heap-growing-percent=30');

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv);
