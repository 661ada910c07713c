// Launching Debian's Chromium for the browser tests, or saying clearly why we cannot.
// .ci/run installs it (apt-get install chromium) where it is missing; never
// `npx playwright install`, which downloads browsers from the network.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.PHI_LINT_CHROMIUM || '/usr/bin/chromium';

/** Headless, no sandbox (CI runs as root), and nothing that talks to Google's servers. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Launched {
  context?: BrowserContext;
  /** Why there is no browser (set when context is not). */
  reason?: string;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Launched> {
  if (!existsSync(CHROMIUM)) {
    return {
      reason: `${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`,
      close: async () => {},
    };
  }
  const profile = mkdtempSync(join(tmpdir(), 'phi-lint-chromium-'));
  const cleanup = (): void => rmSync(profile, { recursive: true, force: true });
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
    return {
      context,
      close: async () => {
        await context.close();
        cleanup();
      },
    };
  } catch (e) {
    cleanup();
    return {
      reason: `${CHROMIUM} could not be launched: ${String((e as Error).message).split('\n')[0]}`,
      close: async () => {},
    };
  }
}
