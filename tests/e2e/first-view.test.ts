// The first view written into index.html at build time (src/lib/first-view): the province map, the
// headline figures and the legend paint from the HTML alone, before (and without) any JavaScript; the app
// replaces it once its own map is drawn, and the province picture is what the reader saw first.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collectPageErrors, PHONE, screenshot } from './browser';
import { useBrowser } from './use-browser';
import { formatPercent } from '../../src/lib/domain/format';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const province2025 = (
  JSON.parse(readFileSync('public/data/snapshot/summaries.json', 'utf8')) as {
    province: { year: number; xa_ntm: number; xa_total: number; xa_ntm_pct: number }[];
  }
).province.find((p) => p.year === 2025)!;

describe('the first view in the HTML', () => {
  it('shows the map, the figures and the legend of 2025 with JavaScript turned off', async () => {
    const context = await browser().newContext({
      viewport: PHONE,
      javaScriptEnabled: false,
      serviceWorkers: 'block',
    });
    try {
      const page = await context.newPage();
      await page.goto(baseUrl);
      const poster = page.locator('[data-testid="first-view"]');
      expect(await poster.isVisible()).toBe(true);
      // The picture decodes and has the map's size; its text equivalent counts the units.
      const picture = page.locator('[data-testid="first-view"] img.fv-map');
      const size = await picture.evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        return { natural: img.naturalWidth, shown: img.getBoundingClientRect().width };
      });
      expect(size.natural).toBeGreaterThan(100);
      expect(size.shown).toBeGreaterThan(300);
      expect(await picture.getAttribute('alt')).toContain('Năm 2025: 106 đơn vị');
      const text = await poster.innerText();
      expect(text).toContain(formatPercent(province2025.xa_ntm_pct, 'vi', 1));
      expect(text).toContain(`Xã đạt chuẩn NTM (${province2025.xa_ntm}/${province2025.xa_total})`);
      expect(text).toMatch(/lưu kèm ứng dụng, đến ngày \d{2}\/\d{2}\/\d{4}/);
      expect(text).toContain('Dữ liệu minh họa');
      expect(await page.locator('.fv-legend li').count()).toBeGreaterThanOrEqual(3);
      // The app's mount point stays hidden behind it.
      expect(await page.locator('#app').isVisible()).toBe(false);
      await screenshot(page, 'first-view-no-js-phone');
    } finally {
      await context.close();
    }
  });

  it('gives way to the app once the app has drawn its map, after the picture was painted', async () => {
    const context = await browser().newContext({ viewport: PHONE, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: string[] };
        w.__lcp = [];
        new PerformanceObserver((list) => {
          // `url` survives the element's removal (`element` then reads null): the picture is a data: URL.
          for (const e of list.getEntries() as (PerformanceEntry & {
            url: string;
            element: Element | null;
          })[])
            w.__lcp.push(
              e.url
                ? e.url.slice(0, 'data:image/svg+xml'.length)
                : `${e.element?.closest('#first-view') ? 'first view' : 'app'} ${e.element?.tagName ?? '?'}`,
            );
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(baseUrl);
      await page.locator('[data-testid="first-view"]').waitFor({ state: 'detached', timeout: 120_000 });
      // The app's own view is there: its map with every unit, and one page title (not two).
      await expect
        .poll(() => page.locator('[data-testid="static-map"] path[data-code]').count(), { timeout: 60_000 })
        .toBe(106);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('#app').isVisible()).toBe(true);
      // The province picture was painted before it went: it is the largest thing the reader saw first.
      // Entries are reported once the frame is on screen, which can be after the first view has gone. The
      // first view's title can come first (its text is painted before the picture is decoded); the picture
      // is then the largest, and nothing of the app outgrows it.
      const lcp = () => page.evaluate(() => (window as unknown as { __lcp: string[] }).__lcp);
      await expect.poll(async () => (await lcp()).at(-1), { timeout: 30_000 }).toBe('data:image/svg+xml');
      expect((await lcp()).filter((e) => e.startsWith('app'))).toEqual([]);
      // The content security policy holds (a violation is a console error), and nothing else failed.
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
