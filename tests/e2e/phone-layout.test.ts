// Issue 14: a phone is a map first, and nothing jumps. Taps on the map keep the window where it is and open
// the unit beside the map (a sheet over the map's lower part on a phone, the side panel on a desktop).
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, DESKTOP_MOUSE, PHONE_TOUCH, screenshot, waitForMapIdle } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const PHONE_SMALL = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } as const;

async function open(options: object, query = '?year=2025') {
  const page = await browser().newPage({ ...options, serviceWorkers: 'block' });
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}${query}`);
  await expect
    .poll(() => page.locator('[data-testid="static-map"] path[data-code]').count(), { timeout: 60_000 })
    .toBeGreaterThan(30);
  await page.locator('[data-testid="map-key"]').waitFor();
  return { page, errors };
}

const rect = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  });

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * A screen point inside a unit of the static map: the largest unit (a finger lands there without any
 * small ward near) or the smallest (a ward of a few pixels).
 */
function pointInUnit(page: Page, which: 'largest' | 'smallest') {
  return page.evaluate((pick) => {
    const paths = [
      ...document.querySelectorAll<SVGPathElement>('[data-testid="static-map"] path[data-code]'),
    ];
    const sized = paths
      .map((p) => ({ p, box: p.getBBox() }))
      .map((x) => ({ ...x, area: x.box.width * x.box.height }));
    sized.sort((a, b) => (pick === 'largest' ? b.area - a.area : a.area - b.area));
    const { p, box } = sized[0]!;
    const m = p.getScreenCTM()!;
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++) {
        const local = new DOMPoint(box.x + (box.width * i) / 20, box.y + (box.height * j) / 20);
        if (!p.isPointInFill(local)) continue;
        const screen = local.matrixTransform(m);
        // Whole pixels: a tap lands on one, and a ward of 2 px may be missed by a rounded fraction.
        const x = Math.round(screen.x);
        const y = Math.round(screen.y);
        if (document.elementFromPoint(x, y) === p) return { code: p.getAttribute('data-code')!, x, y };
      }
    throw new Error('no visible point inside the unit');
  }, which);
}

describe('a phone is a map first', () => {
  for (const [name, options] of [
    ['390x844', PHONE_TOUCH],
    ['320x640', PHONE_SMALL],
  ] as const) {
    it(`${name}: the first screen is the map with its key, the year and the mode; nothing scrolls sideways`, async () => {
      const { page, errors } = await open(options);
      const height = options.viewport.height;
      const map = await rect(page, '.map-area');
      expect(map.top).toBeLessThan(height * 0.45);
      expect(map.bottom - map.top).toBeGreaterThan(height * 0.55);
      const key = page.locator('[data-testid="map-key"] summary');
      expect(await key.isVisible()).toBe(true);
      const keyText = (await key.textContent()) ?? '';
      expect(keyText).toContain('2025');
      expect(keyText).toContain('Trạng thái');
      // The key and the whole map box on the first screen.
      expect((await rect(page, '[data-testid="map-key"]')).bottom).toBeLessThanOrEqual(height);
      expect(map.bottom).toBeLessThanOrEqual(height);
      const year = await rect(page, '[data-testid="year"]');
      expect(year.bottom).toBeLessThan(height);
      // Tap targets of the controls in view: 44 px tall at least.
      for (const selector of [
        '.year-slider input[type="range"]',
        '.year-slider .play',
        '.controls summary',
      ]) {
        expect((await rect(page, selector)).height).toBeGreaterThanOrEqual(44);
      }
      expect(await noSidewaysScroll(page)).toBe(true);
      await screenshot(page, `phone-${name}-first-screen`);

      // The 2026 note is reachable from the key.
      await page.locator('[data-testid="year"]').waitFor();
      await page.goto(`${baseUrl}?year=2026`);
      await page.locator('[data-testid="map-key"] summary').click();
      await expect.poll(() => page.locator('[data-testid="map-key-note"]').textContent()).toContain('2026');
      expect(await noSidewaysScroll(page)).toBe(true);
      await screenshot(page, `phone-${name}-key-2026`);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`${name}: tapping a unit opens a sheet over the map's lower part; the window does not move`, async () => {
      const { page, errors } = await open(options);
      await page.evaluate(() => window.scrollTo(0, 24));
      const before = await page.evaluate(() => window.scrollY);
      const target = await pointInUnit(page, 'largest');
      await page.touchscreen.tap(target.x, target.y);
      // Near the city's wards the tap may offer a short list: the tapped unit is its first entry.
      const nearby = page.locator('[data-testid="nearby"] li button');
      await page.waitForTimeout(300);
      if (await nearby.count()) await nearby.first().click();
      const sheet = page.locator('[data-testid="unit-sheet"]');
      await sheet.waitFor();
      // Chromium's touch adjustment may give a tap on a border to the neighbour: any unit of the map.
      expect(await page.locator('[data-testid="unit-panel"]').getAttribute('data-code')).toMatch(/^\d{5}$/);
      expect(await page.evaluate(() => window.scrollY)).toBe(before);
      const box = await rect(page, '[data-testid="unit-sheet"]');
      const map = await rect(page, '.map-area');
      const height = options.viewport.height;
      expect(box.bottom).toBeLessThanOrEqual(height + 1);
      expect(box.top).toBeGreaterThan(map.top + 40); // the map's upper part stays in view
      expect(box.height).toBeLessThan(height * 0.6);
      expect(await noSidewaysScroll(page)).toBe(true);
      await screenshot(page, `phone-${name}-unit-sheet`);
      await page.locator('[data-testid="unit-panel"] button.close').click();
      await expect.poll(() => sheet.count()).toBe(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(before);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('the static map hatches the communes below 15 criteria with dark lines and a red outline, as the interactive map and the legend do', async () => {
    const { page, errors } = await open(PHONE_TOUCH);
    const looks = await page.evaluate(() => {
      const stroke = (el: Element | null) => (el ? getComputedStyle(el).stroke : null);
      const marks = [...document.querySelectorAll('[data-testid="static-map"] .marks path.below')];
      return {
        marks: marks.length,
        outline: stroke(marks[0] ?? null),
        hatch: stroke(document.querySelector('[data-testid="static-map"] pattern#static-hatch-below path')),
        counted: Number(document.querySelector('[data-testid="legend-count-below"]')?.textContent),
      };
    });
    expect(looks.marks).toBeGreaterThan(0);
    expect(looks.marks).toBe(looks.counted);
    expect(looks.outline).toBe('rgb(176, 0, 32)');
    // The pattern's own dark lines (a page rule for the units' white edges once turned them white).
    expect(looks.hatch).toBe('rgba(20, 20, 20, 0.85)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a tap on a ward of a few pixels lists the units near it, and picking one opens it', async () => {
    const { page, errors } = await open(PHONE_TOUCH);
    const target = await pointInUnit(page, 'smallest');
    await page.touchscreen.tap(target.x, target.y);
    const nearby = page.locator('[data-testid="nearby"] li button');
    await expect.poll(() => nearby.count()).toBeGreaterThan(1);
    expect(await nearby.first().getAttribute('data-code')).toBe(target.code);
    for (const button of await nearby.all())
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'phone-390x844-nearby');
    const second = nearby.nth(1);
    const code = await second.getAttribute('data-code');
    await second.click();
    await expect.poll(() => page.locator('[data-testid="unit-panel"]').getAttribute('data-code')).toBe(code);
    expect(await page.locator('[data-testid="nearby"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a desktop keeps the map in place', () => {
  it('a click on the interactive map opens the side panel in view; the window does not move', async () => {
    const page = await browser().newPage({ ...DESKTOP_MOUSE, serviceWorkers: 'block' });
    const errors = collectPageErrors(page);
    await page.goto(`${baseUrl}?year=2025`);
    await waitForMapIdle(page);
    await page.evaluate(() => window.scrollTo(0, 60));
    const before = await page.evaluate(() => window.scrollY);
    const map = await rect(page, '[data-testid="map"]');
    await page.mouse.click((map.left + map.right) / 2, (map.top + map.bottom) / 2);
    const panel = page.locator('[data-testid="unit-panel"]');
    await panel.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    const box = await rect(page, '[data-testid="unit-panel"]');
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(DESKTOP_MOUSE.viewport.height - 100);
    await screenshot(page, 'desktop-unit-panel');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the table opens at full width under the map; choosing a row brings its unit into view; "Chỉ tiêu" shows the targets', async () => {
    const page = await browser().newPage({ ...DESKTOP_MOUSE, serviceWorkers: 'block' });
    const errors = collectPageErrors(page);
    await page.goto(`${baseUrl}?year=2025`);
    await page.locator('[data-testid="tab-table"]').click();
    const table = page.locator('[data-testid="planner-table"]');
    await table.waitFor();
    const tableBox = await rect(page, '[data-testid="planner-table"]');
    expect(tableBox.right - tableBox.left).toBeGreaterThan(1000);
    // One district control on a desktop: the one above the map, just over the table.
    expect(await page.locator('select[data-testid="district-select"]').count()).toBe(1);
    expect(await page.locator('[data-testid="filter-district"]').count()).toBe(0);
    // A row far down the table: the unit's panel (beside the map, above the table) comes into view.
    const row = table.locator('tbody tr').nth(60);
    await row.scrollIntoViewIfNeeded();
    await row.locator('button.link').click();
    const panel = page.locator('[data-testid="unit-panel"]');
    await panel.waitFor();
    // In view: its top at the window's top or below (a fraction of a pixel above, from sub-pixel layout).
    await expect
      .poll(() => panel.evaluate((el) => el.getBoundingClientRect().top))
      .toBeGreaterThanOrEqual(-1);
    expect(await panel.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(
      DESKTOP_MOUSE.viewport.height - 100,
    );
    expect(await row.getAttribute('class')).toContain('selected');
    await screenshot(page, 'desktop-table-wide');

    await page.locator('[data-testid="tab-targets"]').click();
    const targets = page.locator('#section-targets');
    await targets.waitFor();
    await expect
      .poll(() => targets.evaluate((el) => Math.round(el.getBoundingClientRect().top)))
      .toBeLessThan(DESKTOP_MOUSE.viewport.height / 2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
