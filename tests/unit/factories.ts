/** Test helper: well-formed domain objects with overridable fields. */
import type { Framework, UnitYear } from '../../src/lib/domain/types';

export const FRAMEWORK_2021: Framework = {
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
};

export const FRAMEWORK_2016: Framework = {
  ...FRAMEWORK_2021,
  id: '2016-2020',
  decision: '1980/QĐ-TTg',
  decision_date: '2016-10-17',
  first_year: 2016,
  last_year: 2020,
};

export const FRAMEWORK_2026: Framework = {
  id: '2026-2030',
  decision: '51/2025/QĐ-TTg',
  decision_date: '2025-12-29',
  name_vi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030',
  name_en: 'National new-rural commune criteria 2026–2030',
  first_year: 2026,
  last_year: 2030,
  criteria_total: 10,
  indicator_total: 47,
  below_threshold: null,
};

/** A xã of 2022 meeting criteria 1…count (of 19), the rest assessed not met. */
export function xaRow(count: number, over: Partial<UnitYear> = {}): UnitYear {
  const total = over.criteria_total ?? 19;
  const met = Array.from({ length: count }, (_, i) => i + 1);
  const missing = Array.from({ length: total - count }, (_, i) => count + i + 1);
  return {
    year: 2022,
    vintage: '2020',
    framework: '2021-2025',
    code: '03424',
    name: 'Xã Bản Bo',
    kind: 'xa',
    district_code: '106',
    district_name: 'Huyện Tam Đường',
    criteria_met: met,
    criteria_missing: missing,
    criteria_count: count,
    criteria_total: total,
    tier: count === total ? 'dat_chuan' : 'chua_dat',
    urban_status: null,
    decision_no: null,
    decision_date: null,
    source: null,
    source_url: null,
    source_date: null,
    illustrative: true,
    ...over,
  };
}

/** A xã of 2022 with no assessment at all (the view's "no data" row). */
export function unassessedXa(over: Partial<UnitYear> = {}): UnitYear {
  return xaRow(0, { criteria_met: [], criteria_missing: [], tier: null, ...over });
}

/** A ward/town row of 2022. */
export function urbanRow(status: 'chua_dat' | 'dat_chuan' | null, over: Partial<UnitYear> = {}): UnitYear {
  return xaRow(0, {
    code: '03386',
    name: 'Phường Quyết Thắng',
    kind: 'phuong',
    district_code: '105',
    district_name: 'Thành phố Lai Châu',
    criteria_met: [],
    criteria_missing: [],
    tier: null,
    urban_status: status,
    ...over,
  });
}
