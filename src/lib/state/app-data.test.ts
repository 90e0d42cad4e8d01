// AppData's load states over real snapshot sources (the parser and its cache, on a fake server), with
// failures injected at the fetch: every failure ends in an 'error' state, a retry that succeeds gives
// 'ready' with the rows, and rows of years already loaded stay while another year loads.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppData, type AppDataOptions, type LoadState } from './app-data.svelte';
import { createSnapshotSource } from '../data/snapshot-source';
import { fetchTileIndex } from '../data/tile-index-schema';
import type { DataSource } from '../data/source';
import type { FetchFn } from '../data/http';
import { snapshotFiles, snapshotServer, yearRows } from '../../../tests/unit/fixture-data';

const BASE = '/app/';

/** A snapshot server whose year files can be made to fail or wait. */
function flakyServer() {
  const server = snapshotServer(snapshotFiles(), BASE);
  const failing = new Set<number>();
  const held = new Map<number, () => void>();
  const hold = new Set<number>();
  const fetchFn: FetchFn = async (url, init) => {
    const year = Number(/years\/(\d{4})\.json$/.exec(url)?.[1]);
    if (failing.has(year)) throw new TypeError('Failed to fetch');
    if (hold.has(year)) await new Promise<void>((resolve) => held.set(year, resolve));
    return server(url, init);
  };
  return { fetchFn, failing, hold, release: (year: number) => held.get(year)?.() };
}

/** A source whose loads are counted (to see which ones reach the source). */
function counting(source: DataSource): DataSource & { years: number[] } {
  const years: number[] = [];
  return { ...source, years, loadYear: (y) => (years.push(y), source.loadYear(y)) };
}

async function started(source: DataSource, loadIndex?: AppDataOptions['loadIndex']) {
  const data = new AppData(BASE, { source, loadIndex });
  await data.init();
  return data;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('AppData year loads', () => {
  it('records loading, then ready with the rows', async () => {
    const server = flakyServer();
    server.hold.add(2022);
    const data = await started(createSnapshotSource(BASE, server.fetchFn));
    expect(data.meta?.units.length).toBeGreaterThan(0);
    const loading = data.ensureYear(2022);
    await tick();
    expect(data.yearLoads.get(2022)).toEqual<LoadState>({ state: 'loading' });
    expect(data.rowsByYear.has(2022)).toBe(false);
    server.release(2022);
    await loading;
    expect(data.yearLoads.get(2022)).toEqual({ state: 'ready' });
    expect(data.rowsByYear.get(2022)).toEqual(yearRows(2022));
  });

  it('a failing load gives an error state with the reason; a retry that succeeds gives ready and the rows', async () => {
    const server = flakyServer();
    server.failing.add(2026);
    const source = counting(createSnapshotSource(BASE, server.fetchFn));
    const data = await started(source);
    await expect(data.ensureYear(2026)).resolves.toBeUndefined();
    expect(data.yearLoads.get(2026)).toEqual({
      state: 'error',
      message: 'Could not load “years/2026.json”: network error.',
      message_vi: 'Không tải được dữ liệu “years/2026.json”: lỗi kết nối mạng.',
      message_en: 'Could not load “years/2026.json”: network error.',
    });
    expect(data.rowsByYear.has(2026)).toBe(false);
    // The error stays until asked: ensureYear does not loop on a failing year.
    await data.ensureYear(2026);
    expect(source.years).toEqual([2026]);
    server.failing.delete(2026);
    await data.retryYear(2026);
    expect(source.years).toEqual([2026, 2026]);
    expect(data.yearLoads.get(2026)).toEqual({ state: 'ready' });
    expect(data.rowsByYear.get(2026)).toEqual(yearRows(2026));
  });

  it('an error that is not a DataError keeps its text in both languages', async () => {
    const real = createSnapshotSource(BASE, snapshotServer(snapshotFiles(), BASE));
    const data = await started({ ...real, loadYear: () => Promise.reject(new RangeError('bad year')) });
    await data.ensureYear(2022);
    expect(data.yearLoads.get(2022)).toEqual({
      state: 'error',
      message: 'bad year',
      message_vi: 'bad year',
      message_en: 'bad year',
    });
  });

  it('keeps the rows of years already loaded while another year loads or fails', async () => {
    const server = flakyServer();
    const data = await started(createSnapshotSource(BASE, server.fetchFn));
    await data.ensureYear(2022);
    server.failing.add(2019);
    server.hold.add(2026);
    const later = data.ensureYear(2026);
    await data.ensureYear(2019);
    expect(data.yearLoads.get(2019)?.state).toBe('error');
    expect(data.yearLoads.get(2026)?.state).toBe('loading');
    expect(data.rowsByYear.get(2022)).toEqual(yearRows(2022));
    server.release(2026);
    await later;
    expect([...data.rowsByYear.keys()].sort()).toEqual([2022, 2026]);
  });

  it('asks the source once for concurrent and later requests of a year', async () => {
    const source = counting(createSnapshotSource(BASE, snapshotServer(snapshotFiles(), BASE)));
    const data = await started(source);
    await Promise.all([data.ensureYear(2022), data.ensureYear(2022), data.retryYear(2022)]);
    await data.ensureYear(2022);
    expect(source.years).toEqual([2022]);
  });

  it('reloadYear loads again and keeps the old rows on screen meanwhile', async () => {
    let rows = yearRows(2022);
    const real = createSnapshotSource(BASE, snapshotServer(snapshotFiles(), BASE));
    let release: () => void = () => {};
    const source: DataSource = {
      ...real,
      loadYear: async () => {
        const answer = { data: rows, problems: [] };
        await new Promise<void>((resolve) => (release = resolve));
        return answer;
      },
    };
    const data = await started(source);
    const first = data.ensureYear(2022);
    await tick();
    release();
    await first;
    const before = data.rowsByYear.get(2022);
    rows = rows.slice(1);
    const reload = data.reloadYear(2022);
    await tick();
    expect(data.yearLoads.get(2022)).toEqual({ state: 'loading' });
    expect(data.rowsByYear.get(2022)).toBe(before);
    release();
    await reload;
    expect(data.rowsByYear.get(2022)).toHaveLength(yearRows(2022).length - 1);
  });

  it('adds the rows’ problems to the list and does nothing before init', async () => {
    const files = snapshotFiles();
    const bad = yearRows(2022);
    bad[0] = { ...bad[0]!, code: '99999' };
    files['years/2022.json'] = bad;
    const data = new AppData(BASE, { source: createSnapshotSource(BASE, snapshotServer(files, BASE)) });
    await data.ensureYear(2022);
    expect(data.yearLoads.size).toBe(0);
    await data.init();
    await data.ensureYear(2022);
    expect(data.problems.map((p) => p.code)).toEqual(['99999']);
    expect(data.sourceKind).toBe('snapshot');
  });
});

describe('AppData tile index loads', () => {
  const indexJson = readFileSync('public/tiles/laichau-2020.index.json', 'utf8');

  it('records an error for a failed index, returns null, and a retry loads it', async () => {
    let status = 503;
    const loads: string[] = [];
    const loadIndex = (vintage: '2016' | '2020' | '2025') => {
      loads.push(vintage);
      return fetchTileIndex(BASE, vintage, async () => new Response(indexJson, { status }));
    };
    const data = await started(createSnapshotSource(BASE, snapshotServer(snapshotFiles(), BASE)), loadIndex);
    expect(await data.ensureIndex('2020')).toBeNull();
    expect(data.indexLoads.get('2020')).toMatchObject({
      state: 'error',
      message_vi: 'Không tải được dữ liệu “tiles/laichau-2020.index.json”: máy chủ trả lỗi 503.',
    });
    expect(await data.ensureIndex('2020')).toBeNull();
    expect(loads).toEqual(['2020']);
    status = 200;
    const index = await data.retryIndex('2020');
    expect(index?.vintage).toBe('2020');
    expect(data.indexLoads.get('2020')).toEqual({ state: 'ready' });
    expect(data.indexes.get('2020')).toBe(index);
    expect(await data.ensureIndex('2020')).toBe(index);
    expect(loads).toEqual(['2020', '2020']);
  });
});
