// Loading a vintage's tile index from the page. In Node there is no Worker, so the index is fetched and
// validated on the main thread (zod imported on demand), as in a browser whose data worker cannot start.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTileIndex, tilesUrl } from './tile-index';
import { DataError } from './data-error';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadTileIndex', () => {
  it('on the main thread when no worker runs (Node), through the page’s fetch', async () => {
    const body = readFileSync('public/tiles/laichau-2020.index.json', 'utf8');
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body));
    vi.stubGlobal('fetch', fetchMock);
    const index = await loadTileIndex('/', '2020');
    expect(fetchMock.mock.calls[0]![0]).toBe('/tiles/laichau-2020.index.json');
    expect(index.vintage).toBe('2020');
    expect(index.units.length).toBeGreaterThan(100);
  });

  it('rejects a missing or malformed index with a DataError naming the file', async () => {
    const missing = loadTileIndex('/', '2025', async () => new Response('', { status: 404 }));
    await expect(missing).rejects.toBeInstanceOf(DataError);
    await expect(missing).rejects.toMatchObject({
      code: 'http',
      status: 404,
      message_vi: 'Không tải được dữ liệu “tiles/laichau-2025.index.json”: máy chủ trả lỗi 404.',
    });
    const wrong = loadTileIndex('/app/', '2016', async () => new Response('{"vintage":"2016"}'));
    await expect(wrong).rejects.toMatchObject({ code: 'shape', resource: 'tiles/laichau-2016.index.json' });
  });

  it('names the archive next to the index', () => {
    expect(tilesUrl('/app/', '2025')).toBe('/app/tiles/laichau-2025.pmtiles');
  });
});
