/**
 * Test oracle: province and district summaries computed from unit rows, an independent TypeScript twin of
 * the SQL views `province_summary` and `district_summary` (supabase/migrations/*_views.sql). The db tests
 * check that both agree on every year, drafts and edits included. The app itself reads the SQL summaries
 * (the cards) and counts the units it draws (the legend): see tests/unit/screen-snapshot.test.ts.
 *
 * Definitions (same as SQL):
 * - a xã is "assessed" when it has a tier (an assessment row) that year;
 * - xa_ntm counts xã at dat_chuan, nang_cao or kieu_mau;
 * - xa_ntm_pct = 100 · xa_ntm / xa_total (all xã, assessed or not), null when no xã was assessed;
 * - avg_criteria_xa = mean criteria_count over assessed xã, null when none;
 * - xa_below_threshold = assessed xã with criteria_count < framework.below_threshold (null without one);
 * - urban_civilised_pct = 100 · civilised / urban_total, null when no ward or town was assessed;
 * - province rows count districts (null when the vintage has none), district rows leave them null.
 * Rounding: numeric half away from zero, percentages to 1 decimal, the average to 2 decimals — done on
 * exact integer ratios so that no floating-point error can move a value across a rounding boundary.
 */
import type { AreaSummary, DistrictYear, Framework, UnitYear, VintageId } from '../../src/lib/domain/types';

const NTM_TIERS = new Set(['dat_chuan', 'nang_cao', 'kieu_mau']);

/** round(numerator / denominator, digits), half away from zero, for integers (denominator > 0). */
export function roundRatio(numerator: number, denominator: number, digits: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) {
    throw new RangeError(`roundRatio needs integers and a positive denominator: ${numerator}/${denominator}`);
  }
  const scale = 10 ** digits;
  const scaled = (Math.abs(numerator) * scale) / denominator; // exact when the result is k + 0.5
  const rounded = Math.floor(scaled + 0.5);
  return (Math.sign(numerator) * rounded) / scale;
}

export interface SummariseOptions {
  /** Label the result as this district's (the rows must already be that district's units). */
  district?: { code: string; name: string | null } | null;
  /** District NTM statuses (any years; those of the rows' year are used) for the province row. */
  districtStatuses?: readonly DistrictYear[];
  /** Year and vintage when `rows` may be empty (otherwise taken from the rows). */
  year?: number;
  vintage?: VintageId;
}

/**
 * Summarise the rows of one year (all units of an area, assessed or not: rows without a tier or
 * urban_status count as "no data"). Throws if the rows mix years or do not match the framework.
 */
export function summarise(
  rows: readonly UnitYear[],
  framework: Framework,
  options: SummariseOptions = {},
): AreaSummary {
  const first = rows[0];
  const year = options.year ?? first?.year;
  const vintage = options.vintage ?? first?.vintage;
  if (year === undefined || vintage === undefined) {
    throw new RangeError('summarise: no rows, and no year/vintage given');
  }
  for (const r of rows) {
    if (r.year !== year) throw new RangeError(`summarise: rows of ${r.year} mixed with ${year}`);
    if (r.framework !== framework.id)
      throw new RangeError(`summarise: row of framework ${r.framework}, not ${framework.id}`);
  }

  let xaTotal = 0;
  let xaAssessed = 0;
  let xaNtm = 0;
  let criteriaSum = 0;
  let below = 0;
  let urbanTotal = 0;
  let urbanAssessed = 0;
  let urbanCivilised = 0;
  let illustrative = false;
  const districtCodes = new Set<string>();
  for (const r of rows) {
    if (r.illustrative) illustrative = true;
    if (r.district_code !== null) districtCodes.add(r.district_code);
    if (r.kind === 'xa') {
      xaTotal++;
      if (r.tier === null) continue;
      xaAssessed++;
      if (NTM_TIERS.has(r.tier)) xaNtm++;
      criteriaSum += r.criteria_count;
      if (framework.below_threshold !== null && r.criteria_count < framework.below_threshold) below++;
    } else {
      urbanTotal++;
      if (r.urban_status === null) continue;
      urbanAssessed++;
      if (r.urban_status === 'dat_chuan') urbanCivilised++;
    }
  }

  const district = options.district ?? null;
  let districtsTotal: number | null = null;
  let districtsNtm: number | null = null;
  if (district === null && districtCodes.size > 0) {
    districtsTotal = districtCodes.size;
    if (options.districtStatuses) {
      const sameYear = options.districtStatuses.filter(
        (s) => s.year === year && districtCodes.has(s.district_code),
      );
      districtsNtm = sameYear.filter((s) => s.ntm).length;
      if (sameYear.some((s) => s.illustrative)) illustrative = true;
    }
  }

  return {
    year,
    vintage,
    framework: framework.id,
    district_code: district?.code ?? null,
    district_name: district?.name ?? null,
    xa_total: xaTotal,
    xa_assessed: xaAssessed,
    xa_ntm: xaNtm,
    xa_ntm_pct: xaAssessed > 0 ? roundRatio(100 * xaNtm, xaTotal, 1) : null,
    avg_criteria_xa: xaAssessed > 0 ? roundRatio(criteriaSum, xaAssessed, 2) : null,
    xa_below_threshold: framework.below_threshold === null ? null : below,
    urban_total: urbanTotal,
    urban_civilised: urbanCivilised,
    urban_civilised_pct: urbanAssessed > 0 ? roundRatio(100 * urbanCivilised, urbanTotal, 1) : null,
    districts_total: districtsTotal,
    districts_ntm: districtsNtm,
    illustrative,
  };
}

/** One summary per district among the rows (rows without a district are skipped), sorted by code. */
export function summariseByDistrict(rows: readonly UnitYear[], framework: Framework): AreaSummary[] {
  const groups = new Map<string, UnitYear[]>();
  for (const r of rows) {
    if (r.district_code === null) continue;
    const list = groups.get(r.district_code);
    if (list) list.push(r);
    else groups.set(r.district_code, [r]);
  }
  return [...groups.keys()].sort().map((code) => {
    const list = groups.get(code) ?? [];
    return summarise(list, framework, { district: { code, name: list[0]?.district_name ?? null } });
  });
}
