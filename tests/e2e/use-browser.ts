// Kept apart from browser.ts, which the benchmarks (scripts/bench) import outside vitest.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

/**
 * One Chromium for a test file: launched before its tests, closed after them (with every context the
 * tests left open). Call at the top of the file; the returned function gives the browser.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll');
    return browser;
  };
}
