// After one visit, the app works offline: the service worker (src/lib/pwa/sw.ts, built to /sw.js)
// serves the app shell, the data snapshot and the boundary archives the visit used, answering PMTiles'
// Range requests with 206 slices of the cached archive; the page shows "Ngoại tuyến" and the data date.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchBrowser, PHONE, screenshot, waitForMapIdle } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const renderedUnits = () =>
  (window as unknown as { __ntmMap?: { renderedUnitIds(): number[] } }).__ntmMap?.renderedUnitIds().length ??
  0;

describe('offline after one visit', () => {
  it('reloads offline on a phone: app, snapshot and map from the service worker', async () => {
    const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    // First visit, online.
    await page.goto(baseUrl);
    await waitForMapIdle(page);
    await page.waitForSelector('html[data-offline-ready="true"]', { state: 'attached', timeout: 60_000 });
    // The archives this visit read are cached whole (the worker fetched them behind the Range requests).
    await page.waitForFunction(
      async () =>
        !!(await caches.match(new URL('tiles/laichau-2020.pmtiles', location.href).href)) &&
        !!(await caches.match(new URL('tiles/laichau-context.pmtiles', location.href).href)),
      undefined,
      { timeout: 60_000, polling: 250 },
    );
    expect(await page.locator('[data-testid="offline-badge"]').count()).toBe(0);

    // Offline: reload the same view.
    await context.setOffline(true);
    await page.reload();
    await expect
      .poll(() => page.locator('[data-testid="offline-badge"]').textContent(), { timeout: 30_000 })
      .toMatch(/Ngoại tuyến/);
    await waitForMapIdle(page);
    await page.waitForFunction(renderedUnits, undefined, { timeout: 60_000, polling: 250 });
    expect(await page.evaluate(renderedUnits)).toBe(106);
    await expect.poll(() => page.locator('.unit-list li').count()).toBe(106);
    expect(await page.locator('[data-testid="source-badge"]').textContent()).toMatch(
      /Dữ liệu đến ngày \d{2}\/\d{2}\/\d{4}/,
    );
    // Served by the worker: a Range request offline gets a 206 slice that starts with the PMTiles magic.
    const slice = await page.evaluate(async () => {
      const r = await fetch('tiles/laichau-2020.pmtiles', { headers: { Range: 'bytes=0-126' } });
      const bytes = new Uint8Array(await r.arrayBuffer());
      return {
        status: r.status,
        range: r.headers.get('content-range'),
        length: bytes.length,
        magic: String.fromCharCode(...bytes.slice(0, 7)),
      };
    });
    expect(slice).toMatchObject({ status: 206, length: 127, magic: 'PMTiles' });
    expect(slice.range).toMatch(/^bytes 0-126\/\d+$/);
    await screenshot(page, 'phone-offline');

    // Back online: the badge goes away.
    await context.setOffline(false);
    await expect.poll(() => page.locator('[data-testid="offline-badge"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
