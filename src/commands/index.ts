// Subcommands, dispatched by cli.ts before the lint program: `phi-lint explain phi/phone`.
import type { SubCommand } from './common.js';
import { explain } from './explain.js';
import { init } from './init.js';
import { redact } from './redact.js';
import { rules } from './rules.js';
import { testRules } from './test-rules.js';

export const COMMANDS = { explain, rules, init, 'test-rules': testRules, redact } satisfies Record<string, SubCommand>;

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}
