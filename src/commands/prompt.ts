// Questions on the terminal (for `phi-lint init`): asked on standard error so standard
// output stays clean; the readline interface is opened only when a question is asked.
import { createInterface, type Interface } from 'node:readline/promises';

export function terminalPrompt(): { ask: (question: string) => Promise<string>; close: () => void } {
  let rl: Interface | undefined;
  return {
    ask: async (question) => {
      rl ??= createInterface({ input: process.stdin, output: process.stderr });
      return rl.question(question);
    },
    close: () => rl?.close(),
  };
}
