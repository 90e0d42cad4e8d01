// The built app when things go wrong, proven through network interception (Playwright page.route):
// Supabase slow, failing or answering garbage → the snapshot, and the page says so; a boundary archive
// missing or corrupt → a clear message, the static map, list, table and cards still work; no WebGL →
// the static map is the map; hostile text in the data → rendered as text, nothing runs; the data worker
// failing to load → the page parses the data itself; and the Content-Security-Policy is never violated,
// including towards the configured Supabase host.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { collectPageErrors, DESKTOP, waitForMapIdle } from './browser';
import { useBrowser } from './use-browser';
import { fakeSupabase, FAKE_SUPABASE_URL, type SupabaseMode } from './fake-supabase';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Records CSP violations from the very start of the page (securitypolicyviolation events). */
const RECORD_CSP = () => {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
};

/**
 * A fresh context per test. Service workers are blocked: requests a service worker answers would bypass
 * page.route (the offline behaviour has its own test, offline.test.ts).
 */
async function open(setup: (context: BrowserContext) => Promise<unknown> = async () => {}) {
  const context = await browser().newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
  await context.addInitScript(RECORD_CSP);
  await setup(context);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  return { context, page, errors };
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
// The list draws only the rows in view: its count of units is on the list itself.
const listCount = (page: Page) =>
  page.locator('[data-testid="unit-list"]').getAttribute('data-count').then(Number);

async function expectListAndCardsWork(page: Page) {
  await expect.poll(() => listCount(page), { timeout: 30_000 }).toBe(106);
  await expect.poll(() => page.locator('[data-testid="summary-cards"]').isVisible()).toBe(true);
  await page.click('[data-testid="tab-table"]');
  await expect.poll(() => page.locator('[data-testid="planner-table"] tbody tr').count()).toBeGreaterThan(50);
}

describe('data source: Supabase through the runtime config', () => {
  it('reads the configured project when it answers, within the Content-Security-Policy', async () => {
    const { context, page, errors } = await open();
    const fake = await fakeSupabase(context, 'healthy');
    await page.goto(baseUrl);
    await expect
      .poll(() => page.getAttribute('[data-testid="source-badge"]', 'data-source'), { timeout: 30_000 })
      .toBe('supabase');
    await expect.poll(() => listCount(page), { timeout: 30_000 }).toBe(106);
    expect(fake.requests.some((r) => /^GET \/rest\/v1\/unit_year\?.*year=eq\.2025/.test(r))).toBe(true);
    expect(await page.locator('[data-testid="source-notice"]').count()).toBe(0);
    await waitForMapIdle(page);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  const cases: [SupabaseMode, RegExp][] = [
    ['slow', /phản hồi quá chậm \(hơn 5 giây\)/],
    ['failing', /Không tải được dữ liệu trực tuyến/],
    ['garbage', /trả về dữ liệu không hợp lệ/],
  ];
  it.each(cases)('falls back to the snapshot when Supabase is %s, and says so', async (mode, message) => {
    const { context, page } = await open();
    const fake = await fakeSupabase(context, mode);
    const started = Date.now();
    await page.goto(baseUrl);
    const notice = page.locator('[data-testid="source-notice"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(message);
    if (mode === 'slow') expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
    expect(fake.requests.length).toBeGreaterThan(0);
    const badge = page.locator('[data-testid="source-badge"]');
    expect(await badge.getAttribute('data-source')).toBe('snapshot');
    // The data date of the snapshot (meta.json as_of) stays visible.
    expect(await badge.textContent()).toMatch(/lưu kèm ứng dụng, đến ngày \d{2}\/\d{2}\/\d{4}/);
    await expectListAndCardsWork(page);
    fake.release();
    await context.close();
  });
});

/** Answers Range requests for one archive with bytes that are not a PMTiles archive. */
function corruptArchive(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919 + 13) % 251;
  return bytes;
}

describe('a boundary archive that cannot be read', () => {
  const archive = '**/tiles/laichau-2020.pmtiles';

  async function expectTilesError(page: Page) {
    await page.waitForSelector('[data-testid="map"][data-state="error"]', { timeout: 60_000 });
    const alert = page.locator('.map-message.error[role="alert"]');
    expect(await alert.textContent()).toMatch(/Không tải được lớp ranh giới/);
    // The static map stays, and can be used from the keyboard since it is the only map.
    const paths = page.locator('[data-testid="static-map"] path[data-code]');
    await expect.poll(() => paths.count()).toBe(106);
    expect(await paths.first().getAttribute('tabindex')).toBe('0');
    // And it is the map the user sees: nothing (such as MapLibre's empty canvas) covers it.
    const onTop = await page.evaluate(() => {
      const path = document.querySelector('[data-testid="static-map"] path[aria-label="Xã Bản Bo"]');
      const box = path?.getBoundingClientRect();
      if (!box) return 'no path';
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit?.closest('[data-testid="static-map"]')
        ? 'static map'
        : (hit?.outerHTML.slice(0, 80) ?? 'nothing');
    });
    expect(onTop).toBe('static map');
    await expectListAndCardsWork(page);
  }

  it('missing (404): a clear message, and the list, table and cards still work', async () => {
    const { context, page } = await open((c) =>
      c.route(archive, (r) => r.fulfill({ status: 404, body: 'not found' })),
    );
    await page.goto(baseUrl);
    await expectTilesError(page);
    await context.close();
  });

  it('corrupt (bytes that are not PMTiles, served with proper 206 ranges): the same', async () => {
    const size = readFileSync('public/tiles/laichau-2020.pmtiles').length;
    const garbage = corruptArchive(size);
    const { context, page } = await open((c) =>
      c.route(archive, (route) => {
        const m = /bytes=(\d+)-(\d+)/.exec(route.request().headers()['range'] ?? '');
        const start = m ? Number(m[1]) : 0;
        const end = m ? Math.min(Number(m[2]), size - 1) : size - 1;
        return route.fulfill({
          status: m ? 206 : 200,
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `bytes ${start}-${end}/${size}`,
            'accept-ranges': 'bytes',
          },
          body: garbage.subarray(start, end + 1),
        });
      }),
    );
    await page.goto(baseUrl);
    await expectTilesError(page);
    await context.close();
  });
});

describe('a device without WebGL', () => {
  it('keeps the static map, coloured and usable by keyboard, with the list', async () => {
    const { context, page, errors } = await open(async (c) => {
      await c.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (
          this: HTMLCanvasElement,
          type: string,
          ...rest: unknown[]
        ) {
          if (/webgl/i.test(type)) return null;
          return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
        } as typeof original;
      });
    });
    await page.goto(baseUrl);
    await page.waitForSelector('[data-testid="map"][data-state="nowebgl"]', { timeout: 30_000 });
    const paths = page.locator('[data-testid="static-map"] path[data-code]');
    await expect.poll(() => paths.count()).toBe(106);
    // Coloured from the data: several distinct fills, not one default grey.
    await expect
      .poll(
        async () => new Set(await paths.evaluateAll((els) => els.map((e) => e.getAttribute('fill')))).size,
      )
      .toBeGreaterThan(2);
    const banBo = page.locator('[data-testid="static-map"] path[aria-label="Xã Bản Bo"]');
    await banBo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="unit-panel"] h2').textContent()).toBe('Xã Bản Bo');
    expect(await banBo.getAttribute('aria-pressed')).toBe('true');
    await expectListAndCardsWork(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('hostile text in the data', () => {
  const HOSTILE = '<img src=x onerror="window.__pwned=1">';

  it('is shown as text and runs nothing (snapshot rows, tile index served with the payload)', async () => {
    const code = '03430'; // a unit of the 2020 vintage
    const { context, page, errors } = await open(async (c) => {
      await c.route('**/data/snapshot/meta.json', async (route) => {
        const meta = JSON.parse(readFileSync('public/data/snapshot/meta.json', 'utf8'));
        for (const u of meta.units) if (u.code === code) u.name = `Xã ${HOSTILE}`;
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(meta) });
      });
      await c.route('**/data/snapshot/years/2025.json', async (route) => {
        const rows = JSON.parse(readFileSync('public/data/snapshot/years/2025.json', 'utf8'));
        for (const r of rows) {
          if (r.code !== code) continue;
          r.name = `Xã ${HOSTILE}`;
          r.decision_no = HOSTILE;
        }
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(rows) });
      });
      await c.route('**/tiles/laichau-2020.index.json', async (route) => {
        const index = JSON.parse(readFileSync('public/tiles/laichau-2020.index.json', 'utf8'));
        for (const u of index.units) {
          if (u.code !== code) continue;
          u.name = HOSTILE;
          u.full_name = `Xã ${HOSTILE}`;
        }
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(index) });
      });
    });
    await page.goto(`${baseUrl}?year=2025&unit=${code}`);
    const item = page.locator(`.unit-list li[data-code="${code}"]`);
    await expect.poll(() => item.textContent(), { timeout: 30_000 }).toContain(HOSTILE);
    await expect
      .poll(() => page.locator('[data-testid="unit-panel"] h2').textContent())
      .toBe(`Xã ${HOSTILE}`);
    await waitForMapIdle(page);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the data worker', () => {
  /** Scripts the page requested that parse data on the main thread (loaded only when no worker runs). */
  const mainThreadParsers = (urls: string[]) =>
    urls.filter((u) => /\/assets\/(snapshot-source|tile-index-schema)-[^/]+\.js$/.test(u));

  it('parses the snapshot and the tile index off the main thread', async () => {
    const { context, page, errors } = await open();
    const workers: string[] = [];
    const requested: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(baseUrl);
    await expectListAndCardsWork(page);
    expect(workers).toContainEqual(expect.stringMatching(/\/assets\/data\.worker-[^/]+\.js$/));
    expect(mainThreadParsers(requested)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('failing to load: the page parses on the main thread, and nothing is lost', async () => {
    const { context, page, errors } = await open((c) =>
      c.route('**/assets/data.worker-*.js', (r) => r.fulfill({ status: 404, body: 'not found' })),
    );
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${baseUrl}?year=2025`);
    await expectListAndCardsWork(page);
    expect(await page.locator('[data-testid="source-badge"]').textContent()).toMatch(
      /lưu kèm ứng dụng, đến ngày \d{2}\/\d{2}\/\d{4}/,
    );
    await expect.poll(() => page.locator('[data-testid="static-map"] path[data-code]').count()).toBe(106);
    expect(mainThreadParsers(requested).length).toBeGreaterThan(0);
    // The browser reports the 404 itself; nothing else may fail.
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('Content-Security-Policy', () => {
  it('is set by the built index.html and allows Supabase projects, not other hosts', async () => {
    // The index.html the preview server serves: the build this run made (in its own folder).
    const html = await (await fetch(baseUrl)).text();
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    const connect = /connect-src ([^;]+)/.exec(policy)?.[1]?.split(/\s+/) ?? [];
    expect(connect).toEqual(["'self'", 'https://*.supabase.co']);
    expect(new URL(FAKE_SUPABASE_URL).host.endsWith('.supabase.co')).toBe(true);
    // And the browser enforces it: a fetch to another host is refused and reported.
    const { context, page } = await open();
    await page.goto(baseUrl);
    const outcome = await page.evaluate(() =>
      fetch('https://example.org/x.json').then(
        () => 'fetched',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    await expect
      .poll(() => cspViolations(page))
      .toEqual([expect.stringMatching(/^connect-src https:\/\/example\.org/)]);
    await context.close();
  });
});
