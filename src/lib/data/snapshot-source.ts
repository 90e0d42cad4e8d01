/**
 * The static snapshot embedded in the site: `${base}data/snapshot/meta.json`, `summaries.json` and
 * `years/<year>.json`, written by `npm run snapshot` from the same database views Supabase serves.
 * A failed download or broken JSON throws a DataError (the caller decides what to show); bad rows are
 * Problems. Each file is fetched once per page load (a failed fetch is not cached, so a retry works).
 */
import {
  DataError,
  parseMeta,
  parseSummaries,
  parseYearRows,
  type DataSource,
  type Loaded,
  type Meta,
} from './source';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** Base URL with exactly one trailing slash ('' → './'). */
export function normaliseBase(baseUrl: string): string {
  if (baseUrl === '') return './';
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/** GET a JSON file; network failure, HTTP error and invalid JSON become DataErrors. */
export async function fetchJson(
  fetchFn: FetchFn,
  url: string,
  resource: string,
  signal?: AbortSignal,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, { signal, headers: { Accept: 'application/json' } });
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name;
    throw new DataError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', resource, {
      cause,
    });
  }
  if (!res.ok) throw new DataError('http', resource, { status: res.status });
  let body: string;
  try {
    body = await res.text();
  } catch (cause) {
    throw new DataError('network', resource, { cause });
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    throw new DataError('json', resource, { cause });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface SnapshotOptions {
  label?: string;
}

export function createSnapshotSource(
  baseUrl: string,
  fetchFn: FetchFn = fetch,
  opts: SnapshotOptions = {},
): DataSource {
  const root = `${normaliseBase(baseUrl)}data/snapshot/`;
  // `fetch` must be called unbound-safe: window.fetch throws "Illegal invocation" when detached.
  const get: FetchFn = (input, init) => fetchFn(input, init);

  let meta: Promise<Loaded<Meta>> | null = null;
  let summaries: ReturnType<DataSource['loadSummaries']> | null = null;
  const years = new Map<number, ReturnType<DataSource['loadYear']>>();

  /** Cache a promise; forget it when it fails so that the next call retries. */
  function remember<T>(p: Promise<T>, forget: () => void): Promise<T> {
    p.catch(forget);
    return p;
  }

  async function fetchMeta(): Promise<Loaded<Meta>> {
    const raw = await fetchJson(get, `${root}meta.json`, 'meta.json');
    if (!isRecord(raw)) throw new DataError('shape', 'meta.json');
    return parseMeta({
      table: 'meta.json',
      as_of: raw.as_of,
      illustrative: raw.illustrative,
      note_vi: raw.note_vi,
      note_en: raw.note_en,
      years: raw.years,
      frameworks: raw.frameworks,
      criteria: raw.criteria,
      units: raw.units,
      crosswalk: raw.crosswalk,
      targets: raw.targets,
    });
  }

  const source: DataSource = {
    kind: 'snapshot',
    label: opts.label ?? 'Bản chụp dữ liệu tĩnh (snapshot)',

    loadMeta() {
      meta ??= remember(fetchMeta(), () => (meta = null));
      return meta;
    },

    loadSummaries() {
      summaries ??= remember(
        (async () => {
          const raw = await fetchJson(get, `${root}summaries.json`, 'summaries.json');
          if (!isRecord(raw)) throw new DataError('shape', 'summaries.json');
          const m = await source.loadMeta();
          return {
            ...parseSummaries({
              province: raw.province,
              district: raw.district,
              districts: raw.districts,
              indicators: raw.indicators,
              statistics: raw.statistics,
            }),
            as_of: m.as_of,
          };
        })(),
        () => (summaries = null),
      );
      return summaries;
    },

    loadYear(year: number) {
      let p = years.get(year);
      if (!p) {
        p = remember(
          (async () => {
            const m = await source.loadMeta();
            if (!m.data.years.includes(year)) {
              return {
                data: [],
                problems: [
                  {
                    table: 'unit_year',
                    index: -1,
                    message_vi: `Không có số liệu năm ${year}.`,
                    message_en: `There is no data for ${year}.`,
                  },
                ],
                as_of: m.as_of,
              };
            }
            const file = `years/${year}.json`;
            const raw = await fetchJson(get, `${root}${file}`, file);
            return { ...parseYearRows(year, raw, m.data.units, file), as_of: m.as_of };
          })(),
          () => years.delete(year),
        );
        years.set(year, p);
      }
      return p;
    },
  };
  return source;
}
