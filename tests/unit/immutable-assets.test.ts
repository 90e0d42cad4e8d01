// `vite preview` with the immutable-assets plugin, on a real server: hashed files under assets/ may be kept
// for good (as a static host should serve them); other files still go out as the preview server sends them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { IMMUTABLE, immutableAssets, isHashedAsset } from '../../build/immutable-assets-plugin';

function headersOf(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    }).on('error', reject);
  });
}

let root = '';
let server: PreviewServer;
let url = '';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ntm-immutable-'));
  mkdirSync(path.join(root, 'dist/assets'), { recursive: true });
  writeFileSync(path.join(root, 'dist/index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'dist/assets/create-map-BE9VvrJ1.js'), 'export {};');
  writeFileSync(path.join(root, 'dist/config.json'), '{}');
  server = await preview({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [immutableAssets()],
    build: { outDir: 'dist' },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('immutable hashed assets under vite preview', () => {
  it('serves a hashed file under assets/ as immutable', async () => {
    const res = await headersOf(`${url}assets/create-map-BE9VvrJ1.js`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('answers the same whatever the Origin, so a file prefetched without one is reused as it is', async () => {
    const res = await headersOf(`${url}assets/create-map-BE9VvrJ1.js`, { origin: 'http://127.0.0.1' });
    expect(res.status).toBe(200);
    expect(res.headers.vary ?? '').not.toMatch(/origin/i);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leaves the other files alone: they may change at the next build', async () => {
    for (const file of ['config.json', 'index.html']) {
      const res = await headersOf(`${url}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers['cache-control'], file).not.toBe(IMMUTABLE);
    }
  });

  it('recognises Vite-hashed names only', () => {
    expect(isHashedAsset('/assets/index-BfEXKiSL.css')).toBe(true);
    expect(isHashedAsset('/sub/path/assets/maplibre-gl-worker-CZtFQQIV.mjs?v=1')).toBe(true);
    expect(isHashedAsset('/assets/logo.svg')).toBe(false);
    expect(isHashedAsset('/tiles/laichau-2020.pmtiles')).toBe(false);
    expect(isHashedAsset('/sw.js')).toBe(false);
  });
});
