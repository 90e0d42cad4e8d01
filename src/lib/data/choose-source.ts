/**
 * Which data source the app uses, and the fallback from Supabase to the embedded snapshot.
 *
 * If Supabase is configured (URL and anon key passed in by the caller, e.g. from
 * import.meta.env.VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY: this module never reads the environment),
 * every load tries Supabase first. When Supabase is slow (no answer within 5 s), fails, or answers
 * garbage (not a list, or every row invalid), the load is served from the snapshot instead and a
 * notice says so in both languages. The switch is sticky: once fallen back, the session stays on the
 * snapshot, so the map never mixes two datasets.
 */
import { globalFetch, type FetchFn } from './http';
import type { DataSource, Loaded, Meta, Summaries } from './source';
import { DataError } from './data-error';
import { createWorkerSnapshotSource, mainThreadSnapshotSource } from './worker-source';
import { lazySource, supabaseLabel } from './lazy-source';
import type { UnitYear } from '../domain/types';
import { formatDate } from '../domain/format';

export type FallbackReason = 'timeout' | 'error' | 'garbage';

export interface FallbackNotice {
  kind: 'fallback';
  reason: FallbackReason;
  message_vi: string;
  message_en: string;
}

export const DEFAULT_TIMEOUT_MS = 5000;

export interface SourceConfig {
  /** VITE_SUPABASE_URL, if any. */
  supabaseUrl?: string | null;
  /** VITE_SUPABASE_ANON_KEY, if any. */
  supabaseAnonKey?: string | null;
  /** Base URL of the site (import.meta.env.BASE_URL), where data/snapshot/ lives. */
  baseUrl: string;
  fetchFn?: FetchFn;
  timeoutMs?: number;
}

/** True when both settings are present and the URL is http(s). */
export function isSupabaseConfigured(
  url: string | null | undefined,
  key: string | null | undefined,
): boolean {
  if (!url || !key || key.trim() === '') return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The Supabase source, with its query builder (@supabase/postgrest-js) loaded on first use: a deployment
 * on the embedded snapshot never downloads it, and the first paint does not wait for it.
 */
function lazySupabaseSource(url: string, anonKey: string, fetchFn: FetchFn, timeoutMs?: number): DataSource {
  return lazySource('supabase', supabaseLabel(url), () =>
    import('./supabase-source').then((m) => m.createSupabaseSource(url, anonKey, fetchFn, { timeoutMs })),
  );
}

/**
 * The primary (Supabase, when configured) and fallback (snapshot) sources. The snapshot is parsed in the
 * data worker (worker-source.ts), or on the main thread when a `fetchFn` is given (a worker cannot call
 * it) or no worker can run.
 */
export function createSources(config: SourceConfig): { primary: DataSource | null; fallback: DataSource } {
  const fetchFn = config.fetchFn ?? globalFetch;
  const fallback = config.fetchFn
    ? mainThreadSnapshotSource(config.baseUrl, fetchFn)
    : createWorkerSnapshotSource(config.baseUrl);
  const primary = isSupabaseConfigured(config.supabaseUrl, config.supabaseAnonKey)
    ? lazySupabaseSource(config.supabaseUrl!, config.supabaseAnonKey!, fetchFn, config.timeoutMs)
    : null;
  return { primary, fallback };
}

class Timeout extends Error {
  override readonly name = 'Timeout';
}

/** Resolve with `p`, or reject with Timeout after `ms` (setTimeout: works with fake timers). */
function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** Default garbage test: nothing usable came back but problems did (all rows invalid, or not a list). */
export function isUsableDefault(loaded: Loaded<unknown>): boolean {
  const d = loaded.data;
  const empty = Array.isArray(d)
    ? d.length === 0
    : typeof d === 'object' && d !== null
      ? Object.values(d).every((v) => !Array.isArray(v) || v.length === 0)
      : true;
  return !(empty && loaded.problems.length > 0);
}

/** Meta without units, frameworks or years cannot drive the app. */
export function isUsableMeta(loaded: Loaded<Meta>): boolean {
  const m = loaded.data;
  return m.units.length > 0 && m.frameworks.length > 0 && m.years.length > 0;
}

export function isUsableSummaries(loaded: Loaded<Summaries>): boolean {
  return !(loaded.data.province.length === 0 && loaded.problems.length > 0);
}

function noticeFor(
  reason: FallbackReason,
  err: unknown,
  asOf: string | undefined,
  timeoutMs: number,
): FallbackNotice {
  const snapVi = asOf ? `bản chụp dữ liệu ngày ${formatDate(asOf, 'vi')}` : 'bản chụp dữ liệu tĩnh';
  const snapEn = asOf ? `the data snapshot of ${formatDate(asOf, 'en')}` : 'the static data snapshot';
  const secs = Math.round(timeoutMs / 100) / 10;
  switch (reason) {
    case 'timeout':
      return {
        kind: 'fallback',
        reason,
        message_vi: `Máy chủ dữ liệu trực tuyến phản hồi quá chậm (hơn ${String(secs).replace('.', ',')} giây); đang hiển thị ${snapVi}.`,
        message_en: `The live data server is too slow (over ${secs} s); showing ${snapEn}.`,
      };
    case 'garbage':
      return {
        kind: 'fallback',
        reason,
        message_vi: `Máy chủ dữ liệu trực tuyến trả về dữ liệu không hợp lệ; đang hiển thị ${snapVi}.`,
        message_en: `The live data server returned invalid data; showing ${snapEn}.`,
      };
    case 'error': {
      const detail = err instanceof DataError ? { vi: err.message_vi, en: err.message_en } : null;
      return {
        kind: 'fallback',
        reason,
        message_vi: `Không tải được dữ liệu trực tuyến${detail ? ` (${detail.vi.replace(/\.$/, '')})` : ''}; đang hiển thị ${snapVi}.`,
        message_en: `Could not load live data${detail ? ` (${detail.en.replace(/\.$/, '')})` : ''}; showing ${snapEn}.`,
      };
    }
  }
}

export type LoadedFrom<T> = Loaded<T> & { source: DataSource; notice: FallbackNotice | null };

export interface FallbackOptions<T> {
  timeoutMs?: number;
  isUsable?: (loaded: Loaded<T>) => boolean;
}

/**
 * Run `load` on `primary` (if any) within the deadline; on timeout, error or garbage, run it on
 * `fallback` and attach a notice. Errors of the fallback itself propagate (a DataError for the UI).
 */
export async function loadWithFallback<T>(
  primary: DataSource | null,
  fallback: DataSource,
  load: (source: DataSource) => Promise<Loaded<T>>,
  opts: FallbackOptions<T> = {},
): Promise<LoadedFrom<T>> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const isUsable = opts.isUsable ?? isUsableDefault;
  if (!primary) return { ...(await load(fallback)), source: fallback, notice: null };
  let reason: FallbackReason;
  let error: unknown = null;
  try {
    const loaded = await withDeadline(load(primary), timeoutMs);
    if (isUsable(loaded)) return { ...loaded, source: primary, notice: null };
    reason = 'garbage';
  } catch (e) {
    error = e;
    reason = e instanceof Timeout || (e instanceof DataError && e.code === 'timeout') ? 'timeout' : 'error';
  }
  const loaded = await load(fallback);
  return { ...loaded, source: fallback, notice: noticeFor(reason, error, loaded.as_of, timeoutMs) };
}

/** A DataSource that falls back per loadWithFallback, sticky once fallen back. */
export interface ResilientSource extends DataSource {
  /** The first fallback notice of the session, if any. */
  readonly notice: FallbackNotice | null;
  /** The source currently serving data. */
  readonly active: DataSource;
}

export function createResilientSource(
  primary: DataSource | null,
  fallback: DataSource,
  opts: { timeoutMs?: number; onNotice?: (n: FallbackNotice) => void } = {},
): ResilientSource {
  let current: DataSource | null = primary;
  let notice: FallbackNotice | null = null;

  async function run<T>(
    load: (s: DataSource) => Promise<Loaded<T>>,
    isUsable: (l: Loaded<T>) => boolean,
  ): Promise<Loaded<T>> {
    const r = await loadWithFallback(current, fallback, load, { timeoutMs: opts.timeoutMs, isUsable });
    if (r.notice && current !== null) {
      current = null;
      if (!notice) {
        notice = r.notice;
        opts.onNotice?.(r.notice);
      }
    }
    const { source: _s, notice: _n, ...loaded } = r;
    return loaded;
  }

  return {
    get kind() {
      return (current ?? fallback).kind;
    },
    get label() {
      return (current ?? fallback).label;
    },
    get notice() {
      return notice;
    },
    get active() {
      return current ?? fallback;
    },
    loadMeta: () => run((s) => s.loadMeta(), isUsableMeta),
    loadSummaries: () => run((s) => s.loadSummaries(), isUsableSummaries),
    loadYear: (year: number) => run<UnitYear[]>((s) => s.loadYear(year), isUsableDefault),
  };
}
