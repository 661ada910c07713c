#!/usr/bin/env node
// `prepare` (npm ci / npm install in a checkout, and installs from git): build dist/.
// `npm pack` and `npm publish` build in `prepack` instead, which npm runs just before
// `prepare` for them: building twice would only cost time.
import { spawnSync } from 'node:child_process';

if (['pack', 'publish'].includes(process.env.npm_command ?? '')) process.exit(0);
const npm = process.env.npm_execpath;
const r = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
