/**
 * Core vocabulary of the campaign map. Pure types: no MapLibre, no Svelte, no I/O.
 * The database views (supabase/migrations) and the static snapshot (public/data) use the same
 * field names, so a row read from either source parses into these shapes.
 */

/** Boundary vintage, named by the year it took effect. */
export type VintageId = '2016' | '2020' | '2025';

/** Criteria framework, named by its period. */
export type FrameworkId = '2016-2020' | '2021-2025' | '2026-2030';

/** Commune-level unit kinds: xã (rural commune), phường (ward), thị trấn (town). */
export type UnitKind = 'xa' | 'phuong' | 'thi_tran';

/** NTM tier of a xã: not yet, standard, advanced, model. */
export type NtmTier = 'chua_dat' | 'dat_chuan' | 'nang_cao' | 'kieu_mau';

/** Civilised-urban status of a phường or thị trấn. */
export type UrbanStatus = 'chua_dat' | 'dat_chuan';

/** Provenance of a figure: a real source, or the explicit illustrative flag. */
export interface Provenance {
  /** Document or page the figure comes from; null when illustrative. */
  source: string | null;
  source_url: string | null;
  /** Date of the source document (ISO yyyy-mm-dd), if known. */
  source_date: string | null;
  /** True when the figure is sample data made up for illustration (shown as "minh họa"). */
  illustrative: boolean;
}

export interface Framework {
  id: FrameworkId;
  /** Legal basis, e.g. "1980/QĐ-TTg". */
  decision: string;
  decision_date: string;
  name_vi: string;
  name_en: string;
  first_year: number;
  last_year: number;
  criteria_total: number;
  /** Number of indicators (47 for 2026–2030); null when not defined separately. */
  indicator_total: number | null;
  /** Province warning threshold: a xã meeting fewer criteria is flagged (15 for the 19-criteria sets). */
  below_threshold: number | null;
}

export interface Criterion {
  framework: FrameworkId;
  number: number;
  name_vi: string;
  name_en: string;
  group_code: string;
  group_vi: string;
  group_en: string;
}

export interface Unit {
  vintage: VintageId;
  code: string;
  name: string;
  kind: UnitKind;
  district_code: string | null;
  district_name: string | null;
}

/** One unit in one year, as the app reads it (view `unit_year`). */
export interface UnitYear extends Provenance {
  year: number;
  vintage: VintageId;
  framework: FrameworkId;
  code: string;
  name: string;
  kind: UnitKind;
  district_code: string | null;
  district_name: string | null;
  /** Criterion numbers assessed as met. Empty for phường / thị trấn. */
  criteria_met: number[];
  /** Criterion numbers assessed as not met ("còn thiếu"). Criteria in neither list have no data. */
  criteria_missing: number[];
  criteria_count: number;
  criteria_total: number;
  /** NTM tier for a xã; null for wards/towns or when not assessed. */
  tier: NtmTier | null;
  /** Civilised-urban status for a phường / thị trấn; null for xã or when not assessed. */
  urban_status: UrbanStatus | null;
  decision_no: string | null;
  decision_date: string | null;
}

/** Province (or district) summary for one year, computed in SQL (views `province_summary`, `district_summary`). */
export interface AreaSummary {
  year: number;
  vintage: VintageId;
  framework: FrameworkId;
  /** Null for the province row; the 3-digit district code for a district row. */
  district_code: string | null;
  district_name: string | null;
  xa_total: number;
  /** Xã with an assessment that year. */
  xa_assessed: number;
  /** Xã at the NTM standard or above (đạt chuẩn, nâng cao, kiểu mẫu). */
  xa_ntm: number;
  /** Share of xã at the standard, in percent of xa_total; null when nothing was assessed. */
  xa_ntm_pct: number | null;
  /** Average criteria met per assessed xã; null when nothing was assessed. */
  avg_criteria_xa: number | null;
  /** Xã meeting fewer criteria than the framework's below_threshold; null when the framework has none. */
  xa_below_threshold: number | null;
  urban_total: number;
  urban_civilised: number;
  urban_civilised_pct: number | null;
  /** Districts at the NTM standard (province row only; null after districts were abolished). */
  districts_total: number | null;
  districts_ntm: number | null;
  /** True when any figure behind the row is illustrative. */
  illustrative: boolean;
}

/** District NTM status for one year (table `district_status`). */
export interface DistrictYear extends Provenance {
  year: number;
  district_code: string;
  district_name: string;
  ntm: boolean;
  decision_no: string | null;
  decision_date: string | null;
}

export type TargetDirection = 'higher' | 'lower' | 'target';

/** A 2021–2025 target of Kết luận 98-KL/TU (ids T1a…T8). */
export interface Target {
  id: string;
  group_no: number;
  name_vi: string;
  name_en: string;
  unit: string;
  target_value: number;
  /** Strictly greater / strictly lower than the target ("trên 60%", "dưới 15%"). */
  strict: boolean;
  direction: TargetDirection;
  /** 'province' or 'district': where the indicator is measured. */
  level: 'province' | 'district' | 'commune';
}

/** One measured value of a target's indicator. */
export interface IndicatorValue extends Provenance {
  target_id: string;
  year: number;
  /** Null for the province; a district code otherwise. */
  district_code: string | null;
  value: number;
}

/** Crosswalk row: a unit of one vintage and the unit it became in the next. */
export interface CrosswalkRow {
  from_vintage: VintageId;
  from_code: string;
  to_vintage: VintageId;
  to_code: string;
}
