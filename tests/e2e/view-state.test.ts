// The view state a user can trust (issue 14): Back steps back through the views and closes the unit panel
// first, Escape closes it too; a link with values that do not apply to its year opens a clean view with a
// notice; the selected unit survives a boundary change as its successor; a shared link with a unit opens
// the map zoomed to it. On a desktop and on a phone.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { collectPageErrors, DESKTOP_MOUSE, openAndSettle, PHONE_TOUCH } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function open(options: BrowserContextOptions, query = '') {
  const context = await browser().newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}${query}`);
  await page.waitForSelector('[data-testid="mode-switch"]', { state: 'attached', timeout: 60_000 });
  return { context, page, errors };
}

const query = (page: Page) => new URL(page.url()).searchParams;
const panel = (page: Page) => page.locator('[data-testid="unit-panel"]');

/** Picks a radio of a segmented control, also when a phone keeps the controls folded away. */
async function choose(page: Page, testid: string, value: string) {
  const radio = page.locator(`[data-testid="${testid}"] input[value="${value}"]`);
  if (await radio.isVisible()) await radio.check();
  else await radio.dispatchEvent('click');
}

async function openUnitFromList(page: Page, code: string) {
  // The list draws only the rows in view: find the unit by its code first.
  await page.fill('[data-testid="unit-search"]', code);
  await page.locator(`.unit-list li[data-code="${code}"] button`).click();
  await expect.poll(() => panel(page).getAttribute('data-code')).toBe(code);
}

describe.each([
  ['desktop', DESKTOP_MOUSE],
  ['phone', PHONE_TOUCH],
] as const)('view state on a %s', (_name, device) => {
  it('Back closes the panel first, then steps back through the views; Escape closes the panel', async () => {
    const { context, page, errors } = await open(device);
    await choose(page, 'mode-switch', 'criteria');
    await expect.poll(() => query(page).get('mode')).toBe('criteria');
    await openUnitFromList(page, '03386');
    expect(query(page).get('unit')).toBe('03386');

    await page.goBack();
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(query(page).get('unit')).toBeNull();
    expect(query(page).get('mode')).toBe('criteria');

    await page.goBack();
    await expect.poll(() => query(page).get('mode')).toBeNull();
    expect(await page.locator('[data-testid="mode-switch"] input[value="status"]').isChecked()).toBe(true);
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);

    await page.goForward();
    await expect.poll(() => query(page).get('mode')).toBe('criteria');

    await openUnitFromList(page, '03387');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(query(page).get('unit')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a shared link with a unit: the first Back closes its panel and stays in the app', async () => {
    const { context, page, errors } = await open(device, '?unit=03386');
    await expect.poll(() => panel(page).getAttribute('data-code')).toBe('03386');
    await page.goBack();
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('unknown or stale link values give a clean view, a clean URL and a notice', async () => {
    const { context, page, errors } = await open(device, '?district=999&unit=99999');
    const notice = page.locator('[data-testid="view-notice"]');
    await expect.poll(() => notice.textContent()).toContain('huyện 999');
    expect(await notice.textContent()).toContain('đơn vị 99999');
    expect(query(page).has('district')).toBe(false);
    expect(query(page).has('unit')).toBe(false);
    expect(await page.locator('body').textContent()).not.toContain('999 ·');
    expect(await page.locator('[role="status"] [data-testid="view-notice"]').count()).toBe(1);

    await page.goto(`${baseUrl}?year=2026&below=1&missing=5`);
    await expect.poll(() => notice.textContent()).toContain('dưới ngưỡng');
    expect(new URL(page.url()).search).toBe('?year=2026&missing=5');
    // The notice can be dismissed.
    await notice.locator('button').click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a selected unit survives 2025 → 2026 as its successor, and the notice says so', async () => {
    const { context, page, errors } = await open(device, '?unit=03386');
    await expect.poll(() => panel(page).getAttribute('data-code')).toBe('03386');
    await choose(page, 'vintage-switch', '2025');
    await expect.poll(() => query(page).get('year')).toBe('2026');
    expect(query(page).get('unit')).toBe('03388');
    await expect.poll(() => panel(page).getAttribute('data-code')).toBe('03388');
    const notice = page.locator('[data-testid="view-notice"]');
    expect(await notice.textContent()).toContain(
      'Phường Quyết Thắng (năm 2025) nay là Phường Đoàn Kết (năm 2026)',
    );
    // And back: to the unit of the same code among those it was formed from.
    await choose(page, 'vintage-switch', '2020');
    await expect.poll(() => query(page).get('year')).toBeNull();
    expect(query(page).get('unit')).toBe('03388');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a shared link with a unit or a district opens the map zoomed to it; choosing a district flies there', async () => {
    const zoomOf = (page: Page) =>
      page.evaluate(() =>
        (window as unknown as { __ntmMap: { map: { getZoom(): number } } }).__ntmMap.map.getZoom(),
      );
    const province = await open(device);
    expect(await openAndSettle(province.page)).toBe('idle');
    const provinceZoom = await zoomOf(province.page);
    // Choosing a district moves the map to it, and clearing it moves back to the province.
    const district = province.page.locator('[data-testid="district-select"]');
    if (await district.isVisible()) {
      await district.selectOption('105');
      await expect.poll(() => zoomOf(province.page), { timeout: 20_000 }).toBeGreaterThan(provinceZoom + 1);
      await district.selectOption('');
      // The flight pads the box more than the first fit does: back within half a zoom level of it.
      await expect.poll(() => zoomOf(province.page), { timeout: 20_000 }).toBeLessThan(provinceZoom + 0.5);
    }
    await province.context.close();

    const byDistrict = await open(device, '?district=105');
    expect(await openAndSettle(byDistrict.page)).toBe('idle');
    await expect.poll(() => zoomOf(byDistrict.page), { timeout: 20_000 }).toBeGreaterThan(provinceZoom + 1);
    await byDistrict.context.close();

    const { context, page, errors } = await open(device, '?unit=03386');
    expect(await openAndSettle(page)).toBe('idle');
    await expect.poll(() => zoomOf(page), { timeout: 20_000 }).toBeGreaterThan(provinceZoom + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
