// The leaders' targets view and its printed report, in a real browser (Debian Chromium, SwiftShader WebGL)
// on the built app with the committed snapshot data.
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  collectPageErrors,
  DESKTOP,
  openInteractiveMap,
  PHONE,
  SCREENSHOT_DIR,
  waitForMapIdle,
} from './browser';
import { useBrowser } from './use-browser';
import { formatValue } from '../../src/lib/report/units';
import type { AreaSummary, Target } from '../../src/lib/domain/types';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The target ids of the reference table (data/reference/targets-2021-2025.md): T1a … T8. */
const TARGET_IDS = [
  ...readFileSync('data/reference/targets-2021-2025.md', 'utf8').matchAll(/^\| (T\d[a-z]?) \|/gm),
].map((m) => m[1]!);
const snapshot = {
  meta: JSON.parse(readFileSync('public/data/snapshot/meta.json', 'utf8')) as { targets: Target[] },
  summaries: JSON.parse(readFileSync('public/data/snapshot/summaries.json', 'utf8')) as {
    province: AreaSummary[];
  },
};

/**
 * A fresh context without the service worker, closed when the test ends, pass or fail (like the other
 * browser files: the worker caches whole tile archives behind the map's Range requests, and with it in
 * control the desktop map here ended in data-state="error", never idle). The targets view is loaded lazily
 * below the map: wait for it, not for the map (phones show the static map and load MapLibre only on
 * request). `withMap`: also load the interactive map and wait until it is idle (the report captures it).
 */
async function openTargets(
  query = '',
  size: { width: number; height: number } = DESKTOP,
  { withMap = false }: { withMap?: boolean } = {},
) {
  const context = await browser().newContext({ viewport: size, serviceWorkers: 'block' });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}?view=targets${query}`);
  await waitForTargetsView(page);
  if (withMap) {
    await openInteractiveMap(page);
    await waitForMapIdle(page);
  }
  return { page, errors };
}

/** The lazily loaded targets view (its chunk, then 22 cards with charts: slow on SwiftShader, 2 cores). */
async function waitForTargetsView(page: Page) {
  await page.waitForSelector('[data-testid="targets-view"] article[data-target]', { timeout: 120_000 });
}

/** A screenshot of the viewport with `selector` scrolled to the top (a full page is too tall to look at). */
async function shotAt(page: Page, selector: string, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

describe('the targets view', () => {
  it('the reference lists the 22 targets T1a–T8', () => {
    expect(TARGET_IDS).toHaveLength(22);
    expect(TARGET_IDS[0]).toBe('T1a');
    expect(TARGET_IDS.at(-1)).toBe('T8');
  });

  it('shows the host beside every source link it renders (issue 20)', async () => {
    const { page, errors } = await openTargets();
    const links = await page.locator('[data-testid="targets-view"] .sources li').evaluateAll((items) =>
      items
        .filter((li) => li.querySelector('a'))
        .map((li) => ({
          href: li.querySelector('a')!.getAttribute('href')!,
          host: li.querySelector('.host')?.textContent ?? null,
        })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.host, l.href).toBe(`(${new URL(l.href).hostname})`);
    expect(errors).toEqual([]);
    await shotAt(page, '[data-testid="targets-view"] .sources a', 'targets-source-hosts');
  });

  it('shows every target T1a–T8 with a value or an explicit "chưa có số liệu", a chart and a status', async () => {
    const { page, errors } = await openTargets();
    const cards = page.locator('[data-testid="targets-view"] article[data-target]');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-target')))).toEqual(
      TARGET_IDS,
    );
    const shown = await cards.evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-target'),
        value:
          (e.querySelector('[data-testid="target-value"]') as HTMLElement | null)?.innerText.trim() ?? '',
        charts: e.querySelectorAll('[data-testid="trend-chart"]').length,
        status: e.getAttribute('data-status'),
        badge: e.querySelector('.badge')?.textContent?.trim() ?? '',
      })),
    );
    for (const card of shown) {
      expect(card.value === 'Chưa có số liệu' || /\d/.test(card.value), `${card.id}: "${card.value}"`).toBe(
        true,
      );
      expect(card.charts, card.id!).toBe(1);
      expect(card.status).toMatch(/^(met|on_track|at_risk|missed|no_data|no_target)$/);
      // The status is written out, not only coloured.
      expect(card.badge.length).toBeGreaterThan(3);
    }
    // The value shown is the snapshot's: T1b in 2025 is the province's share of xã at the standard.
    const t1b = snapshot.summaries.province.find((p) => p.year === 2025)!.xa_ntm_pct;
    expect(
      await page.locator('article[data-target="T1b"] [data-testid="target-value"] .number').innerText(),
    ).toBe(formatValue(t1b, '%', 'vi'));
    // Eight groups, the period result lists every target, illustrative figures are flagged.
    expect(await page.locator('[data-testid="targets-view"] section.group h3').count()).toBe(8);
    expect(await page.locator('[data-testid="period-result"] tbody tr').count()).toBe(22);
    expect(await page.locator('[data-testid="targets-view"]').innerText()).toContain('minh họa');
    // Indicators measured per district carry their breakdown.
    expect(
      await page.locator('article[data-target="T1b"] [data-testid="district-breakdown"] tbody tr').count(),
    ).toBe(8);
    expect(errors).toEqual([]);

    await shotAt(page, '[data-testid="targets-view"]', 'targets-desktop-period');
    await shotAt(page, '#target-group-1', 'targets-desktop-cards');
  });

  it('the chart has a text and a table equivalent', async () => {
    const { page } = await openTargets();
    const chart = page.locator('article[data-target="T1b"] [data-testid="trend-chart"]');
    const label = (await chart.getAttribute('aria-label')) ?? '';
    expect(label).toContain(
      '2025: ' + formatValue(snapshot.summaries.province.find((p) => p.year === 2025)!.xa_ntm_pct, '%', 'vi'),
    );
    expect(label).toContain('Mục tiêu 2025: ≥ 57,5%');
    const rows = page.locator('article[data-target="T1b"] .trend details table tbody tr');
    expect(await rows.count()).toBe(7); // 2020–2025 and the target
  });

  it('works at 390 px: nothing wider than the screen', async () => {
    const { page, errors } = await openTargets('', PHONE);
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      view: document.querySelector('[data-testid="targets-view"]')!.getBoundingClientRect().width,
      charts: [...document.querySelectorAll('[data-testid="trend-chart"]')].map(
        (c) => c.getBoundingClientRect().right,
      ),
    }));
    expect(widths.doc).toBeLessThanOrEqual(PHONE.width);
    expect(widths.view).toBeLessThanOrEqual(PHONE.width);
    expect(Math.max(...widths.charts)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    await shotAt(page, '[data-testid="targets-view"]', 'targets-phone-period');
    await shotAt(page, 'article[data-target="T1b"]', 'targets-phone-card');
  });

  it('a district shows its own figures, and English formats numbers the English way', async () => {
    const { page } = await openTargets('&district=107&lang=en');
    const title = await page.locator('#targets-title').innerText();
    expect(title).toContain('Mường Tè');
    const t1b = await page.locator('article[data-target="T1b"] [data-testid="target-value"]').innerText();
    expect(t1b).toMatch(/^\d+(\.\d+)?%/);
    // T2 is measured for the province only: the district view says so.
    expect(await page.locator('article[data-target="T2"]').innerText()).toContain('Province figure');
  });

  it('says "chưa có số liệu" for an indicator without figures, never 0', async () => {
    // The same snapshot with every T8 row removed, served to the real page (no service worker in between).
    const context = await browser().newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.route('**/data/snapshot/summaries.json', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { indicators: { target_id: string }[] };
      body.indicators = body.indicators.filter((r) => r.target_id !== 'T8');
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${baseUrl}?view=targets`);
    await waitForTargetsView(page);
    const card = page.locator('article[data-target="T8"]');
    expect(await card.locator('[data-testid="target-value"]').innerText()).toBe('Chưa có số liệu');
    expect(await card.getAttribute('data-status')).toBe('no_data');
    expect(await card.locator('[data-testid="trend-chart"]').getAttribute('aria-label')).toContain(
      '2025: chưa có số liệu',
    );
    const periodRow = page.locator('[data-testid="period-result"] tr[data-target="T8"]');
    expect(await periodRow.getAttribute('data-verdict')).toBe('no_data');
    expect(await periodRow.innerText()).toContain('Chưa có số liệu');
    // Every other target still shows its figure.
    expect(await page.locator('article[data-status="no_data"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

/** The static map of the 2021–2025 boundaries (the reports' years): its viewBox and every unit code. */
const staticMap2020 = JSON.parse(readFileSync('public/tiles/laichau-2020.static.json', 'utf8')) as {
  viewBox: string;
  units: { code: string }[];
};
const units2020 = (
  JSON.parse(readFileSync('public/data/snapshot/meta.json', 'utf8')) as {
    units: { vintage: string; code: string; district_code: string | null }[];
  }
).units.filter((u) => u.vintage === '2020');

/** Presses "Print report" with window.print() recorded instead of opening a dialog; then shows the paper. */
async function printFromButton(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __printed: number; print: () => void };
    w.__printed = 0;
    w.print = () => {
      w.__printed += 1;
    };
  });
  await page.click('[data-testid="print-report-button"]');
  await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1, null, {
    timeout: 30_000,
  });
  await page.emulateMedia({ media: 'print' });
}

/** The printed map: its viewBox, the units drawn in colour (not the faint context) and the legend. */
async function printedMap(page: Page) {
  const svg = page.locator('[data-testid="print-map"]');
  return {
    viewBox: await svg.getAttribute('viewBox'),
    coloured: await svg
      .locator('path[data-code]:not([data-context])')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')!)),
    context: await svg.locator('path[data-context]').count(),
    legend: Object.fromEntries(
      await page
        .locator('[data-testid="print-legend"] li[data-class]')
        .evaluateAll((rows) =>
          rows.map((li) => [
            li.getAttribute('data-class')!,
            Number(li.querySelector('[data-testid="print-legend-count"]')!.textContent),
          ]),
        ),
    ) as Record<string, number>,
    legendText: await page.locator('[data-testid="print-legend"]').innerText(),
  };
}

/** The screen's own legend counts (status colouring), by class. */
async function screenLegend(page: Page): Promise<Record<string, number>> {
  const rows = await page
    .locator('[data-testid="legend"] li[data-class]')
    .evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-class')!, Number(li.querySelector('.count')!.textContent)]),
    );
  return Object.fromEntries(rows) as Record<string, number>;
}

async function shotOfReport(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('[data-testid="print-report"]').screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

describe('the printed report', () => {
  it('prints the province, not the commune the live map is zoomed into, with its legend, on A4', async () => {
    // An English province report while the live map has flown to one commune (a shared link's unit).
    const { page, errors } = await openTargets('&lang=en&unit=03433', DESKTOP, { withMap: true });
    await page.waitForFunction(
      () => {
        const m = (window as unknown as { __ntmMap?: { renderedUnitIds(): number[] } }).__ntmMap;
        const n = m?.renderedUnitIds().length ?? 0;
        return n > 0 && n < 40;
      },
      null,
      { timeout: 60_000, polling: 250 },
    );
    const onScreen = await screenLegend(page);
    await printFromButton(page);

    const map = await printedMap(page);
    expect(map.viewBox).toBe(staticMap2020.viewBox);
    expect(map.coloured.sort()).toEqual(staticMap2020.units.map((u) => u.code).sort());
    expect(map.context).toBe(0);
    const box = await page.locator('[data-testid="print-map"]').boundingBox();
    expect(box && box.width > 300 && box.height > 200).toBe(true);
    // The legend names every class with its count, the same counts as the screen's legend.
    expect(Object.keys(map.legend)).toContain('below');
    for (const [id, count] of Object.entries(onScreen)) expect(map.legend[id], id).toBe(count);
    expect(map.legendText).toContain('Commune at the new-rural standard:');
    expect(map.legendText).toContain(`${staticMap2020.units.length} units`);
    const report = await page.locator('[data-testid="print-report"]').innerText();
    expect(report).toContain('Status of the communes, wards and towns · Province · 2025');
    await shotOfReport(page, 'print-report-province-en');

    const table = page.locator('[data-testid="print-targets"]');
    expect(await table.isVisible()).toBe(true);
    expect(
      await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target'))),
    ).toEqual(TARGET_IDS);
    expect(report).toMatch(/Printed: \d{1,2} \w{3} \d{4}/);
    expect(report).toContain('Conclusion 98-KL/TU');
    expect(report).toContain('[S31]');
    expect(report).toContain('ILLUSTRATIVE');
    // Only the report is printed: the interactive page is hidden.
    expect(await page.locator('[data-testid="targets-view"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="map"]').isVisible()).toBe(false);
    expect(await page.locator('header.top').isVisible()).toBe(false);

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/targets-report.pdf', pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);

    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('[data-testid="print-report"]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('numbers the printed pages, and no cell of the targets table spills into the next (Vietnamese)', async () => {
    const { page, errors } = await openTargets('');
    await printFromButton(page);
    // Every cell's content fits its cell: "Trạng thái" and "Tổng kết giai đoạn" side by side, not over
    // each other.
    const spills = await page
      .locator('[data-testid="print-targets"] th, [data-testid="print-targets"] td')
      .evaluateAll((cells) =>
        cells
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => `${c.closest('tr')?.getAttribute('data-target') ?? 'head'}: ${c.textContent}`),
      );
    expect(spills).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/targets-report-vi.pdf', pdf);
    let text: string | null = null;
    try {
      text = execFileSync('pdftotext', ['test-results/targets-report-vi.pdf', '-'], {
        encoding: 'utf8',
      });
    } catch (e) {
      if (process.env.CI) throw e;
      console.warn('pdftotext (poppler-utils) is missing: the page numbers are not read back');
    }
    if (text !== null) {
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(1);
      // "1 / 2" on a line of its own (pdftotext drops the spaces around the slash).
      pages.forEach((p, i) =>
        expect(p).toMatch(new RegExp(`(^|\\n)\\s*${i + 1}\\s*/\\s*${pages.length}\\s*(\\n|$)`)),
      );
    }
    expect(errors).toEqual([]);
  });

  it('prints a district report on that district only, cropped to it, with the district’s legend', async () => {
    const district = '108';
    const own = units2020.filter((u) => u.district_code === district).map((u) => u.code);
    const { page, errors } = await openTargets(`&district=${district}`);
    const onScreen = await screenLegend(page);
    await printFromButton(page);

    const map = await printedMap(page);
    expect(map.coloured.sort()).toEqual([...own].sort());
    expect(map.context).toBe(staticMap2020.units.length - own.length);
    const [, , w, h] = (map.viewBox ?? '').split(' ').map(Number);
    const [, , pw, ph] = staticMap2020.viewBox.split(' ').map(Number);
    expect(w! < pw! && h! < ph!).toBe(true);
    // The screen's legend with this district chosen counts its units only: the paper says the same.
    for (const [id, count] of Object.entries(onScreen)) expect(map.legend[id], id).toBe(count);
    expect(map.legendText).toContain(`${own.length} đơn vị`);
    const report = await page.locator('[data-testid="print-report"]').innerText();
    expect(report).toContain('Huyện Sìn Hồ · năm 2025');
    await shotOfReport(page, 'print-report-district-vi');
    expect(errors).toEqual([]);
  });

  it("prints the map too when printed from the browser's own menu, not the button", async () => {
    const { page, errors } = await openTargets();
    // No button: the browser's print (Ctrl+P) only switches to the print media.
    await page.emulateMedia({ media: 'print' });
    await page.locator('[data-testid="print-map"]').waitFor({ timeout: 30_000 });
    const map = await printedMap(page);
    expect(map.coloured.sort()).toEqual(staticMap2020.units.map((u) => u.code).sort());
    const report = await page.locator('[data-testid="print-report"]').innerText();
    expect(report).not.toContain('Bản đồ chưa được đưa vào');
    expect(errors).toEqual([]);
  });
});
