// Issue "The progress map": filters, recolouring, time and shareable views, checked against the data.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
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

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface Row {
  code: string;
  kind: string;
  tier: string | null;
  criteria_count: number;
  criteria_missing: number[];
}
const yearRows = (year: number): Row[] =>
  JSON.parse(readFileSync(`public/data/snapshot/years/${year}.json`, 'utf8')) as Row[];

/** Below 15 straight from the data: an assessed xã (it has a tier) meeting fewer than 15 criteria. */
const belowFromData = (year: number) =>
  yearRows(year)
    .filter((r) => r.kind === 'xa' && r.tier !== null && r.criteria_count < 15)
    .map((r) => r.code)
    .sort();

type Ctl = {
  renderedUnitIds(): number[];
  map: { loaded(): boolean; getFeatureState(f: object): Record<string, unknown> };
};

async function featureState(page: Page, code: string) {
  return page.evaluate(
    (id) =>
      (window as unknown as { __ntmMap: Ctl }).__ntmMap.map.getFeatureState({
        source: 'units',
        sourceLayer: 'communes',
        id,
      }),
    Number.parseInt(code, 10),
  );
}

async function codesWithState(page: Page, codes: string[], key: string): Promise<string[]> {
  const out: string[] = [];
  for (const code of codes) if ((await featureState(page, code))[key] === true) out.push(code);
  return out.sort();
}

async function open(query: string, size: { width: number; height: number } = DESKTOP) {
  const page = await browser().newPage({ viewport: size, acceptDownloads: true, serviceWorkers: 'block' });
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}${query}`);
  await openInteractiveMap(page);
  await waitForMapIdle(page);
  return { page, errors };
}

const tableCodes = (page: Page) =>
  page.$$eval('[data-testid="planner-table"] tbody tr', (trs) =>
    trs.map((tr) => tr.getAttribute('data-code')!),
  );

describe('the progress map', () => {
  it('shows exactly the communes below 15 criteria in the table filter and on the map', async () => {
    const expected = belowFromData(2023);
    expect(expected.length).toBeGreaterThan(0);
    const { page, errors } = await open('?year=2023&view=table&below=1&mode=criteria');
    await waitForUnitCount(page, 106);
    await expect.poll(async () => (await tableCodes(page)).sort()).toEqual(expected);
    const all = yearRows(2023).map((r) => r.code);
    expect(await codesWithState(page, all, 'below')).toEqual(expected);
    // Filtered-out units are dimmed on the map, the others are not.
    const dimmed = await codesWithState(page, all, 'dim');
    expect(dimmed).toEqual(all.filter((c) => !expected.includes(c)).sort());
    await screenshot(page, 'desktop-criteria-2023-below15-table');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('recolours named units as the data says when the mode changes', async () => {
    const rows = yearRows(2025);
    const atStandard = rows.find((r) => r.kind === 'xa' && r.tier === 'dat_chuan')!;
    const notYet = rows.find(
      (r) => r.kind === 'xa' && r.tier === 'chua_dat' && r.criteria_missing.length > 0,
    )!;
    const { page } = await open('?year=2025');
    await waitForUnitCount(page, 106);
    expect((await featureState(page, atStandard.code)).cls).toBe('status:dat_chuan');
    expect((await featureState(page, notYet.code)).cls).toBe('status:chua_dat');

    await page.locator('[data-testid="mode-switch"] label', { hasText: 'Số tiêu chí' }).click();
    await expect.poll(async () => (await featureState(page, atStandard.code)).cls).toBe('criteria19:19');
    expect(String((await featureState(page, notYet.code)).cls)).toMatch(/^criteria19:\d+(-\d+)?$/);
    await screenshot(page, 'desktop-mode-criteria-2025');

    const missing = notYet.criteria_missing[0]!;
    await page.locator('[data-testid="mode-switch"] label', { hasText: 'Một tiêu chí' }).click();
    await page.selectOption('[data-testid="criterion-select"]', String(missing));
    await expect.poll(async () => (await featureState(page, notYet.code)).cls).toBe('criterion:not_met');
    await screenshot(page, 'desktop-mode-criterion-2025');
    await page.context().close();
  });

  it('moves from 2025 to 2026 with the keyboard and switches to the 38 units', async () => {
    const { page } = await open('?year=2025');
    await waitForUnitCount(page, 106);
    await page.locator('.year-slider input[type=range]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid="year"]').textContent()).toBe('2026');
    await waitForUnitCount(page, 38);
    await expect.poll(() => page.locator('[data-testid="unit-list"]').getAttribute('data-count')).toBe('38');
    await screenshot(page, 'desktop-status-2026');
    await page.context().close();
  });

  it('restores the same view from a copied URL in a new page', async () => {
    const { page } = await open('?year=2023');
    await page.locator('[data-testid="mode-switch"] label', { hasText: 'Số tiêu chí' }).click();
    await page.click('[data-testid="tab-table"]');
    await page.check('[data-testid="filter-below"]');
    await page.locator('[data-testid="planner-table"] tbody tr button').first().click();
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.url()).toContain('lang=en');
    const url = page.url();
    const before = {
      year: await page.locator('[data-testid="year"]').textContent(),
      panel: await page.locator('[data-testid="unit-panel"] h2').textContent(),
      rows: await tableCodes(page),
      lang: await page.getAttribute('html', 'lang'),
    };
    const second = await browser().newPage({ viewport: DESKTOP, serviceWorkers: 'block' });
    await second.goto(url);
    await waitForMapIdle(second);
    await expect.poll(() => second.locator('[data-testid="unit-panel"] h2').textContent()).toBe(before.panel);
    expect(await second.locator('[data-testid="year"]').textContent()).toBe(before.year);
    expect(await tableCodes(second)).toEqual(before.rows);
    expect(await second.getAttribute('html', 'lang')).toBe('en');
    expect(await second.locator('[data-testid="mode-switch"] input[value="criteria"]').isChecked()).toBe(
      true,
    );
    await second.context().close();
    await page.context().close();
  });

  it('falls back to the default view for a malformed URL', async () => {
    const { page, errors } = await open('?year=abc&mode=%3Cscript%3E&unit=zzz&below=maybe&criterion=99');
    await waitForUnitCount(page, 106);
    expect(await page.locator('[data-testid="year"]').textContent()).toBe('2025');
    expect(await page.locator('[data-testid="mode-switch"] input[value="status"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('exports a CSV that matches the table (UTF-8 with BOM)', async () => {
    const { page } = await open('?year=2024&view=table&kind=xa');
    await expect.poll(async () => (await tableCodes(page)).length).toBeGreaterThan(50);
    const shown = await tableCodes(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-csv"]'),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    // The year first, so files of several years can be put together; then the unit, as in the table.
    expect(lines[0]).toMatch(/^Năm,Mã,Đơn vị,Huyện,Loại,Trạng thái,.*,Bộ lọc$/);
    expect(lines.slice(1).every((l) => l.startsWith('2024,'))).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(shown);
    const names = await page.$$eval('[data-testid="planner-table"] tbody tr td:first-child', (tds) =>
      tds.map((td) => td.textContent!.trim()),
    );
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(names);
    // Readable kinds and the filters applied, on every line.
    expect(lines.slice(1).every((l) => l.includes(',Xã,') && l.endsWith('Loại: Xã'))).toBe(true);
    await page.context().close();
  });

  it('saves phone screenshots of every mode', async () => {
    for (const mode of ['status', 'criteria', 'criterion']) {
      const { page } = await open(`?year=2025&mode=${mode}`, PHONE);
      await waitForUnitCount(page, 106);
      await screenshot(page, `phone-mode-${mode}-2025`);
      expect(await page.locator('[data-testid="legend"]').isVisible()).toBe(true);
      await page.context().close();
    }
  });
});
