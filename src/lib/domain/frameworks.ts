/**
 * The national criteria frameworks of the new-rural programme: QĐ 1980/QĐ-TTg (2016–2020), QĐ 318/QĐ-TTg
 * (2021–2025) and QĐ 51/2025/QĐ-TTg (2026–2030). They are national, not a province's: every province is
 * assessed on the same sets. Each framework's size (criteria, indicators) and its warning threshold are
 * written here once; code that needs "19", "15" or "10" asks `frameworkSize` (or reads a Framework row
 * of the data, which the reference-data generator writes from this list).
 */
import type { Framework, FrameworkId } from './types';

export const FRAMEWORKS: readonly Framework[] = [
  {
    id: '2016-2020',
    decision: '1980/QĐ-TTg',
    decision_date: '2016-10-17',
    name_vi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020',
    name_en: 'National new-rural commune criteria 2016–2020',
    first_year: 2016,
    last_year: 2020,
    criteria_total: 19,
    indicator_total: null,
    below_threshold: 15,
  },
  {
    id: '2021-2025',
    decision: '318/QĐ-TTg',
    decision_date: '2022-03-08',
    name_vi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025',
    name_en: 'National new-rural commune criteria 2021–2025',
    first_year: 2021,
    last_year: 2025,
    criteria_total: 19,
    indicator_total: null,
    below_threshold: 15,
  },
  {
    id: '2026-2030',
    decision: '51/2025/QĐ-TTg',
    decision_date: '2025-12-29',
    name_vi: 'Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026–2030',
    name_en: 'National new-rural criteria 2026–2030',
    first_year: 2026,
    last_year: 2030,
    criteria_total: 10,
    indicator_total: 47,
    below_threshold: null,
  },
];

/**
 * The criteria-count bins of a framework, as the first count of each bin (the last bin is the full set).
 * The 19-criteria sets cut at their warning threshold (13-14 / 15-16), so the map's "below 15" line is a
 * bin edge; null: bins cut at 50 %, 70 % and 85 % of the set (status.ts criteriaBins).
 */
const BIN_STARTS: Readonly<Record<FrameworkId, readonly number[] | null>> = {
  '2016-2020': [0, 10, 13, 15, 17, 19],
  '2021-2025': [0, 10, 13, 15, 17, 19],
  '2026-2030': null,
};

export type FrameworkSize = Pick<Framework, 'criteria_total' | 'indicator_total' | 'below_threshold'>;

/** The framework of `id`: its number of criteria, of indicators, and its warning threshold (or null). */
export function frameworkSize(id: FrameworkId): FrameworkSize {
  const f = FRAMEWORKS.find((x) => x.id === id);
  if (!f) throw new RangeError(`unknown criteria framework ${id}`);
  return {
    criteria_total: f.criteria_total,
    indicator_total: f.indicator_total,
    below_threshold: f.below_threshold,
  };
}

/**
 * The fixed bin starts of a framework with `criteriaTotal` criteria, or null when no national framework of
 * that size fixes them (bins are then computed from the size).
 */
export function binStartsFor(criteriaTotal: number): readonly number[] | null {
  for (const f of FRAMEWORKS) {
    const starts = BIN_STARTS[f.id];
    if (f.criteria_total === criteriaTotal && starts) return starts;
  }
  return null;
}

/** The 2021–2025 framework's size: the fallback of screens that have no framework row yet. */
export const DEFAULT_FRAMEWORK: FrameworkSize = frameworkSize('2021-2025');
