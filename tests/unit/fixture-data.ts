/**
 * Test helper: a small but complete dataset on the real units (shapes as in the snapshot files and the
 * Supabase views), and fake HTTP servers that serve it as the static snapshot or as PostgREST.
 * Figures are made up for tests (illustrative = true).
 */
import type {
  AreaSummary,
  Criterion,
  DistrictYear,
  Framework,
  IndicatorValue,
  Target,
  Unit,
  UnitYear,
} from '../../src/lib/domain/types';
import type { StatisticValue } from '../../src/lib/data/schemas';
import { frameworkForYear, vintageForYear } from '../../src/lib/domain/periods';
import { FRAMEWORK_2016, FRAMEWORK_2021, FRAMEWORK_2026 } from './factories';
import { allUnits, crosswalk } from './reference';

export const YEARS = [2019, 2022, 2026];
export const FRAMEWORKS: Framework[] = [FRAMEWORK_2016, FRAMEWORK_2021, FRAMEWORK_2026];

export const CRITERIA: Criterion[] = FRAMEWORKS.flatMap((f) =>
  Array.from({ length: f.criteria_total }, (_, i) => ({
    framework: f.id,
    number: i + 1,
    name_vi: `Tiêu chí ${i + 1}`,
    name_en: `Criterion ${i + 1}`,
    group_code: 'I',
    group_vi: 'Nhóm I',
    group_en: 'Group I',
  })),
);

export const TARGETS: Target[] = [
  {
    id: 'T1a',
    group_no: 1,
    name_vi: 'Phường, thị trấn đạt chuẩn văn minh đô thị',
    name_en: 'Wards/towns at the civilised-urban standard',
    unit: '%',
    target_value: 60,
    strict: true,
    direction: 'higher',
    level: 'commune',
  },
  {
    id: 'T1b',
    group_no: 1,
    name_vi: 'Xã đạt chuẩn nông thôn mới',
    name_en: 'Communes at the NTM standard',
    unit: '%',
    target_value: 57.5,
    strict: false,
    direction: 'higher',
    level: 'commune',
  },
];

/** Deterministic unit rows of a year: criteria count from the code, every 7th unit unassessed. */
export function yearRows(year: number): UnitYear[] {
  const vintage = vintageForYear(year);
  const fw = FRAMEWORKS.find((f) => f.id === frameworkForYear(year))!;
  return allUnits()
    .filter((u) => u.vintage === vintage)
    .map((u, i): UnitYear => {
      const assessed = i % 7 !== 3;
      const isXa = u.kind === 'xa';
      const count = assessed && isXa ? (Number(u.code) + year) % (fw.criteria_total + 1) : 0;
      const met = Array.from({ length: count }, (_, k) => k + 1);
      const missing =
        assessed && isXa ? Array.from({ length: fw.criteria_total - count }, (_, k) => count + k + 1) : [];
      return {
        year,
        vintage,
        framework: fw.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        district_code: u.district_code,
        district_name: u.district_name,
        criteria_met: met,
        criteria_missing: missing,
        criteria_count: count,
        criteria_total: fw.criteria_total,
        tier: assessed && isXa ? (count === fw.criteria_total ? 'dat_chuan' : 'chua_dat') : null,
        urban_status: assessed && !isXa ? (i % 2 === 0 ? 'dat_chuan' : 'chua_dat') : null,
        decision_no: null,
        decision_date: null,
        source: null,
        source_url: null,
        source_date: null,
        illustrative: true,
      };
    });
}

function summary(year: number): AreaSummary {
  return {
    year,
    vintage: vintageForYear(year),
    framework: frameworkForYear(year),
    district_code: null,
    district_name: null,
    xa_total: 94,
    xa_assessed: 80,
    xa_ntm: 30,
    xa_ntm_pct: 31.9,
    avg_criteria_xa: 14.25,
    xa_below_threshold: year >= 2026 ? null : 20,
    urban_total: 12,
    urban_civilised: 5,
    urban_civilised_pct: 41.7,
    districts_total: year >= 2026 ? null : 8,
    districts_ntm: year >= 2026 ? null : 1,
    illustrative: true,
  };
}

export function metaJson() {
  return {
    as_of: '2026-06-30',
    source: 'snapshot',
    illustrative: true,
    note_vi: 'Số liệu minh họa',
    note_en: 'Illustrative data',
    years: YEARS,
    frameworks: FRAMEWORKS,
    criteria: CRITERIA,
    units: allUnits() as Unit[],
    crosswalk: crosswalk(),
    targets: TARGETS,
  };
}

export function summariesJson() {
  const districts: DistrictYear[] = [
    {
      year: 2019,
      district_code: '105',
      district_name: 'Thành phố Lai Châu',
      ntm: true,
      decision_no: null,
      decision_date: null,
      source: 'Nguồn thử nghiệm',
      source_url: 'https://example.org/s43',
      source_date: '2020-01-15',
      illustrative: false,
    },
  ];
  const indicators: IndicatorValue[] = [
    {
      target_id: 'T1b',
      year: 2022,
      district_code: null,
      value: 41.5,
      source: null,
      source_url: null,
      source_date: null,
      illustrative: true,
    },
  ];
  const statistics: StatisticValue[] = [
    {
      series_id: 'poor_household_rate',
      name_vi: 'Tỷ lệ hộ nghèo',
      name_en: 'Poor-household rate',
      unit: '%',
      year: 2016,
      district_code: null,
      value: 36.9,
      note: null,
      source: 'Nguồn thử nghiệm',
      source_url: 'https://example.org/s42',
      source_date: '2020-09-16',
      illustrative: false,
    },
  ];
  return {
    statistics,
    province: YEARS.map(summary),
    district: [
      {
        ...summary(2022),
        district_code: '106',
        district_name: 'Huyện Tam Đường',
        districts_total: null,
        districts_ntm: null,
      },
    ],
    districts,
    indicators,
  };
}

/** The snapshot files, keyed by their path under data/snapshot/. */
export function snapshotFiles(): Record<string, unknown> {
  const files: Record<string, unknown> = { 'meta.json': metaJson(), 'summaries.json': summariesJson() };
  for (const y of YEARS) files[`years/${y}.json`] = yearRows(y);
  return files;
}

export type FakeFetch = ((input: string, init?: RequestInit) => Promise<Response>) & { calls: string[] };

function json(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A static file server for `${base}data/snapshot/…`. A value that is a string is served verbatim. */
export function snapshotServer(files: Record<string, unknown> = snapshotFiles(), base = '/app/'): FakeFetch {
  const calls: string[] = [];
  const f = async (input: string) => {
    calls.push(input);
    const prefix = `${base}data/snapshot/`;
    if (!input.startsWith(prefix)) return json({ message: 'not found' }, 404);
    const path = input.slice(prefix.length);
    if (!(path in files)) return new Response('<h1>404</h1>', { status: 404 });
    return json(files[path]);
  };
  return Object.assign(f, { calls });
}

/** The views of the fixture dataset, as PostgREST serves them. */
export function postgrestTables(): Record<string, Record<string, unknown>[]> {
  const m = metaJson();
  const s = summariesJson();
  return {
    dataset: [
      { id: 1, as_of: m.as_of, illustrative: m.illustrative, note_vi: m.note_vi, note_en: m.note_en },
    ],
    framework: m.frameworks as unknown as Record<string, unknown>[],
    criterion: m.criteria as unknown as Record<string, unknown>[],
    unit: m.units as unknown as Record<string, unknown>[],
    crosswalk: m.crosswalk as unknown as Record<string, unknown>[],
    target: m.targets as unknown as Record<string, unknown>[],
    unit_year: YEARS.flatMap(yearRows) as unknown as Record<string, unknown>[],
    province_summary: s.province as unknown as Record<string, unknown>[],
    district_summary: s.district as unknown as Record<string, unknown>[],
    district_year: s.districts as unknown as Record<string, unknown>[],
    indicator_value: s.indicators as unknown as Record<string, unknown>[],
    statistic_value: s.statistics as unknown as Record<string, unknown>[],
  };
}

export interface PostgrestCall {
  view: string;
  params: URLSearchParams;
  headers: Record<string, string>;
}

/**
 * A minimal PostgREST: GET /rest/v1/<view>?select=*&<col>=eq.<v>&order=…&offset=&limit=, honouring eq
 * filters, order (asc, nulls first/last), offset/limit and a max_rows cap like Supabase's.
 */
export function postgrestServer(
  tables: Record<string, Record<string, unknown>[]> = postgrestTables(),
  opts: { base?: string; maxRows?: number } = {},
): FakeFetch & { log: PostgrestCall[] } {
  const base = opts.base ?? 'https://demo.supabase.co/rest/v1/';
  const calls: string[] = [];
  const log: PostgrestCall[] = [];
  const f = async (input: string, init?: RequestInit) => {
    calls.push(input);
    if (!input.startsWith(base)) return json({ message: 'no route' }, 404);
    const url = new URL(input);
    const view = url.pathname.split('/').pop()!;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    log.push({ view, params: url.searchParams, headers });
    const table = tables[view];
    if (!table) return json({ code: '42P01', message: `relation "${view}" does not exist` }, 404);
    let rows = [...table];
    for (const [k, v] of url.searchParams) {
      if (v.startsWith('eq.')) rows = rows.filter((r) => String(r[k]) === v.slice(3));
    }
    const order = url.searchParams.get('order');
    if (order) {
      const keys = order.split(',').map((o) => {
        const [col, dir, nulls] = o.split('.');
        return { col: col!, desc: dir === 'desc', nullsFirst: nulls === 'nullsfirst' };
      });
      rows.sort((a, b) => {
        for (const k of keys) {
          const x = a[k.col];
          const y = b[k.col];
          if (x === y) continue;
          if (x === null || x === undefined) return k.nullsFirst ? -1 : 1;
          if (y === null || y === undefined) return k.nullsFirst ? 1 : -1;
          const c = (x as number | string) < (y as number | string) ? -1 : 1;
          return k.desc ? -c : c;
        }
        return 0;
      });
    }
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? Infinity), opts.maxRows ?? Infinity);
    return json(rows.slice(offset, offset + limit));
  };
  return Object.assign(f, { calls, log });
}
