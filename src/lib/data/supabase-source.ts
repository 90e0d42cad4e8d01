/**
 * Live data from a Supabase project, read anonymously through PostgREST (@supabase/postgrest-js, ~5 KB;
 * the full supabase-js client is not needed for public reads). Row-level security on the project
 * decides what anon sees: published rows only.
 *
 * Every response goes through the same schemas as the snapshot. Requests fail fast: retries are off and
 * each request is aborted after `timeoutMs` (5 s), so a slow project hands over to the snapshot quickly
 * (choose-source.ts). Lists are read in pages of `pageSize` rows (Supabase's default max_rows is 1000:
 * keep pageSize ≤ the project's max_rows, or later pages would be cut silently).
 */
import { PostgrestClient } from '@supabase/postgrest-js';
import {
  DataError,
  parseMeta,
  parseSummaries,
  parseYearRows,
  type DataSource,
  type Loaded,
  type Meta,
} from './source';
import { globalFetch, type FetchFn } from './http';
import { supabaseLabel } from './lazy-source';
import { memo } from './memo';

export interface SupabaseOptions {
  /** Abort each request after this many milliseconds (default 5000). */
  timeoutMs?: number;
  /** Rows per request (default 1000). */
  pageSize?: number;
  /** Safety cap on pages per list (default 20). */
  maxPages?: number;
}

type Order = readonly [column: string, nullsFirst?: boolean][];

/** The views the app reads and their stable orders. */
const ORDER: Record<string, Order> = {
  dataset: [['id']],
  framework: [['id']],
  criterion: [['framework'], ['number']],
  unit: [['vintage'], ['code']],
  crosswalk: [['from_vintage'], ['from_code'], ['to_vintage']],
  target: [['id']],
  unit_year: [['vintage'], ['code']],
  province_summary: [['year']],
  district_summary: [['year'], ['district_code']],
  district_year: [['year'], ['district_code']],
  indicator_value: [['target_id'], ['year'], ['district_code', true]],
  statistic_value: [['series_id'], ['year'], ['district_code', true]],
};

export function createSupabaseSource(
  url: string,
  anonKey: string,
  fetchFn: FetchFn = globalFetch,
  opts: SupabaseOptions = {},
): DataSource {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const pageSize = opts.pageSize ?? 1000;
  const maxPages = opts.maxPages ?? 20;
  const client = new PostgrestClient(`${url.replace(/\/+$/, '')}/rest/v1`, {
    headers: { apikey: anonKey, Authorization: `Bearer ${anonKey}` },
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchFn(String(input), init),
    retry: false,
  });

  /**
   * All rows of a view (optionally filtered by year), in its stable order. Returns the raw JSON for the
   * schemas to judge: a non-array answer is passed through so parseRows reports it.
   */
  async function readView(view: keyof typeof ORDER, year?: number, columns = '*'): Promise<unknown> {
    const all: unknown[] = [];
    for (let page = 0; page < maxPages; page++) {
      let q = client.from(view).select(columns);
      if (year !== undefined) q = q.eq('year', year);
      for (const [col, nullsFirst] of ORDER[view]!)
        q = q.order(col, { ascending: true, nullsFirst: nullsFirst ?? false });
      const { data, error, status } = await q
        .range(page * pageSize, page * pageSize + pageSize - 1)
        .abortSignal(AbortSignal.timeout(timeoutMs));
      if (error) {
        const msg = typeof error.message === 'string' ? error.message : '';
        if (status === 0)
          throw new DataError(/^(TimeoutError|AbortError)/.test(msg) ? 'timeout' : 'network', view, {
            cause: error,
          });
        if (status >= 200 && status < 300) throw new DataError('json', view, { cause: error });
        throw new DataError('http', view, { status, cause: error });
      }
      if (!Array.isArray(data)) return page === 0 ? data : all;
      all.push(...(data as unknown[]));
      if (data.length < pageSize) break;
    }
    return all;
  }

  // Live data is read again on every load (an editor's change shows at once); only the parsed meta is
  // kept, as the units every year's rows are checked against (one cache: see snapshot-source.ts).
  const source: DataSource = {
    kind: 'supabase',
    label: supabaseLabel(url),

    loadMeta: memo(async (): Promise<Loaded<Meta>> => {
      const [dataset, frameworks, criteria, units, crosswalk, targets, province] = await Promise.all([
        readView('dataset'),
        readView('framework'),
        readView('criterion'),
        readView('unit'),
        readView('crosswalk'),
        readView('target'),
        readView('province_summary', undefined, 'year'),
      ]);
      const d = Array.isArray(dataset) && dataset.length > 0 ? (dataset[0] as Record<string, unknown>) : {};
      // Years with data = years the province summary has (one row per year with unit data).
      const years = Array.isArray(province)
        ? province.map((r) => (r as { year?: unknown } | null)?.year)
        : province;
      return parseMeta({
        table: 'dataset',
        as_of: d.as_of,
        illustrative: d.illustrative,
        note_vi: d.note_vi,
        note_en: d.note_en,
        years,
        frameworks,
        criteria,
        units,
        crosswalk,
        targets,
      });
    }),

    async loadSummaries() {
      const [province, district, districts, indicators, statistics] = await Promise.all([
        readView('province_summary'),
        readView('district_summary'),
        readView('district_year'),
        readView('indicator_value'),
        readView('statistic_value'),
      ]);
      const m = await source.loadMeta();
      return { ...parseSummaries({ province, district, districts, indicators, statistics }), as_of: m.as_of };
    },

    async loadYear(year: number) {
      const m = await source.loadMeta();
      const raw = await readView('unit_year', year);
      return { ...parseYearRows(year, raw, m.data.units), as_of: m.as_of };
    },
  };
  return source;
}
