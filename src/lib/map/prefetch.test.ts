import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PMTiles } from 'pmtiles';
import { connectionAllows, prefetchMoment, tilesInView, type NetworkInfo } from './prefetch';

describe('connectionAllows', () => {
  it('refuses Save-Data and 2G, allows 3G, 4G and browsers that do not say', () => {
    expect(connectionAllows({ saveData: true, effectiveType: '4g' })).toBe(false);
    expect(connectionAllows({ effectiveType: '2g' })).toBe(false);
    expect(connectionAllows({ effectiveType: 'slow-2g' })).toBe(false);
    expect(connectionAllows({ effectiveType: '3g' })).toBe(true);
    expect(connectionAllows({ effectiveType: '4g', saveData: false })).toBe(true);
    expect(connectionAllows(undefined)).toBe(true);
  });
});

describe('prefetchMoment', () => {
  /** A timing whose load and idle moments the test releases by hand, recording the order of events. */
  function timing(connection: NetworkInfo | undefined) {
    const events: string[] = [];
    let load = () => {};
    let idle = () => {};
    return {
      events,
      fireLoad: () => load(),
      fireIdle: () => idle(),
      timing: {
        connection,
        loaded: () =>
          new Promise<void>((r) => {
            events.push('waits for load');
            load = r;
          }),
        idle: () =>
          new Promise<void>((r) => {
            events.push('waits for idle');
            idle = r;
          }),
      },
    };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('starts only after the page has loaded and then the main thread is idle', async () => {
    const t = timing({ effectiveType: '4g' });
    let result: boolean | undefined;
    void prefetchMoment(t.timing).then((r) => (result = r));
    await tick();
    expect(t.events).toEqual(['waits for load']);
    t.fireIdle(); // idle before load counts for nothing
    await tick();
    expect(result).toBeUndefined();
    t.fireLoad();
    await tick();
    expect(t.events).toEqual(['waits for load', 'waits for idle']);
    expect(result).toBeUndefined();
    t.fireIdle();
    await tick();
    expect(result).toBe(true);
  });

  it('declines at once with Save-Data or on 2G, without waiting for anything', async () => {
    for (const connection of [{ saveData: true }, { effectiveType: '2g' }, { effectiveType: 'slow-2g' }]) {
      const t = timing(connection);
      expect(await prefetchMoment(t.timing)).toBe(false);
      expect(t.events).toEqual([]);
    }
  });
});

describe('tilesInView', () => {
  // The 2020–2025 archive's bounds, as its header gives them.
  const bounds: [number, number, number, number] = [102.3211, 21.6856, 103.985, 22.8113];

  it('fits the province on a phone at zoom 7 and on a wide map at zoom 8, the tiles covering the view', () => {
    const phone = tilesInView(bounds, 390, 640, 6, 12);
    expect(phone.z).toBe(7);
    const wide = tilesInView(bounds, 900, 700, 6, 12);
    expect(wide.z).toBe(8);
    for (const r of [phone, wide]) {
      expect(r.x1).toBeGreaterThanOrEqual(r.x0);
      expect(r.y1).toBeGreaterThanOrEqual(r.y0);
      expect((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1)).toBeLessThanOrEqual(12);
    }
  });

  it("keeps to the archive's zooms", () => {
    expect(tilesInView(bounds, 200, 200, 6, 12).z).toBe(6);
    expect(tilesInView(bounds, 40000, 40000, 6, 9).z).toBe(9);
  });

  it('names tiles the archive holds: every tile of the phone view exists in the real archive', async () => {
    const bytes = readFileSync('public/tiles/laichau-2020.pmtiles');
    const archive = new PMTiles({
      getKey: () => 'file',
      getBytes: async (offset: number, length: number) => ({
        data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length),
      }),
    });
    const h = await archive.getHeader();
    const { z, x0, x1, y0, y1 } = tilesInView(
      [h.minLon, h.minLat, h.maxLon, h.maxLat],
      390,
      640,
      h.minZoom,
      h.maxZoom,
    );
    let found = 0;
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) if (await archive.getZxy(z, x, y)) found++;
    expect(found).toBeGreaterThanOrEqual(2);
  });
});
