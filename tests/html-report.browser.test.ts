// The HTML report in a real browser (Debian's Chromium, driven by playwright-core): it loads
// without errors or network requests, its numbers match the JSON output for the same drafts,
// the filters hide what they should, explanations open by mouse and keyboard, and it reads
// on a phone, in dark mode and on paper. Screenshots and a PDF go to test-artifacts/.
// Without Chromium these tests are skipped with the reason; everything else still runs.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { Page } from 'playwright-core';
import { SAFE_HARBOR } from '../src/types.js';
import { launchChromium, type Launched } from './browser.js';
import { phiLint, ROOT } from './helpers.js';

const DRAFTS = join('tests', 'fixtures', 'html-report', 'drafts');
const ART = join(ROOT, 'test-artifacts', 'html-report');
const REPORT = join(ART, 'report.html');
const REPORT_URL = pathToFileURL(REPORT).href;
const SEV = { 2: 'error', 1: 'warning', 0: 'info' } as const;

interface JsonMessage {
  ruleId: string;
  category: string;
  severity: 0 | 1 | 2;
  suggestion?: string;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
}

let browser: Launched | undefined;
let skipReason = '';
let json: JsonResult[] = [];
let messages: (JsonMessage & { file: string })[] = [];

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  const made = phiLint([DRAFTS, '--format', 'html', '--output-file', REPORT]);
  if (made.status !== 1 || made.stderr)
    throw new Error(`phi-lint --format html failed (${made.status}): ${made.stderr}`);
  json = JSON.parse(phiLint([DRAFTS, '--format', 'json']).stdout) as JsonResult[];
  messages = json.flatMap((r) => r.messages.map((m) => ({ ...m, file: relative(ROOT, r.filePath) })));
  browser = await launchChromium();
  if (!browser.context) {
    skipReason = `browser tests skipped: ${browser.reason}`;
    console.warn(`[html report] ${skipReason}`);
  }
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

async function open(t: TestContext): Promise<Opened> {
  if (!browser?.context) return t.skip(skipReason || 'browser tests skipped');
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  t.onTestFinished(() => page.close());
  await page.goto(REPORT_URL);
  return { page, problems, requests };
}

const visible = (page: Page, sel: string): Promise<number> => page.locator(`${sel}:visible`).count();

describe('the HTML report in Chromium', () => {
  it('loads with no console error and no request but its own file', async (t) => {
    const { page, problems, requests } = await open(t);
    await page.locator('#filter-status').filter({ hasText: 'Showing' }).waitFor();
    await page.hover('.pin >> nth=0');
    await page.click('.pin >> nth=1');
    await page.screenshot({ path: join(ART, 'report-laptop.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests.every((u) => u === REPORT_URL || u.startsWith('data:'))).toBe(true);
    expect(requests).toContain(REPORT_URL);
    // The page's own policy would block anything else; check it is in force.
    expect(
      await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      ),
    ).toMatch(/^default-src 'none'/);
  });

  it('shows the same numbers as the JSON output for the same drafts', async (t) => {
    const { page } = await open(t);
    const count = async (key: string): Promise<number> =>
      Number(await page.locator(`[data-count="${key}"]`).textContent());
    expect(await count('checked')).toBe(json.length);
    expect(await count('blocked')).toBe(json.filter((r) => r.errorCount > 0).length);
    expect(await count('clean')).toBe(json.filter((r) => r.messages.length === 0).length);
    expect(await count('review')).toBe(json.filter((r) => r.errorCount === 0 && r.messages.length > 0).length);
    expect(await count('findings')).toBe(messages.length);
    for (const [n, sev] of Object.entries(SEV))
      expect(await count(sev)).toBe(messages.filter((m) => m.severity === Number(n)).length);
    expect(await page.locator('li.finding').count()).toBe(messages.length);

    for (const r of json) {
      const file = relative(ROOT, r.filePath);
      const article = page.locator(`article.draft[data-file="${file}"]`);
      expect(await article.locator('li.finding').count(), file).toBe(r.messages.length);
      expect(await article.locator('.pin').count(), file).toBe(r.messages.length);
      expect(await article.getAttribute('data-status'), file).toBe(
        r.errorCount ? 'blocked' : r.messages.length ? 'review' : 'clean',
      );
      const rules = await article
        .locator('li.finding')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
      expect(rules, file).toEqual(r.messages.map((m) => m.ruleId));
    }

    const categories = [...new Set(messages.map((m) => m.category))];
    expect(categories.length).toBeGreaterThan(3);
    const bars = await page
      .locator('svg.chart g.row')
      .evaluateAll((rows) =>
        rows.map((g) => [(g as SVGGElement).dataset.cat, Number(g.querySelector('.value')?.textContent)]),
      );
    expect(Object.fromEntries(bars)).toEqual(
      Object.fromEntries(categories.map((c) => [c, messages.filter((m) => m.category === c).length])),
    );

    const letters = await page
      .locator('[data-safe-harbor]')
      .evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).dataset.safeHarbor, Number(td.textContent)]));
    expect(letters).toHaveLength(18);
    for (const [letter, n] of letters) {
      expect(n, `Safe Harbor (${letter})`).toBe(
        messages.filter((m) => SAFE_HARBOR[m.category]?.letter === letter).length,
      );
    }
  });

  it('filters by severity, category, draft and search, and clears', async (t) => {
    const { page } = await open(t);
    const total = messages.length;
    await page.getByRole('checkbox', { name: /^Error/ }).uncheck();
    expect(await visible(page, 'li.finding')).toBe(messages.filter((m) => m.severity !== 2).length);
    expect(await visible(page, 'li.finding[data-sev="error"]')).toBe(0);
    expect(await visible(page, '.pin.sev-error')).toBe(0);
    expect(await visible(page, 'mark.hl.sev-error:not(.off)')).toBe(0);
    // A draft whose findings are all errors disappears; so do the clean ones.
    const onlyErrors = json
      .filter((r) => r.messages.length && r.messages.every((m) => m.severity === 2))
      .map((r) => relative(ROOT, r.filePath));
    expect(onlyErrors.length).toBeGreaterThan(0);
    for (const file of onlyErrors)
      await expect(page.locator(`article.draft[data-file="${file}"]`).isHidden()).resolves.toBe(true);
    expect(await visible(page, 'article.draft[data-status="clean"]')).toBe(0);
    await expect(page.locator('#filter-status').textContent()).resolves.toMatch(
      new RegExp(`^Showing ${total - messages.filter((m) => m.severity === 2).length} of ${total} findings`),
    );

    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await visible(page, 'li.finding')).toBe(total);
    // clean drafts sit behind a toggle (issue 15); opened, every draft shows
    const clean = json.filter((r) => !r.messages.length).length;
    expect(await visible(page, 'article.draft')).toBe(json.length - clean);
    if (clean) await page.locator('details.clean-drafts > summary').click();
    expect(await visible(page, 'article.draft')).toBe(json.length);

    await page.getByRole('combobox', { name: 'Category' }).selectOption('health-detail');
    const health = messages.filter((m) => m.category === 'health-detail');
    expect(health.length).toBeGreaterThan(0);
    expect(await visible(page, 'li.finding')).toBe(health.length);
    expect(await visible(page, 'li.finding:not([data-cat="health-detail"])')).toBe(0);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    const file = relative(ROOT, json.find((r) => r.messages.length > 1)!.filePath);
    await page.getByRole('combobox', { name: 'Draft' }).selectOption(file);
    expect(await visible(page, 'article.draft')).toBe(1);
    expect(await page.locator(`article.draft[data-file="${file}"]`).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('phi/phone');
    expect(await visible(page, 'li.finding')).toBe(messages.filter((m) => m.ruleId === 'phi/phone').length);
    await page.getByRole('searchbox', { name: 'Search' }).fill('zzz-nothing-matches');
    expect(await visible(page, 'article.draft')).toBe(0);
    expect(await page.locator('#no-match').isVisible()).toBe(true);

    // A bar in the chart filters by its category.
    await page.locator('svg.chart g.row[data-cat="date"] .label').click();
    expect(await page.getByRole('combobox', { name: 'Category' }).inputValue()).toBe('date');
    expect(await visible(page, 'li.finding')).toBe(messages.filter((m) => m.category === 'date').length);
  });

  it("opens a finding's explanation on hover, on click and from the keyboard", async (t) => {
    const { page } = await open(t);
    const withFix = messages.find((m) => m.suggestion)!;
    const article = page.locator(`article.draft[data-file="${withFix.file}"]`);
    const n =
      (
        await article.locator('li.finding').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule))
      ).indexOf(withFix.ruleId) + 1;
    const pin = article.locator(`.pinwrap[data-f="${n}"] .pin`);
    const tip = article.locator(`.pinwrap[data-f="${n}"] .tip`);
    expect(await tip.isVisible()).toBe(false);
    await pin.hover();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(withFix.suggestion);
    await page.mouse.move(0, 0);
    expect(await tip.isVisible()).toBe(false);
    await pin.click();
    expect(await pin.getAttribute('aria-expanded')).toBe('true');
    await page.mouse.move(0, 0);
    expect(await tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await pin.getAttribute('aria-expanded')).toBe('false');
    expect(await tip.isVisible()).toBe(false);

    // Keyboard only: the first Tab reaches the skip link, then on to a pin.
    await page.goto(REPORT_URL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    let onPin = false;
    for (let i = 0; i < 60 && !onPin; i++) {
      await page.keyboard.press('Tab');
      onPin = await page.evaluate(() => !!document.activeElement?.classList.contains('pin'));
    }
    expect(onPin).toBe(true);
    const focusedTip = page.locator('.pin:focus + .tip');
    expect(await focusedTip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('.pin:focus').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('goto');
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => ({
      cls: document.activeElement?.className,
      open: !!document.activeElement?.querySelector('details.why[open]'),
    }));
    expect(focused.cls).toMatch(/\bfinding\b/);
    expect(focused.open).toBe(true);

    // "/" jumps to the search box.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
  });

  it('is accessible: landmarks, labelled controls, headings, contrast in light and dark', async (t) => {
    const { page } = await open(t);
    for (const role of ['banner', 'main', 'contentinfo', 'search'] as const)
      expect(await page.getByRole(role).count(), role).toBe(1);
    for (const name of ['Error', 'Warning', 'Info'])
      expect(await page.getByRole('checkbox', { name: new RegExp(`^${name} \\(\\d+\\)$`) }).count(), name).toBe(1);
    expect(await page.getByRole('group', { name: 'Severity' }).count()).toBe(1);
    for (const name of ['Category', 'Draft']) expect(await page.getByRole('combobox', { name }).count(), name).toBe(1);
    expect(await page.getByRole('searchbox', { name: 'Search' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Findings by category' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Findings per Safe Harbor identifier' }).count()).toBe(1);
    const unnamed = await page
      .locator('button, a, input, select')
      .evaluateAll((els) =>
        els
          .filter(
            (e) =>
              !(
                e.getAttribute('aria-label') ||
                e.textContent?.trim() ||
                e.closest('label') ||
                e.getAttribute('aria-labelledby')
              ),
          )
          .map((e) => e.outerHTML),
      );
    expect(unnamed).toEqual([]);
    const levels = await page.locator('h1, h2, h3').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const low = await page.evaluate(contrastProblems, CONTRAST_SELECTORS);
      expect(low, scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ART, 'report-dark.png') });
  });

  it('fits a phone screen and prints without the controls', async (t) => {
    const { page, problems } = await open(t);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const pin = page.locator('.pin').nth(2);
    await pin.click();
    const box = await page.locator('.pin[aria-expanded="true"] + .tip').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ART, 'report-phone.png') });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details.why:not([open])').count()).toBe(0);
    await page.pdf({ path: join(ART, 'report.pdf'), format: 'Letter', printBackground: true });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details.why[open]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

const CONTRAST_SELECTORS = [
  'body',
  '.page-head p',
  '.tile dt',
  '.tile .hint',
  '.tile.blocked dd',
  '.tile.review dd',
  '.tile.clean dd',
  '.totals',
  'table.sh tr.zero td',
  'table.sh tr.hit th',
  'table.sh thead th',
  '.sh-note',
  '.legend li',
  '.rule-filter',
  '.chip',
  '.filter-status',
  '.kbd-hint',
  '.draft > header h3',
  '.badge.blocked',
  '.badge.review',
  '.badge.clean',
  '.draft .counts',
  '.src .t',
  'mark.sev-error',
  'mark.sev-warning',
  'mark.sev-info',
  '.pin.sev-error',
  '.pin.sev-warning',
  '.pin.sev-info',
  'li.sev-error .fhead .sev',
  'li.sev-warning .fhead .sev',
  'li.sev-info .fhead .sev',
  'li.sev-error .fhead .num',
  'li.sev-warning .fhead .num',
  'li.sev-info .fhead .num',
  '.fhead .loc',
  '.msg',
  '.fix',
  '.fix strong',
  'details.why > summary',
  '.meta',
  '.clean-note',
  'details.text > summary',
  '.page-foot p',
];

/** Runs in the page: elements whose text contrast is below WCAG AA (4.5:1). */
function contrastProblems(selectors: string[]): string[] {
  type Rgba = [number, number, number, number];
  const parse = (c: string): Rgba => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) throw new Error(`unexpected colour ${c}`);
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p[3] ?? 1];
  };
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
  };
  const background = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const lum = ([r, g, b]: Rgba): number => {
    const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const out: string[] = [];
  for (const sel of selectors) {
    const el = [...document.querySelectorAll(sel)].find(
      (e) => (e as HTMLElement).offsetParent !== null || sel === 'body',
    );
    if (!el) {
      out.push(`${sel}: not found`);
      continue;
    }
    const bg = background(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) out.push(`${sel}: ${ratio.toFixed(2)}:1`);
  }
  return out;
}
