// MapLibre's own controls as the public meets them: their text in the app's language (the map's `locale`
// option), and the credits box folded behind its button, so it does not cover the south of the province
// on a phone or at 200 % zoom.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { collectPageErrors, DESKTOP_MOUSE, openAndSettle, PHONE_TOUCH, screenshotOf } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function openMap(options: BrowserContextOptions, query = '') {
  const context = await browser().newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}${query}`);
  expect(await openAndSettle(page)).toBe('idle');
  return { context, page, errors };
}

const zoomIn = (page: Page) => page.locator('.maplibregl-ctrl-zoom-in');
const creditsBox = (page: Page) => page.locator('.maplibregl-ctrl-attrib');
const creditsText = (page: Page) => page.locator('.maplibregl-ctrl-attrib-inner');

/** The credits box is folded: only its button shows, its text is hidden. */
async function expectCreditsFolded(page: Page) {
  expect(await creditsBox(page).getAttribute('class')).not.toMatch(/maplibregl-compact-show/);
  expect(await creditsText(page).isVisible()).toBe(false);
  const box = await creditsBox(page).boundingBox();
  expect(box?.width).toBeLessThanOrEqual(48);
  expect(box?.height).toBeLessThanOrEqual(48);
}

describe("MapLibre's controls", () => {
  it('speak Vietnamese in the Vietnamese interface, English after the switch, and the credits open on request', async () => {
    const { context, page, errors } = await openMap(DESKTOP_MOUSE);
    expect(await zoomIn(page).getAttribute('title')).toBe('Phóng to');
    expect(await zoomIn(page).getAttribute('aria-label')).toBe('Phóng to');
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe('Thu nhỏ');
    expect(await page.locator('.maplibregl-ctrl-attrib-button').getAttribute('title')).toBe(
      'Hiện/ẩn nguồn bản đồ',
    );
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe('Bản đồ');
    await expectCreditsFolded(page);

    // The full credits are one click away.
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect.poll(() => creditsText(page).isVisible()).toBe(true);
    expect(await creditsText(page).textContent()).toMatch(/GADM/);

    // The page switches to English without rebuilding the map: the controls follow.
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => zoomIn(page).getAttribute('title')).toBe('Zoom in');
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe('Map');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in English from the URL', async () => {
    const { context, page } = await openMap(DESKTOP_MOUSE, '?lang=en');
    expect(await zoomIn(page).getAttribute('title')).toBe('Zoom in');
    await context.close();
  });

  it('on a phone: the two-finger hint in Vietnamese, the credits folded', async () => {
    const { context, page, errors } = await openMap(PHONE_TOUCH);
    expect(await page.locator('.maplibregl-mobile-message').textContent()).toBe(
      'Dùng hai ngón tay để di chuyển bản đồ',
    );
    await expectCreditsFolded(page);
    await screenshotOf(page, '[data-testid="map"]', 'phone-map-credits-folded');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 200 % zoom on a desktop (640×400 CSS pixels at twice the density): the credits folded', async () => {
    const { context, page } = await openMap({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await expectCreditsFolded(page);
    await screenshotOf(page, '[data-testid="map"]', 'zoom200-map-credits-folded');
    await context.close();
  });
});
