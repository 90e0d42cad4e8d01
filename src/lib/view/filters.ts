// The planners' filters (district, kind, tier, below threshold, missing a criterion, near the standard),
// shared by the table, the list and the map dimming so that all three always agree. Pure.
import { isBelowThreshold, isNearStandard, statusClass } from '../domain/status';
import type { Framework, UnitKind, UnitYear } from '../domain/types';
import type { ViewState } from '../domain/url-state';

/** The filter fields of the view state (the URL carries them). */
export type UnitFilters = Pick<ViewState, 'district' | 'kind' | 'tier' | 'below' | 'missing' | 'near'>;

export function hasActiveFilter(f: UnitFilters): boolean {
  return f.district !== null || f.kind !== null || f.tier !== null || f.below || f.missing !== null || f.near;
}

export function passesFilters(
  unit: { code: string; kind: UnitKind; district_code: string | null },
  row: UnitYear | undefined,
  f: UnitFilters,
  framework: Pick<Framework, 'below_threshold'>,
): boolean {
  if (f.district !== null && unit.district_code !== f.district) return false;
  if (f.kind !== null && unit.kind !== f.kind) return false;
  if (f.tier !== null && (unit.kind !== 'xa' || statusClass(row) !== f.tier)) return false;
  if (f.below && !isBelowThreshold(row, framework)) return false;
  if (f.missing !== null && !(row?.criteria_missing.includes(f.missing) ?? false)) return false;
  if (f.near && !isNearStandard(row)) return false;
  return true;
}

/** Codes passing the filters, or null when no filter is active (nothing is dimmed). */
export function visibleCodes(
  units: readonly { code: string; kind: UnitKind; district_code: string | null }[],
  rows: ReadonlyMap<string, UnitYear>,
  f: UnitFilters,
  framework: Pick<Framework, 'below_threshold'>,
): Set<string> | null {
  if (!hasActiveFilter(f)) return null;
  return new Set(units.filter((u) => passesFilters(u, rows.get(u.code), f, framework)).map((u) => u.code));
}
