#!/usr/bin/env -S node --no-regexp-tier-up
// Thin shim: all logic lives in dist/cli.js (built from src/ by `npm run build`, run by `prepare`).
//
// --no-regexp-tier-up, on the line above so that V8 has it from the start: compile each
// regular expression straight to machine code. By default V8 first compiles a regex to
// bytecode and compiles it again natively when it is used a second time, which for
// phi-lint's ~180 rule regexes costs more at start-up than linting a short draft (README,
// Performance). It must not be set later with v8.setFlagsFromString: a regex already
// compiled to bytecode would then be run as machine code (a crash). `node bin/phi-lint.js`
// works the same, without the flag.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
