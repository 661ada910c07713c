// An interrupted --fix (Ctrl-C, SIGINT; or SIGTERM from a CI runner) says which drafts it had
// already rewritten before it exits, so the writer knows what changed. Each of those drafts
// is complete: writes are atomic (write.ts), and a signal is handled only between drafts,
// never in the middle of a write, which is synchronous.
import { writeSync } from 'node:fs';
import { escapeControls } from '../formatters/escape.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const EXIT_CODE: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143 };

const rewritten: string[] = [];
let handlers: { signal: NodeJS.Signals; handler: () => void }[] | undefined;

function interrupted(signal: (typeof SIGNALS)[number]): void {
  const n = rewritten.length;
  const list = rewritten.map((name) => `  ${escapeControls(name)}\n`).join('');
  const drafts = `${n} draft${n === 1 ? '' : 's'} (each one whole; the others are unchanged):\n`;
  const head = `phi-lint: interrupted (${signal}); --fix had rewritten ${n ? drafts : 'no draft yet.\n'}`;
  try {
    writeSync(2, head + list);
  } catch {
    /* standard error is gone: exit all the same */
  }
  process.exit(EXIT_CODE[signal]);
}

/** Called when a --fix run starts writing drafts: from now on a signal reports them. */
export function startRewrites(): void {
  if (handlers) return;
  handlers = SIGNALS.map((signal) => {
    const handler = (): void => interrupted(signal);
    process.on(signal, handler);
    return { signal, handler };
  });
}

/** A draft (its name as reports show it) was rewritten. */
export function noteRewrite(name: string): void {
  rewritten.push(name);
}

/** The run is over: signals take their default action again. */
export function endRewrites(): void {
  rewritten.length = 0;
  for (const { signal, handler } of handlers ?? []) process.off(signal, handler);
  handlers = undefined;
}
