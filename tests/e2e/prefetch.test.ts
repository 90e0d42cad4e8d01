// On a phone the interactive map waits for a tap; its files and first tiles are fetched beforehand while
// the page is idle (src/lib/map/prefetch.ts), unless the user asked to save data.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, openAndSettle, PHONE_TOUCH } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/**
 * File names of the requests the page and its workers have completed (the prefetch runs in a worker, whose
 * requests the page's resource timing does not list).
 */
function watchFetched(page: Page): () => string[] {
  const names: string[] = [];
  page.context().on('requestfinished', (request) => {
    names.push(new URL(request.url()).pathname.split('/').pop() ?? '');
  });
  return () => [...names];
}

async function phone(connection?: { saveData: boolean; effectiveType: string }) {
  const context = await browser().newContext({ ...PHONE_TOUCH, serviceWorkers: 'block' });
  if (connection) {
    await context.addInitScript(
      (c) => Object.defineProperty(navigator, 'connection', { value: c }),
      connection,
    );
  }
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const fetched = watchFetched(page);
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.locator('[data-testid="activate-map"]').waitFor();
  return { context, page, errors, fetched };
}

describe('fetching the interactive map ahead of the tap', () => {
  it('fetches the map code, worker, font and first tiles before the tap; the tap then opens the map', async () => {
    const { context, page, errors, fetched } = await phone();
    const expected = [
      /^create-map-.+\.js$/,
      /^maplibre-gl-worker-.+\.mjs$/,
      /^noto-sans-vietnamese-.+\.woff2$/,
      /^laichau-2020\.pmtiles$/,
      /^laichau-context\.pmtiles$/,
    ];
    await expect
      .poll(
        async () => {
          const names = fetched();
          return expected.filter((re) => !names.some((n) => re.test(n))).map(String);
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual([]);
    // Nothing ran: the map is not on the page until the tap.
    expect(await page.locator('[data-testid="map"]').count()).toBe(0);
    expect(await openAndSettle(page)).toBe('idle');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fetches nothing of the map when the user asked to save data', async () => {
    const { context, page, fetched } = await phone({ saveData: true, effectiveType: '4g' });
    await page.waitForTimeout(5000);
    const names = fetched();
    expect(names.filter((n) => /create-map|maplibre|\.pmtiles$/.test(n))).toEqual([]);
    await context.close();
  });
});
