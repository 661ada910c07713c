#!/usr/bin/env node
// phi-lint benchmark (`npm run bench`). Builds a deterministic corpus of drafts in a temporary
// directory and reports, each as the median of several runs, with CPU time (user + sys,
// less sensitive to a busy machine than wall time) and peak RSS:
//   - whole-CLI throughput on the corpus (default packs), in MB/s and files/s;
//   - the same as a multiple of a floor: a Node script that only reads every file and runs
//     one combined regular expression over it;
//   - cold start on a 1 KB clean reply and on one with a name, against `node -e 0`;
//   - 1x, 3x and 10x the corpus (the cost should grow linearly);
//   - one 5 MB Markdown file (no quadratic paths).
// Prints a table and writes JSON (bench-results/latest.json, or --out FILE).
//
//   node scripts/bench.mjs [--quick] [--out FILE] [--runs N] [--keep] [--generate DIR]
//
// --quick: a 1 MB corpus (1x/3x/10x = 1/3/10 MB), a 1 MB single file and fewer runs.
// --keep: leave the generated corpora in the temporary directory (its path is printed).
// --generate DIR: only write the 1x corpus to DIR and exit (for profiling).
// --cache: also time a second run with --cache (unchanged files are not re-linted).
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG, coldReplies, generateCorpus, largeDocument } from './bench/corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'phi-lint.js');
const FLOOR = join(ROOT, 'scripts', 'bench', 'floor.mjs');
const RUSAGE = pathToFileURL(join(ROOT, 'scripts', 'bench', 'rusage.mjs')).href;
const MB = 1e6;

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
if (flag('--help') || flag('-h')) {
  process.stdout.write(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .slice(1, 18)
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n') + '\n',
  );
  process.exit(0);
}
const quick = flag('--quick');
const size = quick ? 1 * MB : 10 * MB;
const bigSize = quick ? 1 * MB : 5 * MB;
const runs = Number(opt('--runs', quick ? 3 : 5));
const coldRuns = quick ? 7 : 15;
const scaleRuns = quick ? 3 : 3;
const outFile = resolve(opt('--out', join(ROOT, 'bench-results', 'latest.json')));

if (opt('--generate')) {
  const dir = resolve(opt('--generate'));
  const c = generateCorpus(dir, { bytes: size });
  process.stdout.write(`${dir}: ${c.files} files, ${(c.bytes / MB).toFixed(1)} MB, ${c.phiFiles} with PHI\n`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first.\n');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Run a node script once; wall time from here, CPU and peak RSS from inside the process. */
function measure(nodeArgs, { cwd, input } = {}) {
  const usageFile = join(tmp, `rusage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const env = { ...process.env, FORCE_COLOR: '0', PHI_LINT_BENCH_RUSAGE: usageFile };
  delete env.CI;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', RUSAGE, ...nodeArgs], {
    cwd,
    input: input ?? '',
    env,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(
      `bench: node ${nodeArgs.join(' ')} exited ${r.status}${r.signal ? ` (${r.signal})` : ''}:\n${r.stderr}`,
    );
  }
  const u = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { wallMs, cpuMs: u.userMs + u.sysMs, rssMb: (u.maxRssKb * 1024) / MB, status: r.status, stdout: r.stdout };
}

/** Median wall, CPU and RSS over runs (each a measure() result). */
function summarize(samples) {
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    rssMb: median(samples.map((s) => s.rssMb)),
    maxRssMb: Math.max(...samples.map((s) => s.rssMb)),
    runs: samples.map((s) => ({ wallMs: round(s.wallMs), cpuMs: round(s.cpuMs), rssMb: round(s.rssMb) })),
  };
}
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function findingsOf(stdout) {
  const results = JSON.parse(stdout);
  return {
    files: results.length,
    filesWithFindings: results.filter((r) => r.messages.length).length,
    findings: results.reduce((a, r) => a + r.messages.length, 0),
  };
}

const lint = (dir, extra = []) => [BIN, '--format', 'json', ...extra, '.'];

const tmp = mkdtempSync(join(tmpdir(), 'phi-lint-bench-'));
const log = (s) => process.stderr.write(`${s}\n`);
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim())
    commit += '+dirty';
} catch {
  /* not a git checkout */
}

try {
  log(`bench: generating corpora in ${tmp}`);
  const corpora = {};
  for (const x of [1, 3, 10]) {
    const dir = join(tmp, `corpus-${x}x`);
    corpora[x] = { dir, ...generateCorpus(dir, { bytes: size * x }) };
  }
  const bigDir = join(tmp, 'single');
  mkdirSync(bigDir);
  writeFileSync(join(bigDir, '.phi-lint.yaml'), CONFIG);
  const bigText = largeDocument(bigSize);
  writeFileSync(join(bigDir, 'big.md'), bigText);
  const coldDir = join(tmp, 'cold');
  mkdirSync(coldDir);
  writeFileSync(join(coldDir, '.phi-lint.yaml'), CONFIG);
  const replies = coldReplies();

  const c1 = corpora[1];
  log(`bench: corpus 1x = ${c1.files} files, ${(c1.bytes / MB).toFixed(1)} MB, ${c1.phiFiles} with PHI`);

  // Warm the file cache and check the run works before timing anything.
  const check = measure(lint(c1.dir), { cwd: c1.dir });
  const sanity = findingsOf(check.stdout);

  log(`bench: throughput (${runs} runs, interleaved with the floor)`);
  const cli = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    floor.push(measure([FLOOR, '.'], { cwd: c1.dir }));
    cli.push(measure(lint(c1.dir), { cwd: c1.dir }));
  }
  const through = summarize(cli);
  const floorS = summarize(floor);

  log(`bench: cold start (${coldRuns} runs each)`);
  const nodeOnly = [];
  const clean = [];
  const named = [];
  for (let i = 0; i < coldRuns; i++) {
    nodeOnly.push(measure(['-e', '0'], { cwd: coldDir }));
    clean.push(measure([BIN, '--kind', 'reply', '-'], { cwd: coldDir, input: replies.clean }));
    named.push(measure([BIN, '--kind', 'reply', '-'], { cwd: coldDir, input: replies.named }));
  }
  const namedFindings = named[0].status;

  log(`bench: 3x and 10x (${scaleRuns} runs each), single ${(bigSize / MB).toFixed(0)} MB file`);
  const scale = {};
  for (const x of [3, 10]) {
    const s = [];
    for (let i = 0; i < scaleRuns; i++) s.push(measure(lint(corpora[x].dir), { cwd: corpora[x].dir }));
    scale[x] = summarize(s);
  }
  scale[1] = through;
  const big = [];
  for (let i = 0; i < scaleRuns; i++) big.push(measure([BIN, '--format', 'json', 'big.md'], { cwd: bigDir }));
  const bigS = summarize(big);

  let cache;
  if (flag('--cache')) {
    log('bench: --cache (first run fills the cache, then unchanged runs)');
    const cacheFile = join(tmp, 'bench.cache');
    rmSync(cacheFile, { force: true });
    const cold = measure(lint(c1.dir, ['--cache', '--cache-location', cacheFile]), { cwd: c1.dir });
    const warm = [];
    for (let i = 0; i < runs; i++)
      warm.push(measure(lint(c1.dir, ['--cache', '--cache-location', cacheFile]), { cwd: c1.dir }));
    cache = { first: summarize([cold]), warm: summarize(warm) };
  }

  const mbps = (bytes, ms) => bytes / MB / (ms / 1000);
  const results = {
    meta: {
      commit,
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      loadavg: loadavg().map((x) => round(x, 2)),
      quick,
      runs,
    },
    corpus: { files: c1.files, bytes: c1.bytes, phiFiles: c1.phiFiles, ...sanity },
    throughput: {
      ...through,
      mbPerS: round(mbps(c1.bytes, through.wallMs), 2),
      filesPerS: Math.round(c1.files / (through.wallMs / 1000)),
      cpuMbPerS: round(mbps(c1.bytes, through.cpuMs), 2),
    },
    floor: { ...floorS, mbPerS: round(mbps(c1.bytes, floorS.wallMs), 2) },
    ratioToFloor: round(through.wallMs / floorS.wallMs, 2),
    cpuRatioToFloor: round(through.cpuMs / floorS.cpuMs, 2),
    coldStart: {
      node: summarize(nodeOnly),
      cleanReply: summarize(clean),
      namedReply: { ...summarize(named), exitCode: namedFindings },
    },
    scale: Object.fromEntries(
      [1, 3, 10].map((x) => [
        `${x}x`,
        {
          files: corpora[x].files,
          bytes: corpora[x].bytes,
          ...scale[x],
          mbPerS: round(mbps(corpora[x].bytes, scale[x].wallMs), 2),
        },
      ]),
    ),
    linearity: round(scale[10].wallMs / scale[1].wallMs, 2),
    cpuLinearity: round(scale[10].cpuMs / scale[1].cpuMs, 2),
    singleFile: {
      bytes: Buffer.byteLength(bigText),
      ...bigS,
      mbPerS: round(mbps(Buffer.byteLength(bigText), bigS.wallMs), 2),
    },
    ...(cache ? { cache } : {}),
  };
  results.targets = {
    throughput: { target: '>= 10 MB/s', value: results.throughput.mbPerS, met: results.throughput.mbPerS >= 10 },
    coldClean: {
      target: '<= 250 ms',
      value: round(results.coldStart.cleanReply.wallMs, 0),
      met: results.coldStart.cleanReply.wallMs <= 250,
    },
    coldNamed: {
      target: '<= 400 ms',
      value: round(results.coldStart.namedReply.wallMs, 0),
      met: results.coldStart.namedReply.wallMs <= 400,
    },
    peakRss: {
      target: '<= 250 MB on 1x, not growing',
      value: round(through.maxRssMb, 0),
      met: through.maxRssMb <= 250,
    },
    linearity: { target: '10x in <= 10.5x the time', value: results.linearity, met: results.linearity <= 10.5 },
  };
  if (quick) for (const t of Object.values(results.targets)) t.note = "quick mode: sizes are a tenth of the targets'";

  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(results));
  process.stdout.write(`\nJSON written to ${outFile}\n`);
  if (flag('--keep')) process.stdout.write(`corpora kept in ${tmp}\n`);
} finally {
  if (!flag('--keep')) rmSync(tmp, { recursive: true, force: true });
}

function table(r) {
  const ms = (x) => `${Math.round(x)} ms`;
  const mb = (x) => `${Math.round(x)} MB`;
  const rows = [['measure', 'wall (median)', 'CPU user+sys', 'peak RSS', 'result']];
  const row = (name, s, result) => rows.push([name, ms(s.wallMs), ms(s.cpuMs), mb(s.rssMb), result]);
  const MBf = (b) => `${(b / MB).toFixed(1)} MB`;
  row(
    `CLI, 1x corpus (${r.corpus.files} files, ${MBf(r.corpus.bytes)})`,
    r.throughput,
    `${r.throughput.mbPerS} MB/s, ${r.throughput.filesPerS} files/s`,
  );
  row(
    'floor: read + one regex',
    r.floor,
    `${r.floor.mbPerS} MB/s; CLI = ${r.ratioToFloor}x floor (CPU ${r.cpuRatioToFloor}x)`,
  );
  row('cold start: node -e 0', r.coldStart.node, '');
  row(
    'cold start: 1 KB clean reply',
    r.coldStart.cleanReply,
    `+${Math.round(r.coldStart.cleanReply.wallMs - r.coldStart.node.wallMs)} ms over node`,
  );
  row(
    'cold start: 1 KB reply with a name',
    r.coldStart.namedReply,
    `+${Math.round(r.coldStart.namedReply.wallMs - r.coldStart.node.wallMs)} ms over node, exit ${r.coldStart.namedReply.exitCode}`,
  );
  for (const x of ['3x', '10x']) {
    const s = r.scale[x];
    row(`CLI, ${x} corpus (${s.files} files, ${MBf(s.bytes)})`, s, `${s.mbPerS} MB/s`);
  }
  rows.push(['10x time / 1x time', '', '', '', `${r.linearity} (CPU ${r.cpuLinearity})`]);
  row(`single ${MBf(r.singleFile.bytes)} Markdown file`, r.singleFile, `${r.singleFile.mbPerS} MB/s`);
  if (r.cache) {
    row('--cache, first run', r.cache.first, '');
    row('--cache, unchanged corpus', r.cache.warm, `${round(r.throughput.wallMs / r.cache.warm.wallMs, 1)}x faster`);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const out = [
    `phi-lint bench — commit ${r.meta.commit}, Node ${r.meta.node}, ${r.meta.cpus} CPUs, load ${r.meta.loadavg.join(' ')}${r.meta.quick ? ', QUICK' : ''}`,
    `corpus: ${r.corpus.files} drafts, ${r.corpus.phiFiles} with PHI; the CLI reported ${r.corpus.findings} findings in ${r.corpus.filesWithFindings} files`,
    '',
    line(rows[0]),
    `|${widths.map((w, i) => (i === 0 || i === 4 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`,
    ...rows.slice(1).map(line),
    '',
    'targets:',
    ...Object.entries(r.targets).map(
      ([k, t]) => `  ${t.met ? 'met    ' : 'NOT met'}  ${k.padEnd(11)} ${String(t.value).padStart(7)}  (${t.target})`,
    ),
  ];
  return `${out.join('\n')}\n`;
}
