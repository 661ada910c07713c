#!/usr/bin/env node
// Thin shim: all logic lives in dist/cli.js (built from src/ by `npm run build`, run by `prepare`).
import { setFlagsFromString } from 'node:v8';

// Compile each regular expression straight to machine code. By default V8 first compiles a
// regex to bytecode and recompiles it natively once it is used again, which for phi-lint's
// ~180 rule regexes costs more at startup than linting a draft (see README, Performance).
setFlagsFromString('--no-regexp-tier-up');

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv);
