/**
 * Everything the leaders' targets view and the printed report show, computed once from the data:
 * for each 2021–2025 target, its series, the latest value up to the chosen year, the status (domain/targets
 * targetStatus, on a straight path from the 2020 baseline), the period result, the district breakdown
 * where the indicator is measured per district, and the sources of the figures shown.
 *
 * AREA: with a district chosen, indicators measured per district show that district's own figures;
 * the others stay province figures and say so (scope 'province').
 * YEAR: the targets belong to 2021–2025: a year after 2025 shows 2025 (the period's end), a year before
 * 2020 shows the 2020 baseline; `yearNote` says so.
 */
import { statusAt } from './judge';
import { expectedOnPath, BASELINE_YEAR, FINAL_YEAR, type TargetStatus } from '../domain/targets';
import type { DistrictYear, Provenance, Target } from '../domain/types';
import { periodResult, tallyResults, type PeriodResult, type PeriodTally } from './period-result';
import {
  districtsWithSeries,
  hasDistrictSeries,
  latestUpTo,
  pointAt,
  seriesFor,
  type ReportData,
  type SeriesPoint,
} from './series';

export interface TargetsInput extends ReportData {
  districts: readonly DistrictYear[];
}

/** One source (or the illustrative flag) and the years whose figures it gives. */
export interface SourceLine extends Provenance {
  years: number[];
}

export interface DistrictCell {
  code: string;
  name: string;
  /** Latest value up to the report year. */
  point: SeriesPoint | null;
  status: TargetStatus;
  result: PeriodResult;
}

/** T1c: which districts are at the NTM standard in the report year. */
export interface DistrictNtmCell extends Provenance {
  code: string;
  name: string;
  /** At the NTM standard that year; null when the year has no status for the district. */
  ntm: boolean | null;
  /** First year of 2020–report year in which the district is NTM, or null. */
  since: number | null;
  decision_no: string | null;
}

export interface TargetRow {
  target: Target;
  /** Whose figures the row shows: the chosen district's, or the province's. */
  scope: 'province' | 'district';
  series: SeriesPoint[];
  baseline: SeriesPoint | null;
  /** Latest value in or before the report year. */
  latest: SeriesPoint | null;
  status: TargetStatus;
  /** Value expected on the straight path at the latest value's year; null without a baseline. */
  expected: number | null;
  result: PeriodResult;
  /** Per-district figures (province view of an indicator measured per district); empty otherwise. */
  breakdown: DistrictCell[];
  districtsNtm: DistrictNtmCell[];
  sources: SourceLine[];
}

export interface TargetsReport {
  requestedYear: number;
  asOfYear: number;
  yearNote: 'before_period' | 'after_period' | null;
  district: string | null;
  districtName: string | null;
  rows: TargetRow[];
  groups: { no: number; rows: TargetRow[] }[];
  tally: PeriodTally;
  /** True when any figure shown is illustrative. */
  illustrative: boolean;
}

const collator = new Intl.Collator('en', { numeric: true });

export function compareTargets(a: Target, b: Target): number {
  return a.group_no - b.group_no || collator.compare(a.id, b.id);
}

function provenanceKey(p: Provenance): string {
  return p.illustrative && !p.source
    ? 'illustrative'
    : JSON.stringify([p.source, p.source_url, p.source_date, p.illustrative]);
}

/** Distinct sources of the points, sourced ones first (in order of first year), illustrative last. */
export function sourceLines(points: readonly SeriesPoint[]): SourceLine[] {
  const lines = new Map<string, SourceLine>();
  for (const p of [...points].sort((a, b) => a.year - b.year)) {
    const key = provenanceKey(p);
    const line = lines.get(key);
    if (line) line.years.push(p.year);
    else
      lines.set(key, {
        source: p.source,
        source_url: p.source_url,
        source_date: p.source_date,
        illustrative: p.illustrative,
        years: [p.year],
      });
  }
  return [...lines.values()].sort(
    (a, b) => Number(a.illustrative) - Number(b.illustrative) || a.years[0]! - b.years[0]!,
  );
}

export function districtNames(data: TargetsInput): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of data.district)
    if (s.district_code && s.district_name) names.set(s.district_code, s.district_name);
  for (const d of data.districts)
    if (!names.has(d.district_code)) names.set(d.district_code, d.district_name);
  return names;
}

function statusOf(target: Target, series: readonly SeriesPoint[], latest: SeriesPoint | null) {
  const baseline = pointAt(series, BASELINE_YEAR);
  const status = statusAt(target, latest, baseline);
  const expected = latest ? expectedOnPath(target, latest.year, baseline?.value) : null;
  return { baseline, status, expected };
}

/**
 * Every district of the year, from the district summaries (the units' own districts) and the district
 * statuses: a district with no status row that year is listed as "no data" (ntm null), never left out, so
 * "2 of 8 districts" reads the same here as on the cards.
 */
function districtNtmCells(
  data: TargetsInput,
  asOfYear: number,
  names: Map<string, string>,
): DistrictNtmCell[] {
  const rows = new Map(data.districts.filter((d) => d.year === asOfYear).map((d) => [d.district_code, d]));
  const codes = new Set(rows.keys());
  for (const s of data.district) if (s.year === asOfYear && s.district_code) codes.add(s.district_code);
  return [...codes]
    .map((code): DistrictNtmCell => {
      const d = rows.get(code);
      const years = data.districts
        .filter((x) => x.district_code === code && x.ntm && x.year >= BASELINE_YEAR && x.year <= asOfYear)
        .map((x) => x.year);
      return {
        code,
        name: names.get(code) ?? d?.district_name ?? code,
        ntm: d ? d.ntm : null,
        since: d?.ntm && years.length > 0 ? Math.min(...years) : null,
        decision_no: d?.decision_no ?? null,
        source: d?.source ?? null,
        source_url: d?.source_url ?? null,
        source_date: d?.source_date ?? null,
        illustrative: d?.illustrative ?? true,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function clampYear(year: number): { asOfYear: number; yearNote: TargetsReport['yearNote'] } {
  if (year > FINAL_YEAR) return { asOfYear: FINAL_YEAR, yearNote: 'after_period' };
  if (year < BASELINE_YEAR) return { asOfYear: BASELINE_YEAR, yearNote: 'before_period' };
  return { asOfYear: year, yearNote: null };
}

export function buildTargetsReport(
  targets: readonly Target[],
  data: TargetsInput,
  opts: { year: number; district?: string | null },
): TargetsReport {
  const { asOfYear, yearNote } = clampYear(opts.year);
  const district = opts.district ?? null;
  const names = districtNames(data);
  const rows = [...targets].sort(compareTargets).map((target): TargetRow => {
    const scope = district !== null && hasDistrictSeries(data, target.id, district) ? 'district' : 'province';
    const series = seriesFor(data, target.id, scope === 'district' ? district : null);
    const latest = latestUpTo(series, asOfYear);
    const { baseline, status, expected } = statusOf(target, series, latest);
    const breakdown: DistrictCell[] =
      district === null
        ? districtsWithSeries(data, target.id).map((code) => {
            const s = seriesFor(data, target.id, code);
            const point = latestUpTo(s, asOfYear);
            return {
              code,
              name: names.get(code) ?? code,
              point,
              status: statusOf(target, s, point).status,
              result: periodResult(target, s),
            };
          })
        : [];
    const ntmCells = target.id === 'T1c' ? districtNtmCells(data, asOfYear, names) : [];
    return {
      target,
      scope,
      series,
      baseline,
      latest,
      status,
      expected,
      result: periodResult(target, series),
      breakdown,
      districtsNtm: ntmCells,
      sources: sourceLines(series),
    };
  });
  const groupNos = [...new Set(rows.map((r) => r.target.group_no))].sort((a, b) => a - b);
  return {
    requestedYear: opts.year,
    asOfYear,
    yearNote,
    district,
    districtName: district === null ? null : (names.get(district) ?? district),
    rows,
    groups: groupNos.map((no) => ({ no, rows: rows.filter((r) => r.target.group_no === no) })),
    tally: tallyResults(rows.map((r) => r.result)),
    illustrative: rows.some((r) => r.series.some((p) => p.illustrative)),
  };
}
