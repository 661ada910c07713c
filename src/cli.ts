// Command-line definition (commander): argv → options (options.ts resolveOptions) → runLint.
import { CommanderError } from '@commander-js/extra-typings';
import { isCommand, runCommand } from './commands/index.js';
import { today } from './consent/dates.js';
import { PhiLintError, ExitCode } from './errors.js';
import { readStdin } from './read-draft.js';
import type { Env, Io, RunResult } from './io.js';
import { resolveOptions } from './options.js';
import { buildProgram, VERSION } from './program.js';
import { runLint } from './run.js';

export type { Env } from './io.js';
export { buildProgram, VERSION } from './program.js';

function usage(message: string): RunResult {
  return { exitCode: ExitCode.Fatal, stdout: '', stderr: `phi-lint: ${message}\n` };
}

export async function run(argv: string[], env: Env): Promise<RunResult> {
  // Subcommands come first; to lint a path named like one, write ./rules.
  if (isCommand(argv[0])) return runCommand(argv[0], argv.slice(1), env);
  const program = buildProgram();
  let out = '';
  let err = '';
  program.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return { exitCode: ExitCode.Ok, stdout: out, stderr: '' };
      return { exitCode: ExitCode.Fatal, stdout: out, stderr: err || `${e.message}\n` };
    }
    if (e instanceof PhiLintError)
      return { exitCode: ExitCode.Fatal, stdout: '', stderr: `phi-lint: ${e.toString()}\n` };
    throw e;
  }
  const resolved = await resolveOptions(program.opts(), program.args, env);
  if ('usage' in resolved) return usage(resolved.usage);
  const opts = { ...resolved.opts, argv };
  try {
    const io: Io = { cwd: env.cwd, readStdin: env.readStdin, version: VERSION, today: today(env.env) };
    return await runLint(opts, io);
  } catch (e) {
    if (e instanceof PhiLintError)
      return { exitCode: ExitCode.Fatal, stdout: '', stderr: `phi-lint: ${e.toString()}\n` };
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  const terminal = process.stdin.isTTY ? (await import('./commands/prompt.js')).terminalPrompt() : undefined;
  const res = await run(argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: !!process.stdout.isTTY,
    stdinIsTTY: !!process.stdin.isTTY,
    readStdin,
    prompt: terminal?.ask,
  }).finally(() => terminal?.close());
  if (res.stdout) process.stdout.write(res.stdout);
  if (res.stderr) process.stderr.write(res.stderr);
  return res.exitCode;
}
