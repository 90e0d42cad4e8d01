/**
 * Test helper (imported by the *.test.ts files only): well-formed area summaries, indicator rows and the
 * 2021–2025 targets as the database stores them (supabase/migrations, reference data).
 */
import type { AreaSummary, DistrictYear, IndicatorValue, Target } from '../domain/types';

/** Counts consistent with an overridden percentage (the report judges unit shares on their counts). */
function countsFor(over: Partial<AreaSummary>, xaTotal: number, urbanTotal: number): Partial<AreaSummary> {
  const counts: Partial<AreaSummary> = {};
  if (over.xa_ntm_pct != null && over.xa_ntm === undefined)
    counts.xa_ntm = Math.round((over.xa_ntm_pct / 100) * (over.xa_total ?? xaTotal));
  if (over.urban_civilised_pct != null && over.urban_civilised === undefined)
    counts.urban_civilised = Math.round((over.urban_civilised_pct / 100) * (over.urban_total ?? urbanTotal));
  return counts;
}

export function provinceRow(year: number, over: Partial<AreaSummary> = {}): AreaSummary {
  return {
    year,
    vintage: year < 2020 ? '2016' : '2020',
    framework: year <= 2020 ? '2016-2020' : '2021-2025',
    district_code: null,
    district_name: null,
    xa_total: 94,
    xa_assessed: 94,
    xa_ntm: 31,
    xa_ntm_pct: 33,
    avg_criteria_xa: 13.65,
    xa_below_threshold: 55,
    urban_total: 12,
    urban_civilised: 4,
    urban_civilised_pct: 33.3,
    districts_total: 8,
    districts_ntm: 1,
    illustrative: true,
    ...over,
    ...countsFor(over, over.xa_total ?? 94, over.urban_total ?? 12),
  };
}

export function districtRow(
  year: number,
  code: string,
  name: string,
  over: Partial<AreaSummary> = {},
): AreaSummary {
  return provinceRow(year, {
    district_code: code,
    district_name: name,
    xa_total: 12,
    xa_assessed: 12,
    districts_total: null,
    districts_ntm: null,
    ...over,
  });
}

export function indicator(
  target_id: string,
  year: number,
  value: number,
  over: Partial<IndicatorValue> = {},
): IndicatorValue {
  return {
    target_id,
    year,
    district_code: null,
    value,
    source: null,
    source_url: null,
    source_date: null,
    illustrative: true,
    ...over,
  };
}

export function districtYear(
  year: number,
  code: string,
  name: string,
  ntm: boolean,
  over: Partial<DistrictYear> = {},
): DistrictYear {
  return {
    year,
    district_code: code,
    district_name: name,
    ntm,
    decision_no: null,
    decision_date: null,
    source: null,
    source_url: null,
    source_date: null,
    illustrative: true,
    ...over,
  };
}

const t = (
  id: string,
  group_no: number,
  unit: string,
  target_value: number,
  direction: Target['direction'],
  strict = false,
  level: Target['level'] = 'province',
): Target => ({
  id,
  group_no,
  name_vi: `Chỉ tiêu ${id}`,
  name_en: `Target ${id}`,
  unit,
  target_value,
  strict,
  direction,
  level,
});

/** The 22 targets of data/reference/targets-2021-2025.md, as the database's `target` table holds them. */
export const TARGETS: Target[] = [
  t('T1a', 1, '%', 60, 'higher', true, 'commune'),
  t('T1b', 1, '%', 57.5, 'higher', false, 'commune'),
  t('T1c', 1, 'huyện', 2, 'higher', false, 'district'),
  t('T1d', 1, 'tiêu chí/xã', 17.3, 'higher', false, 'commune'),
  t('T1e', 1, 'xã', 0, 'lower', false, 'commune'),
  t('T2', 2, 'tỷ đồng', 25, 'higher', true),
  t('T3a', 3, 'điểm %/năm', 3, 'higher'),
  t('T3b', 3, 'lần', 1.5, 'higher'),
  t('T4a', 4, '%', 86, 'higher'),
  t('T4b', 4, '%', 75, 'higher'),
  t('T4c', 4, '%', 98, 'higher'),
  t('T4d', 4, '%', 80, 'higher'),
  t('T4e', 4, '%', 90, 'higher', true),
  t('T5', 5, '%', 66, 'higher'),
  t('T6a', 6, '%', 70, 'higher'),
  t('T6b', 6, '‰/năm', 0.4, 'higher'),
  t('T6c', 6, '‰', 13.45, 'target'),
  t('T6d', 6, '%', 15, 'lower', true),
  t('T6e', 6, '%', 20, 'lower'),
  t('T6f', 6, '%', 98, 'higher'),
  t('T7', 7, '%', 100, 'higher'),
  t('T8', 8, '%', 80, 'higher'),
];

export function target(id: string): Target {
  const found = TARGETS.find((x) => x.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
}
