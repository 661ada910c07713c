#!/usr/bin/env -S node --no-regexp-tier-up --max-semi-space-size=4 --heap-growing-percent=30
// Thin shim: all logic lives in dist/cli.js (built from src/ by `npm run build`, run by `prepare`).
//
// --no-regexp-tier-up, on the line above so that V8 has it from the start: compile each
// regular expression straight to machine code. By default V8 first compiles a regex to
// bytecode and compiles it again natively when it is used a second time, which for
// phi-lint's ~180 rule regexes costs more at start-up than linting a short draft (README,
// Performance). It must not be set later with v8.setFlagsFromString: a regex already
// compiled to bytecode would then be run as machine code (a crash).
// --max-semi-space-size=4 --heap-growing-percent=30: a small young generation and an old
// one that grows in smaller steps keep a 10 MB run near 200 MB of memory instead of ~290,
// at no cost in time (the drafts' garbage is short-lived).
// `node bin/phi-lint.js` works the same, without these flags.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
