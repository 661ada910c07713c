#!/usr/bin/env node
// Thin shim: all logic lives in dist/cli.js (built from src/ by `npm run build`, run by `prepare`).
import { main } from '../dist/cli.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
