// Subcommands, dispatched by cli.ts before the lint program: `phi-lint explain phi/phone`.
// Each is imported only when it runs, so linting does not pay for loading them.
import type { SubCommand } from './common.js';

const LOADERS = {
  explain: async () => (await import('./explain.js')).explain,
  rules: async () => (await import('./rules.js')).rules,
  init: async () => (await import('./init.js')).init,
  'test-rules': async () => (await import('./test-rules.js')).testRules,
  redact: async () => (await import('./redact.js')).redact,
  handbook: async () => (await import('./handbook.js')).handbook,
  audit: async () => (await import('./audit.js')).audit,
  consent: async () => (await import('./consent.js')).consent,
  comments: async () => (await import('./comments.js')).comments,
} satisfies Record<string, () => Promise<SubCommand>>;

export type CommandName = keyof typeof LOADERS;

/** The subcommands' names, in the order of their help (docs/cli.md lists each one's --help). */
export const COMMAND_NAMES = Object.keys(LOADERS) as CommandName[];

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(LOADERS, name);
}

export async function runCommand(name: CommandName, ...args: Parameters<SubCommand>): ReturnType<SubCommand> {
  return (await LOADERS[name]())(...args);
}
