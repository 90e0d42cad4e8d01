/**
 * Classification of one unit-year for colouring and filtering. Pure functions over UnitYear.
 *
 * Rules that matter to users:
 * - Only a xã is judged against the new-rural (NTM) standard. A phường or thị trấn is judged against the
 *   civilised-urban standard and is NEVER shown as failing NTM.
 * - "No data" is explicit: a missing row, a xã without a tier, a ward/town without an urban status.
 * - A criterion in neither criteria_met nor criteria_missing was not assessed: it is "no data", not "not met".
 */
import { binStartsFor } from './frameworks';
import type { Criterion, Framework, UnitYear } from './types';

export type StatusClass =
  'chua_dat' | 'dat_chuan' | 'nang_cao' | 'kieu_mau' | 'urban_chua_dat' | 'urban_dat_chuan' | 'no_data';

export type CriterionState = 'met' | 'not_met' | 'no_data';

/** The parts of a Framework this module needs (so callers may pass a Framework or a literal). */
export type FrameworkBins = Pick<Framework, 'criteria_total'>;
export type FrameworkThreshold = Pick<Framework, 'below_threshold'>;

export function isXa(row: UnitYear | null | undefined): row is UnitYear {
  return row?.kind === 'xa';
}

/**
 * True when a xã has an assessment that year, i.e. a tier (chua_dat … kieu_mau). This is the same rule as
 * the database summaries (xa_assessed counts `tier is not null`) and src/lib/domain/aggregates.ts, so
 * legend counts and summary cards always agree. Criteria lists without a tier are still shown per
 * criterion (criterionState) but do not make the xã "assessed".
 */
export function isAssessedXa(row: UnitYear | null | undefined): row is UnitYear {
  return isXa(row) && row.tier !== null;
}

/** Status class for the "status" colouring. */
export function statusClass(row: UnitYear | null | undefined): StatusClass {
  if (!row) return 'no_data';
  if (row.kind !== 'xa') {
    if (row.urban_status === 'dat_chuan') return 'urban_dat_chuan';
    if (row.urban_status === 'chua_dat') return 'urban_chua_dat';
    return 'no_data';
  }
  return row.tier ?? 'no_data';
}

/** True when the xã is recognised at the NTM standard or above. */
export function isAtStandard(row: UnitYear | null | undefined): boolean {
  return isXa(row) && row.tier !== null && row.tier !== 'chua_dat';
}

export interface CriteriaBinDef {
  /** Bin id, e.g. '13-14' or '19'. */
  id: string;
  min: number;
  max: number;
}

function bin(min: number, max: number): CriteriaBinDef {
  return { id: min === max ? String(min) : `${min}-${max}`, min, max };
}

/**
 * Ordered bins (low → high) over 0…criteria_total. A national framework of that size may fix its bins
 * (frameworks.ts: the 19-criteria sets cut at their "below 15" warning line: 0-9, 10-12, 13-14, 15-16,
 * 17-18, 19); any other total (the 10-criteria set of 2026–2030 gives '0-4','5-6','7-8','9','10') → 5 bins
 * cut at 50 %, 70 %, 85 % and the full set.
 */
export function criteriaBins(framework: FrameworkBins): readonly CriteriaBinDef[] {
  const n = framework.criteria_total;
  const fixed = binStartsFor(n);
  if (fixed) return fixedBins(n, fixed);
  if (!Number.isInteger(n) || n < 1) return [bin(0, 0)];
  const cuts = [0, Math.round(n * 0.5), Math.round(n * 0.7), Math.round(n * 0.85), n];
  const bins: CriteriaBinDef[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const lo = cuts[i]!;
    const hi = cuts[i + 1]! - 1;
    if (hi >= lo && (bins.length === 0 || lo > bins[bins.length - 1]!.max)) bins.push(bin(lo, hi));
  }
  bins.push(bin(n, n));
  return bins;
}

// One array per size, so a caller comparing bins by identity (memoised legends) sees the same object.
const fixedCache = new Map<number, readonly CriteriaBinDef[]>();

function fixedBins(n: number, starts: readonly number[]): readonly CriteriaBinDef[] {
  let bins = fixedCache.get(n);
  if (!bins) {
    bins = starts.map((lo, i) => bin(lo, i + 1 < starts.length ? starts[i + 1]! - 1 : n));
    fixedCache.set(n, bins);
  }
  return bins;
}

export type CriteriaBinClass = string;

/**
 * Bin of a xã's criteria count for the "criteria" colouring: a bin id from criteriaBins(framework),
 * 'no_data' when the xã (or the row) has no assessment, 'not_applicable' for phường / thị trấn.
 * Counts above the total fall in the top bin (bad data must not vanish from the map).
 */
export function criteriaBin(row: UnitYear | null | undefined, framework: FrameworkBins): CriteriaBinClass {
  if (!row) return 'no_data';
  if (row.kind !== 'xa') return 'not_applicable';
  if (!isAssessedXa(row)) return 'no_data';
  const bins = criteriaBins(framework);
  const count = Math.max(0, row.criteria_count);
  return (bins.find((b) => count >= b.min && count <= b.max) ?? bins[bins.length - 1]!).id;
}

/**
 * True for an assessed xã meeting fewer criteria than the framework's warning threshold (frameworks.ts).
 * False for wards/towns, unassessed xã, and frameworks without a threshold (2026–2030).
 */
export function isBelowThreshold(row: UnitYear | null | undefined, framework: FrameworkThreshold): boolean {
  if (framework.below_threshold === null || !isAssessedXa(row)) return false;
  return row.criteria_count < framework.below_threshold;
}

/** State of criterion number `n` for this row. */
export function criterionState(row: UnitYear | null | undefined, n: number): CriterionState {
  if (!row) return 'no_data';
  if (row.criteria_met.includes(n)) return 'met';
  if (row.criteria_missing.includes(n)) return 'not_met';
  return 'no_data';
}

/**
 * The criteria assessed as not met ("còn thiếu"), as Criterion objects of the row's framework,
 * in criterion order. Unknown numbers (not in `criteria`) are skipped.
 */
export function missingCriteria(
  row: UnitYear | null | undefined,
  criteria: readonly Criterion[],
): Criterion[] {
  if (!row) return [];
  const missing = new Set(row.criteria_missing);
  return criteria
    .filter((c) => c.framework === row.framework && missing.has(c.number))
    .sort((a, b) => a.number - b.number);
}

/**
 * Criteria still to meet (criteria_total − criteria_count, at least 0) for an assessed xã that is not
 * recognised at the standard; null otherwise (wards/towns, no data, already at the standard).
 */
export function criteriaToStandard(row: UnitYear | null | undefined): number | null {
  if (!isAssessedXa(row) || isAtStandard(row)) return null;
  return Math.max(0, row.criteria_total - row.criteria_count);
}

/** The planners' filter: an assessed xã one or two criteria (by default) short of the standard. */
export function isNearStandard(row: UnitYear | null | undefined, maxShort = 2): boolean {
  const short = criteriaToStandard(row);
  return short !== null && short >= 1 && short <= maxShort;
}
