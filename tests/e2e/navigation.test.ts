// Issue 19, items 4, 5, 6 and part of 10: getting around without losing one's place. On a phone the tapped
// unit stays in view above its sheet, which drags (or expands with its button) to full height; closing a
// panel goes back to the entry under it, so Back after a close leaves the app; a keyboard user goes from
// the search to a unit's panel and back to the row they chose it from; the list is one tab stop however
// long; the map options stay open; Play plays the years from the first; a boundary year never shows an
// empty province.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import {
  collectPageErrors,
  DESKTOP_MOUSE,
  openAndSettle,
  PHONE_TOUCH,
  screenshot,
  waitForMapIdle,
  waitForUnitCount,
} from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** A page that first shows another page of the site, so "Back out of the app" has somewhere to go. */
async function open(options: BrowserContextOptions, query = '?year=2025') {
  const context = await browser().newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('data:text/html,<title>before</title>');
  await page.goto(`${baseUrl}${query}`);
  await page.locator('.unit-list li button').first().waitFor({ timeout: 60_000 });
  return { context, page, errors };
}

const panel = (page: Page) => page.locator('[data-testid="unit-panel"]');
const unitInUrl = (page: Page) => new URL(page.url()).searchParams.get('unit');
const historyLength = (page: Page) => page.evaluate(() => history.length);
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      code: el?.closest('li')?.getAttribute('data-code') ?? null,
      testid: el?.getAttribute('data-testid') ?? null,
      inList: !!el?.closest('.unit-list ul'),
      type: el?.getAttribute('type') ?? null,
      top: el?.getBoundingClientRect().top ?? -1,
      bottom: el?.getBoundingClientRect().bottom ?? -1,
    };
  });

async function chooseFromList(page: Page, name: string) {
  await page.fill('[data-testid="unit-search"]', name);
  const row = page.locator('.unit-list li button').first();
  await expect.poll(() => row.locator('.name').textContent()).toBe(name);
  const code = await row.evaluate((el) => el.closest('li')!.getAttribute('data-code')!);
  await row.click();
  await expect.poll(() => panel(page).getAttribute('data-code')).toBe(code);
  return code;
}

describe.each([
  ['desktop', DESKTOP_MOUSE],
  ['phone', PHONE_TOUCH],
] as const)('closing a panel on a %s (item 5)', (_name, device) => {
  it('× and Escape go back to the entry under the panel: Back then leaves the app', async () => {
    const { context, page, errors } = await open(device);
    await chooseFromList(page, 'Xã Khoen On');
    const opened = await historyLength(page);
    await page.locator('[data-testid="unit-panel"] button.close').click();
    await expect.poll(() => panel(page).count()).toBe(0);
    await expect.poll(() => unitInUrl(page)).toBeNull();
    expect(await historyLength(page)).toBe(opened); // no new entry (was opened + 1)
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/^data:/);

    // Again with Escape, and with a panel switched to another unit first (still one layer).
    await page.goForward();
    await page.locator('.unit-list li button').first().waitFor({ timeout: 60_000 });
    await chooseFromList(page, 'Xã Khoen On');
    await chooseFromList(page, 'Xã Tà Gia');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/^data:/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a shared link with a unit: closing it, then Back, leaves the app', async () => {
    const { context, page, errors } = await open(device, '?year=2025&unit=03643');
    await expect.poll(() => panel(page).getAttribute('data-code')).toBe('03643');
    await page.locator('[data-testid="unit-panel"] button.close').click();
    await expect.poll(() => unitInUrl(page)).toBeNull();
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/^data:/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The screen point of a unit's label (from the tile index) on the interactive map. */
function unitOnScreen(page: Page, code: string) {
  return page.evaluate(async (wanted) => {
    const index = await (await fetch('tiles/laichau-2020.index.json')).json();
    const unit = index.units.find((u: { code: string }) => u.code === wanted);
    const ctl = (
      window as unknown as {
        __ntmMap: {
          map: { project(l: [number, number]): { x: number; y: number }; getContainer(): Element };
        };
      }
    ).__ntmMap;
    const p = ctl.map.project(unit.label);
    const box = ctl.map.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y, mapTop: box.top };
  }, code);
}

const mapSettled = (page: Page) =>
  page.waitForFunction(
    () => {
      const c = (window as unknown as { __ntmMap?: { map: { isMoving(): boolean; loaded(): boolean } } })
        .__ntmMap;
      return !!c && !c.map.isMoving() && c.map.loaded();
    },
    undefined,
    { timeout: 30_000, polling: 200 },
  );

const sheetTop = (page: Page) =>
  page.locator('[data-testid="unit-sheet"]').evaluate((el) => el.getBoundingClientRect().top);

describe("a phone's unit sheet (item 4)", () => {
  it('a unit in the south of the province, tapped or chosen, stays in view above its sheet', async () => {
    const { context, page, errors } = await open(PHONE_TOUCH);
    expect(await openAndSettle(page)).toBe('idle');
    // Tapped on the map: Xã Khoen On, the southernmost unit, sits low in the province view.
    const before = await unitOnScreen(page, '03643');
    await page.touchscreen.tap(before.x, before.y);
    await expect.poll(() => panel(page).getAttribute('data-code')).toBe('03643');
    await mapSettled(page);
    const tapped = await unitOnScreen(page, '03643');
    expect(tapped.y).toBeGreaterThan(tapped.mapTop);
    expect(tapped.y).toBeLessThan((await sheetTop(page)) - 10);
    await screenshot(page, 'phone-390x844-sheet-peek');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);

    // Chosen from the list: the flight fits it above the sheet too.
    await chooseFromList(page, 'Xã Tà Gia');
    await mapSettled(page);
    const chosen = await unitOnScreen(page, '03640');
    expect(chosen.y).toBeGreaterThan(chosen.mapTop);
    expect(chosen.y).toBeLessThan((await sheetTop(page)) - 10);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the static map draws the province above the sheet, the selected unit included', async () => {
    const { context, page, errors } = await open(PHONE_TOUCH, '?year=2025&unit=03643');
    const selection = page.locator('[data-testid="static-map"] path.selection');
    await selection.waitFor();
    const box = await selection.evaluate((el) => el.getBoundingClientRect().bottom);
    expect(box).toBeLessThanOrEqual((await sheetTop(page)) + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drags from peek to full height and back; its button does the same for a keyboard', async () => {
    const { context, page, errors } = await open(PHONE_TOUCH, '?year=2025&unit=03643');
    const sheet = page.locator('[data-testid="unit-sheet"]');
    const handle = page.locator('[data-testid="sheet-handle"]');
    await handle.waitFor();
    const peek = (await sheet.boundingBox())!;
    expect(peek.height).toBeLessThan(844 * 0.5);
    expect(await handle.getAttribute('aria-expanded')).toBe('false');

    // A drag up (a pointer held on the handle) to near the top: it settles at full height.
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    for (let y = h.y; y > 80; y -= 60) await page.mouse.move(h.x + h.width / 2, y);
    await page.mouse.up();
    await expect.poll(() => sheet.getAttribute('data-size')).toBe('full');
    await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(844 * 0.85);
    expect(await handle.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'phone-390x844-sheet-full');

    // The button: Enter folds it back to its peek height.
    await handle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sheet.getAttribute('data-size')).toBe('peek');
    await expect.poll(async () => (await sheet.boundingBox())!.height).toBeLessThan(844 * 0.5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after Escape, nothing of the unit stays on the map: no outline, no name', async () => {
    const { context, page, errors } = await open(PHONE_TOUCH);
    expect(await openAndSettle(page)).toBe('idle');
    const at = await unitOnScreen(page, '03643');
    await page.touchscreen.tap(at.x, at.y);
    await expect.poll(() => panel(page).getAttribute('data-code')).toBe('03643');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    const state = await page.evaluate(() =>
      (
        window as unknown as {
          __ntmMap: { map: { getFeatureState(f: object): Record<string, unknown> } };
        }
      ).__ntmMap.map.getFeatureState({ source: 'units', sourceLayer: 'communes', id: 3643 }),
    );
    expect(state.selected ?? false).toBe(false);
    expect(state.hover ?? false).toBe(false);
    expect(await page.locator('[data-testid="map"] ~ .tooltip').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Presses Tab until `stop` holds for the focused element (at most `max` times); the elements passed. */
async function tabUntil(page: Page, stop: (f: Awaited<ReturnType<typeof active>>) => boolean, max = 60) {
  const seen: Awaited<ReturnType<typeof active>>[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await active(page);
    seen.push(f);
    if (stop(f)) return seen;
  }
  throw new Error(`not reached in ${max} presses: ${JSON.stringify(seen.slice(-5))}`);
}

describe('a keyboard user keeps their place (item 6)', () => {
  it('skip links go to the map and to the list', async () => {
    const { context, page, errors } = await open(DESKTOP_MOUSE);
    await waitForMapIdle(page);
    await page.keyboard.press('Tab');
    expect((await active(page)).testid).toBe('skip-map');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#map-area'))).toBe(true);
    await page.locator('[data-testid="skip-map"]').focus();
    await page.keyboard.press('Tab');
    expect((await active(page)).testid).toBe('skip-list');
    await page.keyboard.press('Enter');
    expect((await active(page)).id).toBe('unit-list-title');
    await page.keyboard.press('Tab');
    expect((await active(page)).testid).toBe('unit-search');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('search, choose, read, close, and land back on the row chosen', async () => {
    const { context, page, errors } = await open({
      ...DESKTOP_MOUSE,
      viewport: { width: 1366, height: 768 },
    });
    await waitForMapIdle(page);
    await page.locator('[data-testid="unit-search"]').focus();
    await page.keyboard.type('ta');
    // One Tab into the list, arrows inside it.
    await page.keyboard.press('Tab');
    const first = await active(page);
    expect(first.inList).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await active(page);
    expect(chosen.inList).toBe(true);
    expect(chosen.code).not.toBe(first.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).getAttribute('data-code')).toBe(chosen.code);
    // The focus is on the panel's heading, in view.
    const heading = await active(page);
    expect(heading.id).toBe('unit-panel-title');
    expect(heading.top).toBeGreaterThanOrEqual(0);
    expect(heading.bottom).toBeLessThanOrEqual(768);
    await screenshot(page, 'desktop-1366x768-unit-panel');
    // Read on: the next Tab stays in the panel (its close button), not the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="unit-panel"]'))).toBe(
      true,
    );
    // Escape: back on the row chosen, in view.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    const back = await active(page);
    expect(back.code).toBe(chosen.code);
    expect(back.top).toBeGreaterThanOrEqual(0);
    expect(back.bottom).toBeLessThanOrEqual(768);
    // The same with the close button, opened with Enter again.
    await page.keyboard.press('Enter');
    await expect.poll(() => active(page).then((f) => f.id)).toBe('unit-panel-title');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the close button
    await expect.poll(() => panel(page).count()).toBe(0);
    expect((await active(page)).code).toBe(chosen.code);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the list is one tab stop with arrows, Home and End, and draws only the rows in view', async () => {
    const { context, page, errors } = await open(DESKTOP_MOUSE);
    const list = page.locator('.unit-list');
    expect(await list.locator('li').count()).toBeLessThan(40);
    expect(await list.getAttribute('data-count')).toBe('106');
    expect(await list.locator('li button:not([tabindex="-1"])').count()).toBe(1);
    await page.locator('[data-testid="unit-search"]').focus();
    await page.keyboard.press('Tab');
    expect((await active(page)).inList).toBe(true);
    await page.keyboard.press('End');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')))
      .toBe('106');
    expect(
      await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-setsize')),
    ).toBe('106');
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')))
      .toBe('1');
    // Tab leaves the list at once.
    await page.keyboard.press('Tab');
    expect((await active(page)).inList).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the year slider comes after the controls above it in the tab order', async () => {
    const { context, page, errors } = await open(DESKTOP_MOUSE);
    const seen = await tabUntil(page, (f) => f.type === 'range');
    const mode = seen.findIndex((f) => f.testid === null && f.type === 'radio');
    expect(mode).toBeGreaterThanOrEqual(0);
    expect(mode).toBeLessThan(seen.length - 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('smaller things (item 10)', () => {
  it('phone: the map options stay open while the mode and the district are chosen', async () => {
    const { context, page, errors } = await open(PHONE_TOUCH);
    const more = page.locator('details.more');
    await more.locator('summary').click();
    await page.locator('[data-testid="mode-switch"] input[value="criteria"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('criteria');
    expect(await more.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await page.locator('[data-testid="district-select"]').selectOption('105');
    await expect.poll(() => new URL(page.url()).searchParams.get('district')).toBe('105');
    expect(await more.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('phone: the list shows that it scrolls, and how many units it holds', async () => {
    const { context, page, errors } = await open(PHONE_TOUCH);
    const list = page.locator('.unit-list');
    await list.scrollIntoViewIfNeeded();
    expect(await list.locator('.more').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="unit-count"]').textContent()).toBe('106 đơn vị');
    // The box ends inside a row, not between two.
    const rows = await list.locator('.scroller').evaluate((el) => el.clientHeight / 48);
    expect(rows % 1).toBeGreaterThan(0.2);
    await list.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => list.locator('.more').count()).toBe(0);
    await screenshot(page, 'phone-390x844-list');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a ward chosen from the list keeps the province around it (the zoom is capped)', async () => {
    const { context, page, errors } = await open(DESKTOP_MOUSE);
    await waitForMapIdle(page);
    const zoom = () =>
      page.evaluate(() =>
        (window as unknown as { __ntmMap: { map: { getZoom(): number } } }).__ntmMap.map.getZoom(),
      );
    const province = await zoom();
    await chooseFromList(page, 'Phường Đoàn Kết');
    await mapSettled(page);
    const ward = await zoom();
    expect(ward).toBeGreaterThan(province + 1);
    expect(ward).toBeLessThanOrEqual(province + 2.01);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Play from the default year plays from the first year', async () => {
    const { context, page, errors } = await open(DESKTOP_MOUSE);
    await page.evaluate(() => {
      const w = window as unknown as { __years: string[] };
      w.__years = [];
      const year = document.querySelector('[data-testid="year"]')!;
      new MutationObserver(() => w.__years.push(year.textContent ?? '')).observe(year, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.locator('.year-slider .play').click();
    const years = () => page.evaluate(() => (window as unknown as { __years: string[] }).__years);
    await expect.poll(() => years().then((y) => y.length), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect((await years()).slice(0, 2)).toEqual(['2016', '2017']);
    await page.locator('.year-slider .play').click(); // pause
    expect(errors).toEqual([]);
    await context.close();
  });

  it('crossing a boundary year, the map never shows an empty province or "Đang tải bản đồ…"', async () => {
    const { context, page, errors } = await open(DESKTOP_MOUSE, '?year=2019');
    await waitForMapIdle(page);
    // Record every frame until the new archive is drawn: a bare map canvas in view, or the loading line.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: string[] };
      w.__frames = [];
      const look = () => {
        const map = document.querySelector<HTMLElement>('[data-testid="map"]');
        const message = document.querySelector('.map-message')?.textContent ?? '';
        const shown = map ? getComputedStyle(map).opacity !== '0' : false;
        w.__frames.push(`${map?.dataset.state}|${shown ? 'shown' : 'hidden'}|${message}`);
        if (w.__frames.length < 2000) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.locator('.year-slider input[type=range]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid="year"]').textContent()).toBe('2020');
    await waitForUnitCount(page, 106);
    await waitForMapIdle(page);
    await page.waitForTimeout(200);
    const frames = await page.evaluate(() => (window as unknown as { __frames: string[] }).__frames);
    expect(frames.some((f) => f.startsWith('loading'))).toBe(true); // the switch was seen
    expect(frames.filter((f) => f.includes('Đang tải bản đồ'))).toEqual([]);
    expect(frames.filter((f) => f.startsWith('loading|shown'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
