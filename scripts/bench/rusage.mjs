// Loaded with `node --import` by the benchmark: when the process exits, write its CPU time
// (user, system, all threads) and peak RSS to the file named by PHI_LINT_BENCH_RUSAGE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.PHI_LINT_BENCH_RUSAGE;
if (out && isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({ userMs: u.userCPUTime / 1000, sysMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }),
    );
  });
}
