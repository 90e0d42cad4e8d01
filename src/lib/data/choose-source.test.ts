import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createResilientSource,
  createSources,
  isSupabaseConfigured,
  isUsableMeta,
  loadWithFallback,
} from './choose-source';
import { createSnapshotSource } from './snapshot-source';
import { createSupabaseSource } from './supabase-source';
import { DataError, type DataSource } from './source';
import { postgrestServer, postgrestTables, snapshotServer, yearRows } from '../../../tests/unit/fixture-data';

const SUPA = 'https://demo.supabase.co';
const KEY = 'anon';
const snapshot = () => createSnapshotSource('/app/', snapshotServer());

/** A fetch for Supabase that fails in a given way; the snapshot is served by its own fake. */
function failing(
  kind: 'network' | '500' | 'json' | 'hang' | 'hang-abortable',
): (u: string, i?: RequestInit) => Promise<Response> {
  return async (_url, init) => {
    switch (kind) {
      case 'network':
        throw new TypeError('fetch failed');
      case '500':
        return new Response('{"message":"boom"}', { status: 500 });
      case 'json':
        return new Response('{"oops":', { status: 200 });
      case 'hang':
        return new Promise<Response>(() => {}); // ignores the abort signal
      case 'hang-abortable':
        return new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        );
    }
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('isSupabaseConfigured / createSources', () => {
  it('needs both an http(s) URL and a key', () => {
    expect(isSupabaseConfigured(SUPA, KEY)).toBe(true);
    expect(isSupabaseConfigured(SUPA, '')).toBe(false);
    expect(isSupabaseConfigured(SUPA, '  ')).toBe(false);
    expect(isSupabaseConfigured('', KEY)).toBe(false);
    expect(isSupabaseConfigured(undefined, undefined)).toBe(false);
    expect(isSupabaseConfigured('not a url', KEY)).toBe(false);
    expect(isSupabaseConfigured('javascript:alert(1)', KEY)).toBe(false);
  });

  it('creates a snapshot fallback always and Supabase only when configured', () => {
    const none = createSources({ baseUrl: '/app/' });
    expect(none.primary).toBeNull();
    expect(none.fallback.kind).toBe('snapshot');
    const both = createSources({ baseUrl: '/app/', supabaseUrl: SUPA, supabaseAnonKey: KEY });
    expect(both.primary?.kind).toBe('supabase');
  });
});

describe('loadWithFallback', () => {
  it('uses the snapshot directly when Supabase is not configured', async () => {
    const r = await loadWithFallback(null, snapshot(), (s) => s.loadYear(2022));
    expect(r.source.kind).toBe('snapshot');
    expect(r.notice).toBeNull();
    expect(r.data).toHaveLength(106);
  });

  it('uses Supabase when it answers well', async () => {
    const primary = createSupabaseSource(SUPA, KEY, postgrestServer());
    const r = await loadWithFallback(primary, snapshot(), (s) => s.loadYear(2022));
    expect(r.source.kind).toBe('supabase');
    expect(r.notice).toBeNull();
    // PostgREST answers in the view order (vintage, code).
    expect(r.data).toEqual([...yearRows(2022)].sort((a, b) => a.code.localeCompare(b.code)));
  });

  it.each([
    ['network', 'lỗi kết nối mạng'],
    ['500', 'máy chủ trả lỗi 500'],
    ['json', 'không phải JSON hợp lệ'],
  ] as const)('falls back on %s with a Vietnamese notice', async (kind, detail) => {
    const primary = createSupabaseSource(SUPA, KEY, failing(kind));
    const r = await loadWithFallback(primary, snapshot(), (s) => s.loadYear(2022));
    expect(r.source.kind).toBe('snapshot');
    expect(r.data).toHaveLength(106);
    expect(r.notice).toMatchObject({ kind: 'fallback', reason: 'error' });
    expect(r.notice!.message_vi).toContain(detail);
    expect(r.notice!.message_vi).toMatch(/đang hiển thị bản chụp dữ liệu ngày 30\/06\/2026\.$/);
    expect(r.notice!.message_en).toMatch(/showing the data snapshot of 30 Jun 2026\.$/);
  });

  it('falls back when Supabase answers garbage (every row invalid)', async () => {
    const tables = postgrestTables();
    tables.unit_year = tables.unit_year!.map((r) => ({ ...r, criteria_met: 'tất cả' }));
    const primary = createSupabaseSource(SUPA, KEY, postgrestServer(tables));
    const r = await loadWithFallback(primary, snapshot(), (s) => s.loadYear(2022));
    expect(r.source.kind).toBe('snapshot');
    expect(r.problems).toEqual([]);
    expect(r.notice).toMatchObject({ reason: 'garbage' });
    expect(r.notice!.message_vi).toBe(
      'Máy chủ dữ liệu trực tuyến trả về dữ liệu không hợp lệ; đang hiển thị bản chụp dữ liệu ngày 30/06/2026.',
    );
  });

  it('falls back when Supabase meta has no units (a view not readable, or not a list)', async () => {
    const tables = postgrestTables();
    tables.unit = [];
    const primary = createSupabaseSource(SUPA, KEY, postgrestServer(tables));
    const r = await loadWithFallback(primary, snapshot(), (s) => s.loadMeta(), { isUsable: isUsableMeta });
    expect(r.source.kind).toBe('snapshot');
    expect(r.notice?.reason).toBe('garbage');
    expect(r.data.units).toHaveLength(252);
  });

  it('keeps Supabase data with a few bad rows (not garbage), reporting them', async () => {
    const tables = postgrestTables();
    tables.unit_year = tables.unit_year!.map((r, i) => (i === 0 ? { ...r, code: 'xx' } : r));
    const primary = createSupabaseSource(SUPA, KEY, postgrestServer(tables));
    const r = await loadWithFallback(primary, snapshot(), (s) => s.loadYear(2019));
    expect(r.source.kind).toBe('supabase');
    expect(r.data).toHaveLength(107);
    expect(r.problems).toHaveLength(1);
  });

  it('falls back when a request is aborted by its own timeout', async () => {
    const primary = createSupabaseSource(SUPA, KEY, failing('hang-abortable'), { timeoutMs: 20 });
    const r = await loadWithFallback(primary, snapshot(), (s) => s.loadMeta(), { timeoutMs: 5000 });
    expect(r.notice?.reason).toBe('timeout');
  });

  it('falls back after 5 s when Supabase never answers (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const primary = createSupabaseSource(SUPA, KEY, failing('hang'));
    const p = loadWithFallback(primary, snapshot(), (s) => s.loadYear(2022));
    let settled = false;
    void p.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const r = await p;
    expect(r.source.kind).toBe('snapshot');
    expect(r.data).toHaveLength(106);
    expect(r.notice).toMatchObject({ reason: 'timeout' });
    expect(r.notice!.message_vi).toBe(
      'Máy chủ dữ liệu trực tuyến phản hồi quá chậm (hơn 5 giây); đang hiển thị bản chụp dữ liệu ngày 30/06/2026.',
    );
    expect(r.notice!.message_en).toBe(
      'The live data server is too slow (over 5 s); showing the data snapshot of 30 Jun 2026.',
    );
  });

  it('propagates the snapshot error when both fail', async () => {
    const primary = createSupabaseSource(SUPA, KEY, failing('network'));
    const broken = createSnapshotSource('/app/', failing('500'));
    const err = (await loadWithFallback(primary, broken, (s) => s.loadMeta()).catch(
      (e: unknown) => e,
    )) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.resource).toBe('meta.json');
  });
});

describe('createResilientSource', () => {
  it('switches to the snapshot for the whole session after the first failure, with one notice', async () => {
    let supabaseCalls = 0;
    const server = postgrestServer();
    let broken = false;
    const primary = createSupabaseSource(SUPA, KEY, async (u, i) => {
      supabaseCalls++;
      if (broken) throw new TypeError('fetch failed');
      return server(u, i);
    });
    const notices: unknown[] = [];
    const src = createResilientSource(primary, snapshot(), { onNotice: (n) => notices.push(n) });
    expect(src.kind).toBe('supabase');
    await src.loadMeta();
    expect(src.notice).toBeNull();
    broken = true;
    const y = await src.loadYear(2022);
    expect(y.data).toHaveLength(106);
    expect(src.kind).toBe('snapshot');
    expect(src.active.kind).toBe('snapshot');
    expect(src.notice?.reason).toBe('error');
    const before = supabaseCalls;
    await src.loadYear(2026);
    await src.loadSummaries();
    expect(supabaseCalls).toBe(before);
    expect(notices).toHaveLength(1);
  });

  it('serves the snapshot without notice when there is no primary', async () => {
    const src: DataSource = createResilientSource(null, snapshot());
    expect((await src.loadSummaries()).data.province).toHaveLength(3);
    expect(src.kind).toBe('snapshot');
  });
});
