// Issue 19, items 3 and 7: what the first screen says before anyone scrolls. The map's colour key with
// its classes is on the first screen of a desktop (1366×768 and 1440×900: the legend under the map started
// below the fold and the map's key was hidden), and the province the map shows is named on the first
// screen at every width and at 200 % zoom, and in the page's title (a shared link says which province).
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectPageErrors, PHONE_TOUCH, screenshot, waitForMapIdle } from './browser';
import { useBrowser } from './use-browser';
import { t } from '../../src/lib/i18n/messages';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const SCREENS = {
  '390x844': PHONE_TOUCH,
  '1366x768': { viewport: { width: 1366, height: 768 } },
  '1440x900': { viewport: { width: 1440, height: 900 } },
  // 200 % zoom of a 390 px phone: half the CSS pixels, each drawn twice as large.
  '200% zoom': {
    viewport: { width: 195, height: 422 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
} as const;
type ScreenName = keyof typeof SCREENS;
const isPhone = (name: ScreenName) => 'isMobile' in SCREENS[name];

async function open(name: ScreenName, query = '?year=2025') {
  const page = await browser().newPage({ ...SCREENS[name], serviceWorkers: 'block' });
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}${query}`);
  // The app's own first screen (the first view in the HTML has given way), with its map drawn: the
  // interactive map on a desktop, the static map on a phone (MapLibre loads there on request).
  await page.locator('[data-testid="first-view"]').waitFor({ state: 'detached', timeout: 120_000 });
  if (isPhone(name)) await page.locator('[data-testid="map-key"]').waitFor();
  else await waitForMapIdle(page);
  return { page, errors };
}

/** Visible and entirely inside the first screen (the window, not scrolled). */
async function onFirstScreen(page: Page, locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  const box = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
  const size = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  return box.top >= 0 && box.left >= 0 && box.bottom <= size.h && box.right <= size.w;
}

describe('the first screen names the province (item 7)', () => {
  for (const name of Object.keys(SCREENS) as ScreenName[]) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${name}, ${lang}: the province is on the first screen and in the page's title`, async () => {
        const { page, errors } = await open(name, `?year=2025&lang=${lang}`);
        const province = t(lang, 'app.province');
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        expect(await onFirstScreen(page, page.getByText(province, { exact: true }))).toBe(true);
        expect(await page.title()).toContain(province);
        expect(await page.title()).toContain(t(lang, 'app.title'));
        if (lang === 'vi') await screenshot(page, `first-screen-${name.replace(/[ %]/g, '')}`);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('the HTML names it before any script runs (the build writes the title from the catalogue)', async () => {
    const html = await (await fetch(baseUrl)).text();
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toContain(t('vi', 'app.province'));
  });
});

describe('the map’s colour key is on a desktop’s first screen (item 3)', () => {
  for (const name of ['1366x768', '1440x900'] as const) {
    it(`${name}: the key, open, with every class of the legend, inside the window`, async () => {
      const { page, errors } = await open(name);
      const key = page.locator('[data-testid="map-key"]');
      expect(await onFirstScreen(page, key)).toBe(true);
      expect(await key.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
      const classes = page.locator('[data-testid="map-key-legend"] li');
      const legendClasses = await page
        .locator('[data-testid="legend"] li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-class')));
      expect(legendClasses.length).toBeGreaterThanOrEqual(6);
      expect(await classes.evaluateAll((items) => items.map((li) => li.getAttribute('data-class')))).toEqual(
        legendClasses,
      );
      for (const item of await classes.all()) expect(await onFirstScreen(page, item)).toBe(true);
      // The key lies on the map, in its lower left corner.
      const inMap = await page.evaluate(() => {
        const map = document.querySelector('.map-area')!.getBoundingClientRect();
        const k = document.querySelector('[data-testid="map-key"]')!.getBoundingClientRect();
        return k.left >= map.left && k.bottom <= map.bottom && k.top >= map.top;
      });
      expect(inMap).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
