import type { FrameworkId, VintageId } from './types';

/**
 * Which boundary vintage and which criteria framework a year is assessed on.
 *
 * Boundaries: 108 units until January 2020 (NQ 866 merged three into two on 1 Feb 2020), 106 units until
 * 30 June 2025, 38 units from 1 July 2025 (NQ 1670). Year-end assessments of 2025 still report on the
 * 106 units of the 2021–2025 period, so 2025 maps to the 2020 vintage and 2026 is the first 38-unit year.
 */
export const FIRST_YEAR = 2016;

export const VINTAGES: readonly {
  id: VintageId;
  first_year: number;
  units: number;
  has_districts: boolean;
}[] = [
  { id: '2016', first_year: 2016, units: 108, has_districts: true },
  { id: '2020', first_year: 2020, units: 106, has_districts: true },
  { id: '2025', first_year: 2026, units: 38, has_districts: false },
];

export const FRAMEWORK_YEARS: readonly { id: FrameworkId; first_year: number; last_year: number }[] = [
  { id: '2016-2020', first_year: 2016, last_year: 2020 },
  { id: '2021-2025', first_year: 2021, last_year: 2025 },
  { id: '2026-2030', first_year: 2026, last_year: 2030 },
];

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= 2030;
}

export function vintageForYear(year: number): VintageId {
  if (!isSupportedYear(year)) throw new RangeError(`year ${year} is outside ${FIRST_YEAR}–2030`);
  let found: VintageId = '2016';
  for (const v of VINTAGES) if (year >= v.first_year) found = v.id;
  return found;
}

export function frameworkForYear(year: number): FrameworkId {
  const f = FRAMEWORK_YEARS.find((p) => year >= p.first_year && year <= p.last_year);
  if (!f) throw new RangeError(`year ${year} has no criteria framework`);
  return f.id;
}

export function vintageInfo(id: VintageId) {
  const v = VINTAGES.find((x) => x.id === id);
  if (!v) throw new RangeError(`unknown vintage ${id}`);
  return v;
}

/** The year the app opens on: the last year of the 2021–2025 targets when there is data for it, else the latest. */
export function defaultYear(years: readonly number[]): number {
  return years.filter((y) => y <= 2025).at(-1) ?? years.at(-1) ?? 2025;
}
