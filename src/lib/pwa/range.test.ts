import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FetchSource, PMTiles } from 'pmtiles';
import { answerRange, keptHeaders, parseRange } from './range';

describe('parseRange', () => {
  it('reads the three single-range forms, clamped to the body', () => {
    expect(parseRange('bytes=0-126', 1000)).toEqual({ start: 0, end: 126 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });
  it('answers null (whole body) for no, malformed or multiple ranges, and unsatisfiable past the end', () => {
    expect(parseRange(null, 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('bytes=5-2', 10)).toBeNull();
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
  });
});

describe('answerRange', () => {
  const full = () =>
    new Response(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), {
      headers: { 'content-type': 'application/octet-stream', etag: '"v1"' },
    });

  it('slices a cached full response into a 206 with Content-Range and the same ETag', async () => {
    const r = await answerRange(full(), 'bytes=2-5');
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(r.headers.get('content-length')).toBe('4');
    expect(r.headers.get('etag')).toBe('"v1"');
    expect([...new Uint8Array(await r.arrayBuffer())]).toEqual([2, 3, 4, 5]);
  });

  it('keeps no Content-Encoding or Content-Length of a gzipped answer with the decoded body it stores', () => {
    const kept = keptHeaders(
      new Headers({
        'content-encoding': 'gzip',
        'content-length': '232037',
        'content-type': 'application/vnd.pmtiles',
        etag: '"v1"',
      }),
    );
    expect([...kept.keys()].sort()).toEqual(['content-type', 'etag']);
  });

  it('gives 416 past the end and the whole body without a range', async () => {
    expect((await answerRange(full(), 'bytes=20-')).status).toBe(416);
    const whole = await answerRange(full(), null);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(10);
  });

  it('serves a real archive to the official pmtiles reader: the same tiles as reading the file', async () => {
    const bytes = readFileSync('public/tiles/laichau-2025.pmtiles');
    const requested: string[] = [];
    // A fetch that behaves like the service worker with the archive in its cache.
    const fetchFromCache = async (_url: RequestInfo | URL, init?: RequestInit) => {
      const range = new Headers(init?.headers).get('range');
      requested.push(range ?? 'none');
      return answerRange(new Response(bytes, { headers: { etag: '"a"' } }), range);
    };
    const direct = new PMTiles({
      getKey: () => 'file',
      getBytes: async (offset: number, length: number) => ({
        data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length),
      }),
    });
    const original = globalThis.fetch;
    globalThis.fetch = fetchFromCache as typeof fetch;
    try {
      const viaCache = new PMTiles(new FetchSource('https://example.test/laichau-2025.pmtiles'));
      const header = await viaCache.getHeader();
      expect({ ...header, etag: undefined }).toEqual({ ...(await direct.getHeader()), etag: undefined });
      // The tile under the archive's centre at its maximum zoom (a leaf of the directory tree).
      const z = header.maxZoom;
      const x = Math.floor(((header.centerLon + 180) / 360) * 2 ** z);
      const lat = (header.centerLat * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z);
      const a = await viaCache.getZxy(z, x, y);
      const b = await direct.getZxy(z, x, y);
      expect(a?.data.byteLength).toBeGreaterThan(0);
      expect(Buffer.from(a!.data).equals(Buffer.from(b!.data))).toBe(true);
      expect(requested.length).toBeGreaterThan(1);
      expect(requested.every((r) => r.startsWith('bytes='))).toBe(true);
    } finally {
      globalThis.fetch = original;
    }
  });
});
