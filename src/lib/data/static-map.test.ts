import { describe, expect, it } from 'vitest';
import { DataError } from './data-error';
import { isStaticMap, loadStaticMap, staticMapUrl } from './static-map';

const map = { viewBox: '0 0 800 590', width: 800, height: 590, units: [{ code: '03386', d: 'M0 0l1 1z' }] };
const fetchOf =
  (body: string, status = 200) =>
  async (url: string) => {
    expect(url).toBe('/app/tiles/laichau-2020.static.json');
    return new Response(body, { status });
  };

describe('the static map file', () => {
  it('lives under the app’s base URL', () => {
    expect(staticMapUrl('/app/', '2025')).toBe('/app/tiles/laichau-2025.static.json');
  });

  it('is loaded and checked, or rejected with a DataError that says why', async () => {
    await expect(loadStaticMap('/app/', '2020', fetchOf(JSON.stringify(map)))).resolves.toEqual(map);
    for (const [body, status, code] of [
      ['{}', 200, 'shape'],
      ['not json', 200, 'json'],
      ['', 404, 'http'],
    ] as const) {
      const error = await loadStaticMap('/app/', '2020', fetchOf(body, status)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe(code);
    }
  });

  it('needs a viewBox, a size and every unit’s code and path', () => {
    expect(isStaticMap(map)).toBe(true);
    expect(isStaticMap({ ...map, width: undefined })).toBe(false);
    expect(isStaticMap({ ...map, units: [{ code: '03386' }] })).toBe(false);
    expect(isStaticMap(null)).toBe(false);
  });
});
