// After one visit, the app works offline: the service worker (src/lib/pwa/sw.ts, built to /sw.js)
// serves the app shell, the data snapshot and the boundary archives the visit used, answering PMTiles'
// Range requests with 206 slices of the cached archive; the page shows "Ngoại tuyến" and the data date.
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, DESKTOP, openAndSettle, PHONE, screenshot } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const renderedUnits = () =>
  (window as unknown as { __ntmMap?: { renderedUnitIds(): number[] } }).__ntmMap?.renderedUnitIds().length ??
  0;

const cached = (pattern: string) =>
  `(async () => { for (const name of await caches.keys()) { const c = await caches.open(name); ` +
  `if ((await c.keys()).some((r) => new RegExp(${JSON.stringify(pattern)}).test(r.url))) return true; } return false; })()`;

/** A first visit, online, with the service worker: the interactive map opened, the app cached. */
async function firstVisit(viewport: { width: number; height: number }) {
  const context = await browser().newContext({ viewport, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(baseUrl);
  expect(await openAndSettle(page)).toBe('idle');
  await page.waitForSelector('html[data-offline-ready="true"]', { state: 'attached', timeout: 60_000 });
  return { context, page, errors };
}

describe('offline after one visit', () => {
  it('reloads offline on a phone: app, snapshot, static and interactive map from the service worker', async () => {
    const { context, page, errors } = await firstVisit(PHONE);
    // What this visit used is cached: the archives whole (fetched behind the Range requests) and the
    // lazy MapLibre chunk.
    for (const pattern of [
      '/tiles/laichau-2020\\.pmtiles$',
      '/tiles/laichau-context\\.pmtiles$',
      '/assets/create-map-[^/]+\\.js$',
    ]) {
      await page.waitForFunction(cached(pattern), undefined, { timeout: 60_000, polling: 250 });
    }
    expect(await page.locator('[data-testid="offline-badge"]').count()).toBe(0);

    // Offline: reload the same view. The static map, the list and the data date come first.
    await context.setOffline(true);
    await page.reload();
    await expect
      .poll(() => page.locator('[data-testid="offline-badge"]').textContent(), { timeout: 30_000 })
      .toMatch(/Ngoại tuyến/);
    await expect.poll(() => page.locator('[data-testid="static-map"] path[data-code]').count()).toBe(106);
    await expect.poll(() => page.locator('[data-testid="unit-list"]').getAttribute('data-count')).toBe('106');
    expect(await page.locator('[data-testid="source-badge"]').textContent()).toMatch(
      /lưu kèm ứng dụng, đến ngày \d{2}\/\d{2}\/\d{4}/,
    );
    // Then the interactive map, from the cache, with every unit.
    expect(await openAndSettle(page)).toBe('idle');
    await page.waitForFunction(renderedUnits, undefined, { timeout: 60_000, polling: 250 });
    expect(await page.evaluate(renderedUnits)).toBe(106);
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

  it('on a desktop the service worker in control serves the interactive map on every reload', async () => {
    const { context, page, errors } = await firstVisit(DESKTOP);
    // The worker now answers the archives' Range requests (and the rest): the map reaches `idle`, with
    // every unit, each time, not `error` ("Failed to fetch").
    for (let reload = 0; reload < 2; reload++) {
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      expect(await openAndSettle(page)).toBe('idle');
      await page.waitForFunction(renderedUnits, undefined, { timeout: 60_000, polling: 250 });
      expect(await page.evaluate(renderedUnits)).toBe(106);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
