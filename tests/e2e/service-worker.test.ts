// The public's visit with service workers allowed, as a fresh browser profile gets it: the worker
// (src/lib/pwa/sw.ts) caches the boundary archives and answers PMTiles' Range requests from them. A
// cut-short archive in its cache (as `vite preview`'s gzipped answers once produced) must never reach the
// map: the worker checks each archive against its true length, drops a bad copy and goes to the network.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { collectPageErrors, DESKTOP_MOUSE, openAndSettle, PHONE_TOUCH, screenshot } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The archive of the default year (2025: the 106 units of 2020–June 2025), and its true size. */
const ARCHIVE = 'tiles/laichau-2020.pmtiles';
const ARCHIVE_BYTES = readFileSync(`public/${ARCHIVE}`).byteLength;

/** Byte length of the archive in the worker's caches (0 when absent). Runs in the page. */
const cachedLength = (path: string) =>
  (async () => {
    for (const name of await caches.keys()) {
      const hit = await (await caches.open(name)).match(new URL(path, location.href).href);
      if (hit) return (await hit.arrayBuffer()).byteLength;
    }
    return 0;
  })();

/** Replaces the cached archive with its first `keep` bytes, as a broken download leaves it. Runs in the page. */
const cutShort = ([path, keep]: [string, number]) =>
  (async () => {
    const href = new URL(path, location.href).href;
    let planted = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const hit = await cache.match(href);
      if (!hit) continue;
      const bytes = (await hit.arrayBuffer()).slice(0, keep);
      await cache.put(href, new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }));
      planted++;
    }
    return planted;
  })();

/** A first visit in a fresh profile: the map settles, the worker takes control and caches the whole archive. */
async function firstVisit(options: BrowserContextOptions) {
  const context = await browser().newContext({ ...options, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(baseUrl);
  const state = await openAndSettle(page);
  await page.waitForSelector('html[data-offline-ready="true"]', { state: 'attached', timeout: 60_000 });
  await expect
    .poll(() => page.evaluate(cachedLength, ARCHIVE), { timeout: 60_000, interval: 250 })
    .toBe(ARCHIVE_BYTES);
  return { context, page, errors, state };
}

async function reloadAndSettle(page: Page): Promise<string | null> {
  await page.reload();
  return openAndSettle(page);
}

describe.each([
  ['phone', PHONE_TOUCH],
  ['desktop', DESKTOP_MOUSE],
] as const)('service workers allowed, on a %s', (device, options) => {
  it('3 fresh profiles: a first visit and 2 reloads each end with an idle map, from a whole archive', async () => {
    const states: (string | null)[] = [];
    for (let profile = 0; profile < 3; profile++) {
      const { context, page, errors, state } = await firstVisit(options);
      states.push(state);
      for (let reload = 0; reload < 2; reload++) {
        states.push(await reloadAndSettle(page));
        expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      }
      // What the worker keeps is the whole archive, byte for byte as long as the file.
      expect(await page.evaluate(cachedLength, ARCHIVE)).toBe(ARCHIVE_BYTES);
      if (profile === 0) await screenshot(page, `sw-${device}-reloaded`);
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(states).toEqual(Array(9).fill('idle'));
  });

  it('repairs a cut-short cached archive: the map is idle and the cache holds the whole archive again', async () => {
    const { context, page, errors } = await firstVisit(options);
    // The length a gzipping server left in the report: 232,124 of 244,892 bytes.
    const keep = Math.round(ARCHIVE_BYTES * 0.948);
    expect(await page.evaluate(cutShort, [ARCHIVE, keep] as [string, number])).toBeGreaterThan(0);
    expect(await page.evaluate(cachedLength, ARCHIVE)).toBe(keep);

    expect(await reloadAndSettle(page)).toBe('idle');
    await expect
      .poll(() => page.evaluate(cachedLength, ARCHIVE), { timeout: 60_000, interval: 250 })
      .toBe(ARCHIVE_BYTES);
    // And the repaired copy serves the next visit.
    expect(await reloadAndSettle(page)).toBe('idle');
    expect(errors).toEqual([]);
    await context.close();
  });
});
