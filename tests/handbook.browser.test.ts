// The printable handbook in a real browser (Debian's Chromium via playwright-core): it
// loads with no request and no console error, and at the printable width of an A4 and a
// US Letter page (paper minus the page's 16 mm side margins), in print media, no text runs
// past the page edge or is clipped — long practice names, addresses and rule ids wrap. PDFs
// and a screenshot go to test-artifacts/handbook/. Without Chromium these tests are skipped
// with the reason.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Launched } from './browser.js';
import { phiLint, ROOT } from './helpers.js';
import { scratchDir } from './scratch.js';

const ART = join(ROOT, 'test-artifacts', 'handbook');
const EXAMPLE = join(ART, 'handbook.html');
const LONG = join(ART, 'handbook-long.html');
const MM = 96 / 25.4;
/** Paper width minus the handbook's @page side margins (16 mm each), in CSS pixels. */
const PAPER = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
const printable = (mm: number): number => Math.floor((mm - 32) * MM);

let browser: Launched | undefined;
let skipReason = '';

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  const env = { PHI_LINT_TODAY: '2026-03-02' };
  const made = phiLint(['handbook', '-f', 'html', '-o', EXAMPLE], { cwd: join(ROOT, 'fixtures', 'examples'), env });
  if (made.status !== 0) throw new Error(`phi-lint handbook failed (${made.status}): ${made.stderr}`);
  // a practice whose details have no natural break points
  const dir = scratchDir({
    '.phi-lint.yaml': [
      'practice:',
      '  name: Peachtree-Family-Dentistry-Orthodontics-and-Oral-Surgery-of-Greater-Metropolitan-Atlanta',
      '  phones: ["(404) 555-0100"]',
      '  emails: [appointments-and-general-enquiries@peachtree-family-dentistry-orthodontics.example]',
      '  addresses: ["1200 Peachtree Street Northeast, Building C, Suite 3000-3100, Atlanta, GA 30309-3579"]',
      '  handles: ["@PeachtreeFamilyDentistryOrthodonticsAndOralSurgeryOfGreaterMetropolitanAtlanta"]',
      '  domains: [peachtreefamilydentistryorthodonticsandoralsurgeryofgreatermetropolitanatlantaandthenorthernsuburbsincludingdecaturandsandysprings.example]',
      '',
    ].join('\n'),
  });
  const long = phiLint(['handbook', '-f', 'html', '-o', LONG], { cwd: dir, env });
  if (long.status !== 0) throw new Error(`phi-lint handbook failed (${long.status}): ${long.stderr}`);
  browser = await launchChromium();
  if (!browser.context) {
    skipReason = `browser tests skipped: ${browser.reason}`;
    console.warn(`[handbook] ${skipReason}`);
  }
});

afterAll(async () => {
  await browser?.close();
});

async function open(t: TestContext, file: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  if (!browser?.context) return t.skip(skipReason || 'browser tests skipped');
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  t.onTestFinished(() => page.close());
  await page.goto(pathToFileURL(file).href);
  return { page, problems, requests };
}

/** Text that runs past the page's right or left edge, or that an element clips. */
function cutOff(): string[] {
  const width = document.documentElement.clientWidth;
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.trim()) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width && (r.right > width + 0.5 || r.left < -0.5)) {
        out.push(
          `"${n.textContent.trim().slice(0, 40)}" spans ${Math.round(r.left)}–${Math.round(r.right)} of ${width}px`,
        );
        break;
      }
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
      out.push(`<${el.tagName.toLowerCase()}> clips its content`);
  }
  if (document.documentElement.scrollWidth > width)
    out.push(`the page is ${document.documentElement.scrollWidth}px wide, the paper ${width}px`);
  return out;
}

describe('the handbook in Chromium', () => {
  it('loads with no request but its own file and no console error', async (t) => {
    const { page, problems, requests } = await open(t, EXAMPLE);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(EXAMPLE).href]);
    expect(await page.locator('h1').textContent()).toBe('Peachtree Family Dental');
    expect(await page.locator('.cover dd').allTextContents()).toEqual([
      '2026-03-02',
      expect.stringMatching(/^phi-lint [\d.]+, rule packs [0-9a-f]{12}$/),
    ]);
    await page.setViewportSize({ width: 900, height: 1100 });
    await page.screenshot({ path: join(ART, 'handbook.png') });
    await page.locator('article.rule').nth(40).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ART, 'handbook-rules.png') });
  });

  for (const [paper, size] of Object.entries(PAPER)) {
    it(`prints on ${paper} without cut-off text`, async (t) => {
      for (const file of [EXAMPLE, LONG]) {
        const { page, problems } = await open(t, file);
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: printable(size.width), height: Math.floor((size.height - 36) * MM) });
        expect(await page.evaluate(cutOff), `${paper}: ${file}`).toEqual([]);
        const pdf = await page.pdf({
          format: paper as 'A4' | 'Letter',
          path: join(ART, `${file === LONG ? 'handbook-long' : 'handbook'}-${paper}.pdf`),
        });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(problems).toEqual([]);
      }
    });
  }

  it('the cut-off check finds text that runs off the page (it can fail)', async (t) => {
    const { page } = await open(t, EXAMPLE);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: printable(PAPER.A4.width), height: 1000 });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'x'.repeat(400);
      p.style.overflowWrap = 'normal';
      p.style.wordBreak = 'keep-all';
      document.querySelector('main')!.append(p);
    });
    expect((await page.evaluate(cutOff)).join('\n')).toMatch(/spans|wide/);
  });
});

it('the handbook page was written for the browser tests', () => {
  expect(readFileSync(EXAMPLE, 'utf8')).toMatch(/^<!DOCTYPE html>/);
});
