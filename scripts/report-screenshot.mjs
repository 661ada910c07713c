// Regenerates docs/report.png, the picture of the HTML report in docs/formats.md, from the fictitious
// drafts in tests/fixtures/html-report/drafts. Run by hand after `npm run build`:
//   node scripts/report-screenshot.mjs [out.png]
// Uses Debian's Chromium (/usr/bin/chromium, or PHI_LINT_CHROMIUM) with the same flags as
// the browser tests; nothing is downloaded. Colour emoji need fonts-noto-color-emoji. To keep
// the docs light the PNG is then reduced to 256 colours (Debian's python3-pil) and
// recompressed (optipng) when those are installed: about 120 KB instead of 330 KB.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** 256 colours, no dithering: a flat UI looks the same at a third of the size. */
function shrink(png) {
  const quantize = `from PIL import Image\nim = Image.open(${JSON.stringify(png)}).convert('RGB')\nim.quantize(colors=256, method=Image.MEDIANCUT, dither=Image.NONE).save(${JSON.stringify(png)}, optimize=True)\n`;
  for (const [cmd, args] of [
    ['/usr/bin/python3', ['-c', quantize]],
    ['optipng', ['-o5', '-quiet', png]],
  ]) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
    } catch {
      console.warn(`(${cmd} not available: the PNG is left larger)`);
    }
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs', 'report.png');
const work = mkdtempSync(join(tmpdir(), 'phi-lint-shot-'));
const report = join(work, 'report.html');
try {
  execFileSync(
    process.execPath,
    [join(root, 'bin', 'phi-lint.js'), 'tests/fixtures/html-report/drafts', '-f', 'html', '-o', report],
    { cwd: root, stdio: 'ignore' },
  );
} catch (e) {
  if (e.status !== 1) throw e; // 1 = findings, as expected
}
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: process.env.PHI_LINT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1180, height: 900 },
  colorScheme: 'light',
});
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(report).href);
  // Show one blocked draft under the summary, with one explanation open.
  await page
    .getByRole('combobox', { name: 'Draft' })
    .selectOption('tests/fixtures/html-report/drafts/posts/patient-story.md');
  const pin = page.locator('article.draft:visible .pin').first();
  await pin.click();
  await page.mouse.move(0, 0);
  // A browser window's worth: the summary, the filters and the draft's text.
  const height = await page.evaluate(() =>
    Math.ceil(
      document.querySelector('article.draft:not([hidden]) .src').getBoundingClientRect().bottom + scrollY + 260,
    ),
  );
  await page.screenshot({
    path: out,
    fullPage: true,
    clip: { x: 0, y: 0, width: 1180, height },
    animations: 'disabled',
  });
  shrink(out);
  console.log(`${out}: ${Math.round(statSync(out).size / 1024)} KB`);
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
