// `vite preview` and `vite` (dev) with the archive-serving plugin, on real servers: a boundary archive
// comes uncompressed, 206 Range answers included, with its content type. Other files are still gzipped,
// which shows the compression the plugin steps around is really there.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, preview } from 'vite';
import { PMTILES_CONTENT_TYPE, serveArchives } from '../../build/serve-archives-plugin';

const ARCHIVE = readFileSync('public/tiles/laichau-2020.pmtiles');

/** A raw GET (no decoding), as a browser asks: gzip accepted. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

let root = '';
const stops: (() => Promise<void>)[] = [];
const urls: Record<'preview' | 'dev', string> = { preview: '', dev: '' };

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ntm-serve-archives-'));
  for (const dir of ['dist/tiles', 'public/tiles']) {
    mkdirSync(path.join(root, dir), { recursive: true });
    copyFileSync('public/tiles/laichau-2020.pmtiles', path.join(root, dir, 'a.pmtiles'));
    writeFileSync(path.join(root, dir, 'a.json'), JSON.stringify({ text: 'x'.repeat(4000) }));
  }
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'dist/index.html'), '<!doctype html><title>t</title>');
  const common = {
    configFile: false as const,
    root,
    logLevel: 'silent' as const,
    plugins: [serveArchives()],
  };

  const p = await preview({ ...common, build: { outDir: 'dist' }, preview: { port: 0, host: '127.0.0.1' } });
  stops.push(() => new Promise((resolve) => p.httpServer.close(() => resolve())));
  const pa = p.httpServer.address();
  urls.preview = `http://127.0.0.1:${typeof pa === 'object' && pa ? pa.port : 0}/`;

  const d = await createServer({ ...common, server: { port: 0, host: '127.0.0.1', ws: false } });
  await d.listen();
  stops.push(() => d.close());
  const da = d.httpServer?.address();
  urls.dev = `http://127.0.0.1:${typeof da === 'object' && da ? da.port : 0}/`;
});

afterAll(async () => {
  for (const stop of stops) await stop();
  rmSync(root, { recursive: true, force: true });
});

describe.each(['preview', 'dev'] as const)('vite %s serves .pmtiles', (server) => {
  it('a Range request: 206, not compressed, with the content type and the exact bytes', async () => {
    const r = await rawGet(`${urls[server]}tiles/a.pmtiles`, { range: 'bytes=0-16383' });
    expect(r.status).toBe(206);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toBe(PMTILES_CONTENT_TYPE);
    expect(r.headers['content-range']).toBe(`bytes 0-16383/${ARCHIVE.byteLength}`);
    expect(r.body.equals(ARCHIVE.subarray(0, 16384))).toBe(true);
  });

  it('the whole archive: 200, not compressed, every byte', async () => {
    const r = await rawGet(`${urls[server]}tiles/a.pmtiles?v=1`);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toBe(PMTILES_CONTENT_TYPE);
    expect(r.body.equals(ARCHIVE)).toBe(true);
  });
});

it('vite preview still gzips other files (the compression the plugin steps around)', async () => {
  const r = await rawGet(`${urls.preview}tiles/a.json`);
  expect(r.status).toBe(200);
  expect(r.headers['content-encoding']).toBe('gzip');
});

it('vite preview lets the browser keep an archive a while, with a strong validator (ranges can be cached)', async () => {
  const r = await rawGet(`${urls.preview}tiles/a.pmtiles`, { range: 'bytes=0-99' });
  expect(r.headers['cache-control']).toBe('public, max-age=600');
  expect(r.headers.etag).toMatch(/^"[^"]+"$/);
});

it('vite dev keeps checking: a rebuilt archive (npm run tiles) is used at once', async () => {
  const r = await rawGet(`${urls.dev}tiles/a.pmtiles`, { range: 'bytes=0-99' });
  expect(r.headers['cache-control'] ?? '').not.toContain('max-age=600');
});
