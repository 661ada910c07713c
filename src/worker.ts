// A lint worker thread (see pool.ts): builds its own session for the run's options, then
// lints each batch of paths it is sent, in order, and sends the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { expectMuchText } from './regex/regex-scan.js';
import { serializeError, type WorkerReply, type WorkerRequest } from './pool.js';
import { createSession, fileLinter, type WorkerJob } from './run.js';

const job = workerData as WorkerJob;
expectMuchText();
const port = parentPort!;
let linter: ReturnType<typeof fileLinter> | undefined;

port.on('message', async ({ id, paths }: WorkerRequest) => {
  try {
    linter ??= fileLinter(job.opts, job.cwd, job.today, createSession(job.opts, job.cwd));
    const results = [];
    for (const p of paths) results.push(await linter.lintPath(p));
    port.postMessage({ id, results } satisfies WorkerReply);
  } catch (e) {
    port.postMessage({ id, error: serializeError(e) } satisfies WorkerReply);
  }
});
