/**
 * The yearly series of every target's indicator, for one area (the province or one district), over the
 * 2021–2025 period and its 2020 baseline.
 *
 * WHERE A VALUE COMES FROM
 * - T1a, T1b, T1d, T1e: the area summary rows (AreaSummary, computed in SQL from the unit assessments):
 *   urban_civilised_pct, xa_ntm_pct, avg_criteria_xa, xa_below_threshold.
 * - T1c (additional districts at the NTM standard since 2020): the province row's districts_ntm minus its
 *   2020 value, so the baseline year reads 0. Measured for the province only.
 * - T2–T8: the stored indicator rows (IndicatorValue). T3a is stored as the average yearly reduction of
 *   the poor-household rate in percentage points (the seed stores the sourced averages, e.g. 3.4 for
 *   2021–2023), so it is used as stored, not recomputed from the poverty rates.
 * - For T1a–T1e, a non-illustrative indicator row for the same target, year and area is an official figure
 *   (the database view lets it win over the computed one): it replaces the computed value and brings its
 *   source (e.g. 39/94 xã at the end of 2022, VOV).
 * Every point keeps its provenance: a source, or the illustrative flag ("minh họa").
 */
import type { AreaSummary, IndicatorValue, Provenance } from '../domain/types';
import { BASELINE_YEAR, FINAL_YEAR } from '../domain/targets';

/** The four lists the report reads (a subset of data/source.ts Summaries, so tests can build it alone). */
export interface ReportData {
  province: readonly AreaSummary[];
  district: readonly AreaSummary[];
  indicators: readonly IndicatorValue[];
}

export interface SeriesPoint extends Provenance {
  year: number;
  value: number;
  /**
   * For a share of units computed from the assessments (T1a, T1b): the units counted and the units in all.
   * The target is judged on these (domain/targets unitsNeeded), never on the rounded percentage.
   */
  count?: number;
  of?: number;
}

/** Source text of a figure computed from the unit assessments (the same words as the database view). */
export const COMPUTED_SOURCE = 'Tổng hợp từ số liệu đánh giá từng đơn vị (unit_year)';

/** The counts behind a share-of-units percentage (see SeriesPoint.count). */
const SHARE_COUNTS: Record<string, (s: AreaSummary) => { count: number; of: number }> = {
  T1a: (s) => ({ count: s.urban_civilised, of: s.urban_total }),
  T1b: (s) => ({ count: s.xa_ntm, of: s.xa_total }),
};

const SUMMARY_FIELDS = {
  T1a: (s) => s.urban_civilised_pct,
  T1b: (s) => s.xa_ntm_pct,
  T1d: (s) => s.avg_criteria_xa,
  T1e: (s) => s.xa_below_threshold,
} satisfies Record<string, (s: AreaSummary) => number | null>;

type SummaryTargetId = keyof typeof SUMMARY_FIELDS;

export function isSummaryTarget(id: string): id is SummaryTargetId {
  return Object.hasOwn(SUMMARY_FIELDS, id);
}

/** Targets computed from the area summaries (T1a–T1e). */
export function isComputedTarget(id: string): boolean {
  return isSummaryTarget(id) || id === 'T1c';
}

export interface SeriesRange {
  from: number;
  to: number;
}

/** The baseline year and the five years of the period. */
export const PERIOD_RANGE: SeriesRange = { from: BASELINE_YEAR, to: FINAL_YEAR };

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function provenanceOfSummary(illustrative: boolean): Provenance {
  return {
    source: illustrative ? null : COMPUTED_SOURCE,
    source_url: null,
    source_date: null,
    illustrative,
  };
}

function pointOf(row: IndicatorValue): SeriesPoint {
  return {
    year: row.year,
    value: row.value,
    source: row.source,
    source_url: row.source_url,
    source_date: row.source_date,
    illustrative: row.illustrative,
  };
}

/**
 * Indicator rows of one target and area, one per year. Should the data hold two rows for a year (it
 * should not: the table has a unique key), a sourced row wins over an illustrative one.
 */
function indicatorPoints(
  rows: readonly IndicatorValue[],
  targetId: string,
  district: string | null,
  range: SeriesRange,
): Map<number, SeriesPoint> {
  const byYear = new Map<number, SeriesPoint>();
  for (const row of indicatorIndex(rows).byArea.get(areaKey(targetId, district)) ?? []) {
    if (!isNum(row.value) || row.year < range.from || row.year > range.to) continue;
    const have = byYear.get(row.year);
    if (!have || (have.illustrative && !row.illustrative)) byYear.set(row.year, pointOf(row));
  }
  return byYear;
}

interface IndicatorIndex {
  /** (target, district or province) → its rows, in the data's order. */
  byArea: Map<string, IndicatorValue[]>;
  /** target → districts with a row of it. */
  districts: Map<string, Set<string>>;
}

const areaKey = (targetId: string, district: string | null) => `${targetId}|${district ?? ''}`;

// The rows are never mutated (a new load replaces them whole): indexed once per array, since the report
// reads every (target, area) pair and a scan each time grows with targets × districts × rows.
const indexes = new WeakMap<readonly IndicatorValue[], IndicatorIndex>();

function indicatorIndex(rows: readonly IndicatorValue[]): IndicatorIndex {
  let index = indexes.get(rows);
  if (index) return index;
  index = { byArea: new Map(), districts: new Map() };
  for (const row of rows) {
    const key = areaKey(row.target_id, row.district_code);
    const list = index.byArea.get(key);
    if (list) list.push(row);
    else index.byArea.set(key, [row]);
    if (row.district_code !== null) {
      const set = index.districts.get(row.target_id) ?? new Set<string>();
      set.add(row.district_code);
      index.districts.set(row.target_id, set);
    }
  }
  indexes.set(rows, index);
  return index;
}

const summariesByDistrict = new WeakMap<readonly AreaSummary[], Map<string | null, AreaSummary[]>>();

function summaryRows(data: ReportData, district: string | null): readonly AreaSummary[] {
  if (district === null) return data.province;
  let byCode = summariesByDistrict.get(data.district);
  if (!byCode) {
    byCode = new Map();
    for (const s of data.district) {
      const list = byCode.get(s.district_code);
      if (list) list.push(s);
      else byCode.set(s.district_code, [s]);
    }
    summariesByDistrict.set(data.district, byCode);
  }
  return byCode.get(district) ?? [];
}

function computedPoints(
  data: ReportData,
  targetId: string,
  district: string | null,
  range: SeriesRange,
): Map<number, SeriesPoint> {
  const byYear = new Map<number, SeriesPoint>();
  const rows = summaryRows(data, district);
  if (isSummaryTarget(targetId)) {
    const field = SUMMARY_FIELDS[targetId];
    for (const s of rows) {
      const v = field(s);
      if (isNum(v) && s.year >= range.from && s.year <= range.to && !byYear.has(s.year))
        byYear.set(s.year, {
          year: s.year,
          value: v,
          ...SHARE_COUNTS[targetId]?.(s),
          ...provenanceOfSummary(s.illustrative),
        });
    }
  } else if (targetId === 'T1c' && district === null) {
    const base = rows.find((s) => s.year === BASELINE_YEAR);
    if (base && isNum(base.districts_ntm)) {
      for (const s of rows) {
        if (!isNum(s.districts_ntm) || s.year < Math.max(range.from, BASELINE_YEAR) || s.year > range.to)
          continue;
        if (byYear.has(s.year)) continue;
        byYear.set(s.year, {
          year: s.year,
          value: s.districts_ntm - base.districts_ntm,
          ...provenanceOfSummary(s.illustrative || base.illustrative),
        });
      }
    }
  }
  return byYear;
}

/**
 * The series of one target for the province (district = null) or one district, sorted by year, within
 * `range` (default: 2020 baseline to 2025). Years without a value are absent, never zero.
 */
export function seriesFor(
  data: ReportData,
  targetId: string,
  district: string | null = null,
  range: SeriesRange = PERIOD_RANGE,
): SeriesPoint[] {
  const stored = indicatorPoints(data.indicators, targetId, district, range);
  let points: Map<number, SeriesPoint>;
  if (isComputedTarget(targetId)) {
    points = computedPoints(data, targetId, district, range);
    // An official (non-illustrative) stored figure replaces the computed one.
    for (const [year, p] of stored) if (!p.illustrative || !points.has(year)) points.set(year, p);
  } else {
    points = stored;
  }
  return [...points.values()].sort((a, b) => a.year - b.year);
}

/** Whether a target has any value for this district (so a district view shows the district's own figures). */
export function hasDistrictSeries(data: ReportData, targetId: string, district: string): boolean {
  return seriesFor(data, targetId, district).length > 0;
}

/** Districts with values for a target, sorted by code (the district breakdown). T1c is never per district. */
export function districtsWithSeries(data: ReportData, targetId: string): string[] {
  if (targetId === 'T1c') return [];
  const codes = new Set<string>(indicatorIndex(data.indicators).districts.get(targetId));
  if (isSummaryTarget(targetId)) {
    const field = SUMMARY_FIELDS[targetId];
    for (const s of data.district)
      if (s.district_code !== null && isNum(field(s))) codes.add(s.district_code);
  }
  return [...codes].filter((c) => hasDistrictSeries(data, targetId, c)).sort();
}

/** The point of a given year, or null. */
export function pointAt(series: readonly SeriesPoint[], year: number): SeriesPoint | null {
  return series.find((p) => p.year === year) ?? null;
}

/** The last point in or before `year`, or null. */
export function latestUpTo(series: readonly SeriesPoint[], year: number): SeriesPoint | null {
  let found: SeriesPoint | null = null;
  for (const p of series) if (p.year <= year && (!found || p.year > found.year)) found = p;
  return found;
}
