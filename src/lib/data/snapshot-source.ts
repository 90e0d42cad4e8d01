/**
 * The static snapshot embedded in the site: `${base}data/snapshot/meta.json`, `summaries.json` and
 * `years/<year>.json`, written by `npm run snapshot` from the same database views Supabase serves.
 * A failed download or broken JSON throws a DataError (the caller decides what to show); bad rows are
 * Problems.
 *
 * The data's one cache is here. Each file is fetched and validated once per page load and its parsed
 * answer kept (a failed load is forgotten, so a retry fetches again). It sits at this layer because this
 * is where the parsed meta is needed anyway (every year's rows are checked against its units), and
 * because the source runs inside the data worker (or on the main thread when no worker runs): a repeated
 * request costs neither a download nor a validation. Nothing above caches: the worker client asks the
 * worker each time, the fallback logic (choose-source.ts) holds no data, and the page's AppData keeps
 * only what the screen shows. The files never change under a running page; live data (Supabase) is
 * read again on every load.
 */
import {
  DataError,
  parseMeta,
  parseSummaries,
  parseYearRows,
  type DataSource,
  type Loaded,
  type Meta,
  type Summaries,
} from './source';
import type { UnitYear } from '../domain/types';
import { fetchJson, globalFetch, normaliseBase, type FetchFn } from './http';
import { SNAPSHOT_LABEL } from './lazy-source';
import { memo, memoByKey } from './memo';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface SnapshotOptions {
  label?: string;
}

export function createSnapshotSource(
  baseUrl: string,
  fetchFn: FetchFn = globalFetch,
  opts: SnapshotOptions = {},
): DataSource {
  const root = `${normaliseBase(baseUrl)}data/snapshot/`;

  const loadMeta = memo(async (): Promise<Loaded<Meta>> => {
    const raw = await fetchJson(fetchFn, `${root}meta.json`, 'meta.json');
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
  });

  const loadSummaries = memo(async (): Promise<Loaded<Summaries>> => {
    const raw = await fetchJson(fetchFn, `${root}summaries.json`, 'summaries.json');
    if (!isRecord(raw)) throw new DataError('shape', 'summaries.json');
    const m = await loadMeta();
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
  });

  const loadYear = memoByKey(async (year: number): Promise<Loaded<UnitYear[]>> => {
    const m = await loadMeta();
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
    const raw = await fetchJson(fetchFn, `${root}${file}`, file);
    return { ...parseYearRows(year, raw, m.data.units, file), as_of: m.as_of };
  });

  return { kind: 'snapshot', label: opts.label ?? SNAPSHOT_LABEL, loadMeta, loadSummaries, loadYear };
}
