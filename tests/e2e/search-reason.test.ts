// Issue 19, item 8: a search by a former name lists the unit that took it in, and says why
// ("trước đây: Xã Ka Lăng"), on a phone and on a desktop, in both languages.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, DESKTOP_MOUSE, PHONE_TOUCH, screenshotOf } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The list's rows after typing `query`: each unit's name and its note (empty when none). */
async function search(page: Page, query: string) {
  await page.fill('[data-testid="unit-search"]', query);
  // The list draws only the rows in view: its count of matches is on the list itself.
  await expect
    .poll(() => page.locator('[data-testid="unit-list"]').getAttribute('data-count').then(Number), {
      timeout: 30_000,
    })
    .toBeLessThan(20);
  return page
    .locator('.unit-list li')
    .evaluateAll((items) =>
      items.map((li) => [
        li.querySelector('.name')?.textContent?.trim() ?? '',
        li.querySelector('[data-testid="match-note"]')?.textContent?.trim() ?? '',
      ]),
    );
}

for (const [device, options] of [
  ['phone', PHONE_TOUCH],
  ['desktop', DESKTOP_MOUSE],
] as const) {
  describe(`search by a former name, ${device}`, () => {
    it('"Ka Lăng" in 2026 lists Xã Thu Lũm and says it was formerly Xã Ka Lăng', async () => {
      const page = await browser().newPage({ ...options, serviceWorkers: 'block' });
      const errors = collectPageErrors(page);
      await page.goto(`${baseUrl}?year=2026`);
      expect(await search(page, 'Ka Lăng')).toEqual([['Xã Thu Lũm', 'trước đây: Xã Ka Lăng']]);
      await page.locator('.unit-list li').first().scrollIntoViewIfNeeded();
      await screenshotOf(page, '.unit-list', `search-former-name-${device}`);
      // "Tân Uyên": the commune of that name first, then the units formed from the district, each saying so.
      const tanUyen = await search(page, 'Tân Uyên');
      expect(tanUyen[0]).toEqual(['Xã Tân Uyên', '']);
      expect(tanUyen.length).toBeGreaterThan(1);
      for (const [, note] of tanUyen.slice(1)) expect(note).toBe('trước đây thuộc Huyện Tân Uyên');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('"Nậm Loỏng" in 2025 lists Xã Sùng Phài, in English "formerly: Xã Nậm Loỏng"', async () => {
      const page = await browser().newPage({ ...options, serviceWorkers: 'block' });
      const errors = collectPageErrors(page);
      await page.goto(`${baseUrl}?year=2025&lang=en`);
      expect(await search(page, 'nam loong')).toEqual([['Xã Sùng Phài', 'formerly: Xã Nậm Loỏng']]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}
