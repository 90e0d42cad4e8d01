import { describe, expect, it } from 'vitest';
import { createSupabaseSource } from './supabase-source';
import { DataError } from './source';
import { postgrestServer, postgrestTables, YEARS, yearRows } from '../../../tests/unit/fixture-data';

const URL_ = 'https://demo.supabase.co';
const KEY = 'anon-key-for-tests';

describe('createSupabaseSource against a PostgREST-like server', () => {
  it('reads the views with the anon key, in stable order', async () => {
    const server = postgrestServer();
    const src = createSupabaseSource(URL_, KEY, server);
    expect(src).toMatchObject({ kind: 'supabase', label: 'Supabase (demo.supabase.co)' });
    const meta = await src.loadMeta();
    expect(meta.problems).toEqual([]);
    expect(meta.data.years).toEqual(YEARS);
    expect(meta.data.units).toHaveLength(252);
    expect(meta).toMatchObject({ as_of: '2026-06-30', illustrative: true });
    expect(new Set(server.log.map((c) => c.view))).toEqual(
      new Set(['dataset', 'framework', 'criterion', 'unit', 'crosswalk', 'target', 'province_summary']),
    );
    for (const c of server.log) {
      expect(c.headers.apikey).toBe(KEY);
      expect(c.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(c.params.get('select')).toBe(c.view === 'province_summary' ? 'year' : '*');
      expect(c.params.get('order')).toBeTruthy();
    }
    expect(server.log.find((c) => c.view === 'unit')!.params.get('order')).toBe(
      'vintage.asc.nullslast,code.asc.nullslast',
    );
  });

  it('reads one year with eq(year) and validates it against the units', async () => {
    const server = postgrestServer();
    const src = createSupabaseSource(URL_, KEY, server);
    const y = await src.loadYear(2026);
    expect(y.problems).toEqual([]);
    expect(y.data).toEqual(yearRows(2026));
    const call = server.log.find((c) => c.view === 'unit_year')!;
    expect(call.params.get('year')).toBe('eq.2026');
  });

  it('reads summaries', async () => {
    const s = await createSupabaseSource(URL_, KEY, postgrestServer()).loadSummaries();
    expect(s.problems).toEqual([]);
    expect(s.data.province.map((r) => r.year)).toEqual(YEARS);
    expect(s.data.indicators).toHaveLength(1);
    expect(s.data.statistics).toEqual([
      expect.objectContaining({ series_id: 'poor_household_rate', value: 36.9 }),
    ]);
  });

  it('pages through long lists', async () => {
    const server = postgrestServer(postgrestTables(), { maxRows: 50 });
    const src = createSupabaseSource(URL_, KEY, server, { pageSize: 50 });
    const meta = await src.loadMeta();
    expect(meta.data.units).toHaveLength(252);
    const unitCalls = server.log.filter((c) => c.view === 'unit').map((c) => c.params.get('offset'));
    expect(unitCalls).toEqual(['0', '50', '100', '150', '200', '250']);
  });

  it('strips a trailing slash from the project URL', async () => {
    const server = postgrestServer();
    await createSupabaseSource(`${URL_}//`, KEY, server)
      .loadYear(2022)
      .catch(() => undefined);
    expect(server.calls.every((c) => c.startsWith(`${URL_}/rest/v1/`))).toBe(true);
  });
});

describe('createSupabaseSource failures', () => {
  it('network error → DataError network, no retry', async () => {
    let calls = 0;
    const src = createSupabaseSource(URL_, KEY, async () => {
      calls++;
      throw new TypeError('fetch failed');
    });
    const err = (await src.loadYear(2022).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('network');
    expect(calls).toBeLessThanOrEqual(7); // one per view of meta, none retried
  });

  it('HTTP 503 → DataError http without retrying', async () => {
    let calls = 0;
    const src = createSupabaseSource(URL_, KEY, async () => {
      calls++;
      return new Response('{"message":"down"}', { status: 503 });
    });
    await expect(src.loadMeta()).rejects.toMatchObject({ code: 'http', status: 503 });
    expect(calls).toBe(7);
  });

  it('invalid JSON with status 200 → DataError json', async () => {
    const src = createSupabaseSource(
      URL_,
      KEY,
      async () => new Response('<html>proxy login</html>', { status: 200 }),
    );
    await expect(src.loadMeta()).rejects.toMatchObject({ code: 'json' });
  });

  it('a request that never answers is aborted after timeoutMs → DataError timeout', async () => {
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    const src = createSupabaseSource(URL_, KEY, hanging, { timeoutMs: 30 });
    const t0 = Date.now();
    const err = (await src.loadMeta().catch((e: unknown) => e)) as DataError;
    expect(err.code).toBe('timeout');
    expect(err.message_vi).toContain('quá lâu');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('rows that are not a list are reported, not thrown', async () => {
    const tables = postgrestTables();
    const server = postgrestServer(tables);
    const src = createSupabaseSource(URL_, KEY, async (url, init) =>
      url.includes('/unit_year?') ? new Response('{"rows": 1}', { status: 200 }) : server(url, init),
    );
    const y = await src.loadYear(2022);
    expect(y.data).toEqual([]);
    expect(y.problems[0]!.message_vi).toContain('không phải là một danh sách');
  });
});
