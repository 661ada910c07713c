// What every subcommand shares: parsing its own options with commander (help and usage
// errors become a RunResult, never an exit), turning PhiLintErrors into exit 2, and loading
// the configuration that governs the working directory.
import { Command, CommanderError, type OptionValues } from '@commander-js/extra-typings';

import { ExitCode, PhiLintError } from '../errors.js';
import type { Env, RunResult } from '../io.js';
import { createSession, type FileSetup } from '../run/session.js';

export type SubCommand = (args: string[], env: Env) => Promise<RunResult>;

export const ok = (stdout: string, exitCode: number = ExitCode.Ok): RunResult => ({ exitCode, stdout, stderr: '' });
export const fail = (message: string): RunResult => ({
  exitCode: ExitCode.Fatal,
  stdout: '',
  stderr: `phi-lint: ${message}\n`,
});

/** A subcommand's commander program, quiet (output is collected, never printed). */
export function subProgram(name: string, description: string) {
  return new Command(`phi-lint ${name}`)
    .description(description)
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

/** Parse args, then run body; help, usage errors and PhiLintErrors become results. */
export async function runSub<A extends unknown[], O extends OptionValues>(
  program: Command<A, O>,
  args: string[],
  body: () => Promise<RunResult> | RunResult,
): Promise<RunResult> {
  let out = '';
  let err = '';
  program.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    program.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help') return ok(out);
      return { exitCode: ExitCode.Fatal, stdout: out, stderr: err || `${e.message}\n` };
    }
    throw e;
  }
  try {
    return await body();
  } catch (e) {
    if (e instanceof PhiLintError) return fail(e.toString());
    throw e;
  }
}

/** The setup (config, rules, ledger) for drafts in the working directory. */
export function setupFor(env: Env, opts: { config?: string; rules?: string[] }): FileSetup {
  return createSession({ config: opts.config, rules: opts.rules ?? [] }, env.cwd).base();
}

export const repeatable = (v: string, acc: string[]): string[] => [...acc, v];
