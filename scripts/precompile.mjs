#!/usr/bin/env node
// Build step (after tsc): parse and validate the built-in rule packs once, so a run reads
// them from dist/builtin-packs.json instead of parsing YAML (see src/rules/precompiled.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { BUILTIN_RULES_DIR, packFiles } = await import('../dist/rules/load.js');
const { buildStore, PRECOMPILED_FILE } = await import('../dist/rules/precompiled.js');
const store = buildStore(BUILTIN_RULES_DIR, packFiles(BUILTIN_RULES_DIR));
writeFileSync(fileURLToPath(PRECOMPILED_FILE), JSON.stringify(store));
