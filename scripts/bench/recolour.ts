// Main-thread time of a recolour, measured in the browser on the built app: the app records each
// feature-state update as a performance measure ('ntm:recolour'), and this script drives mode and year
// changes and reports the medians, plus the time until the map is idle (repainted) again.
import { build, preview } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../tests/e2e/browser';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};

export async function benchRecolour(rounds = 8): Promise<Record<string, number | string>> {
  const outDir = mkdtempSync(join(tmpdir(), 'ntm-bench-'));
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('[data-testid="map"][data-state="idle"]', { timeout: 60_000 });
    const measure = async (action: () => Promise<void>) => {
      await page.evaluate(() => performance.clearMeasures('ntm:recolour'));
      const t0 = await page.evaluate(() => performance.now());
      await action();
      await page.waitForFunction(() => performance.getEntriesByName('ntm:recolour').length > 0);
      const idle = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const map = (
              window as unknown as {
                __ntmMap: {
                  map: { once(e: string, f: () => void): void; loaded(): boolean; areTilesLoaded(): boolean };
                };
              }
            ).__ntmMap.map;
            map.once('idle', () => resolve(performance.now()));
            (
              window as unknown as { __ntmMap: { map: { triggerRepaint(): void } } }
            ).__ntmMap.map.triggerRepaint();
          }),
      );
      const main = await page.evaluate(() =>
        performance.getEntriesByName('ntm:recolour').reduce((sum, e) => sum + e.duration, 0),
      );
      return { main, toIdle: idle - t0 };
    };
    const mode: number[] = [];
    const modeIdle: number[] = [];
    const year: number[] = [];
    const yearIdle: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const label of ['Số tiêu chí', 'Trạng thái']) {
        const r = await measure(() =>
          page.locator('[data-testid="mode-switch"] label', { hasText: label }).click(),
        );
        mode.push(r.main);
        modeIdle.push(r.toIdle);
      }
      for (const key of ['ArrowLeft', 'ArrowRight']) {
        const r = await measure(() => page.locator('.year-slider input[type=range]').press(key));
        year.push(r.main);
        yearIdle.push(r.toIdle);
      }
    }
    const figures = {
      'recolour mode change, main thread p50 (ms)': Number(quantile(mode, 0.5).toFixed(2)),
      'recolour mode change, main thread p95 (ms)': Number(quantile(mode, 0.95).toFixed(2)),
      'recolour mode change, until map idle p50 (ms)': Number(quantile(modeIdle, 0.5).toFixed(1)),
      'recolour year change, main thread p50 (ms)': Number(quantile(year, 0.5).toFixed(2)),
      'recolour year change, main thread p95 (ms)': Number(quantile(year, 0.95).toFixed(2)),
      'recolour year change, until map idle p50 (ms)': Number(quantile(yearIdle, 0.5).toFixed(1)),
      'recolour samples': `${mode.length} mode, ${year.length} year changes (2024↔2025)`,
    };
    for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
    return figures;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchRecolour();
}
