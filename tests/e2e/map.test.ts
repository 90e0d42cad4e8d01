// The map page in a real browser (Debian Chromium, SwiftShader WebGL) on the built app.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectPageErrors,
  openInteractiveMap,
  DESKTOP,
  PHONE,
  screenshot,
  waitForMapIdle,
  waitForUnitCount,
} from './browser';
import { useBrowser } from './use-browser';
import { readFileSync } from 'node:fs';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const referenceCodes = (file: string): number[] =>
  readFileSync(`data/reference/${file}`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number.parseInt(line.split(',')[0]!, 10))
    .sort((a, b) => a - b);

async function renderedIds(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const map = (window as unknown as { __ntmMap: { renderedUnitIds(): number[] } }).__ntmMap;
    return map.renderedUnitIds();
  });
}

async function openPage(query = '', size: { width: number; height: number } = DESKTOP) {
  const page = await browser().newPage({ viewport: size, serviceWorkers: 'block' });
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}${query}`);
  await openInteractiveMap(page);
  await waitForMapIdle(page);
  return { page, errors };
}

describe('the map page', () => {
  it('draws every unit of the 2020–2025 vintage at the province view, without page errors', async () => {
    const { page, errors } = await openPage();
    await waitForUnitCount(page, 106);
    expect(await renderedIds(page)).toEqual(referenceCodes('units-2020.csv'));
    await screenshot(page, 'desktop-status-2025');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('selects a named commune by clicking the map and shows it in the panel', async () => {
    const { page } = await openPage();
    await waitForUnitCount(page, 106);
    // Click the label point of Xã Bản Bo (from the tile index) on the canvas.
    const point = await page.evaluate(async () => {
      const index = await (await fetch('tiles/laichau-2020.index.json')).json();
      const unit = index.units.find((u: { full_name: string }) => u.full_name === 'Xã Bản Bo');
      const ctl = (
        window as unknown as { __ntmMap: { map: { project(l: [number, number]): { x: number; y: number } } } }
      ).__ntmMap;
      const p = ctl.map.project(unit.label);
      return { x: p.x, y: p.y };
    });
    const box = await page.locator('[data-testid="map"] canvas').boundingBox();
    await page.mouse.click(box!.x + point.x, box!.y + point.y);
    await expect.poll(() => page.locator('[data-testid="unit-panel"] h2').textContent()).toBe('Xã Bản Bo');
    // Selecting on the map highlights the unit in the list.
    await expect.poll(() => page.locator('.unit-list button.selected .name').textContent()).toBe('Xã Bản Bo');
    await screenshot(page, 'desktop-selected-ban-bo');
    await page.context().close();
  });

  it('finds Mường Tè by typing "muong te" and flies to it', async () => {
    const { page } = await openPage();
    await page.fill('[data-testid="unit-search"]', 'muong te');
    const first = page.locator('.unit-list li button').first();
    await expect.poll(() => first.locator('.name').textContent()).toMatch(/Mường Tè/);
    await first.click();
    await expect.poll(() => page.locator('[data-testid="unit-panel"] h2').textContent()).toMatch(/Mường Tè/);
    // The map flies there: poll until the flight has zoomed in (a single read can land mid-flight).
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (window as unknown as { __ntmMap: { map: { getZoom(): number } } }).__ntmMap.map.getZoom(),
          ),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(8);
    await page.context().close();
  });

  it('switches boundary vintage: 108, then 38 units', async () => {
    const { page, errors } = await openPage();
    await page.locator('[data-testid="vintage-switch"] label', { hasText: '108' }).click();
    await waitForUnitCount(page, 108);
    expect(await renderedIds(page)).toEqual(referenceCodes('units-2016-2019.csv'));
    await page.locator('[data-testid="vintage-switch"] label', { hasText: '38' }).click();
    await waitForUnitCount(page, 38);
    expect(await renderedIds(page)).toEqual(referenceCodes('units-2025.csv'));
    await screenshot(page, 'desktop-2026-38-units');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works on a phone-sized screen', async () => {
    const { page, errors } = await openPage('', PHONE);
    await waitForUnitCount(page, 106);
    await screenshot(page, 'phone-status-2025');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
