/**
 * One interface for the app's data, whatever its origin: the static snapshot embedded in the site
 * (public/data/snapshot, written by `npm run snapshot`) or a live Supabase project. Both parse every
 * row with the same schemas (schemas.ts) and report bad rows as Problems (rows.ts).
 */
import type {
  AreaSummary,
  Criterion,
  CrosswalkRow,
  DistrictYear,
  Framework,
  IndicatorValue,
  Target,
  Unit,
  UnitYear,
} from '../domain/types';
import { parseTable, describeValue, type Problem } from './rows';
import { MAX_YEAR, MIN_YEAR, type StatisticValue } from './schemas';

export type { Problem } from './rows';
export type { StatisticValue } from './schemas';

export interface Meta {
  /** Date of the data, ISO yyyy-mm-dd ('' when the source does not say). */
  as_of: string;
  /** True when the dataset is sample data ("minh họa"). */
  illustrative: boolean;
  note_vi: string;
  note_en: string;
  /** Years with unit data, ascending. */
  years: number[];
  frameworks: Framework[];
  criteria: Criterion[];
  units: Unit[];
  crosswalk: CrosswalkRow[];
  targets: Target[];
}

export interface Summaries {
  province: AreaSummary[];
  district: AreaSummary[];
  districts: DistrictYear[];
  indicators: IndicatorValue[];
  /** Context series with their sources (e.g. the poor-household rate behind T3a). */
  statistics: StatisticValue[];
}

export interface Loaded<T> {
  data: T;
  /** Rows dropped or fields defaulted, with bilingual messages. Empty when everything was valid. */
  problems: Problem[];
  as_of?: string;
  illustrative?: boolean;
}

export interface DataSource {
  kind: 'snapshot' | 'supabase';
  /** Human-readable origin, e.g. 'Bản chụp dữ liệu tĩnh' or the Supabase host. */
  label: string;
  loadMeta(): Promise<Loaded<Meta>>;
  loadSummaries(): Promise<Loaded<Summaries>>;
  /** Unit rows of one year (on the year's boundary vintage). */
  loadYear(year: number): Promise<Loaded<UnitYear[]>>;
}

// DataError lives in data-error.ts (no zod: the main thread re-creates it from the worker's answers).
export { DataError, type DataErrorCode } from './data-error';

/** Problem for a field of the meta object itself. */
function metaProblem(table: string, field: string, value: unknown, vi: string, en: string): Problem {
  const got = describeValue(value);
  return {
    table,
    index: -1,
    field,
    message_vi: `${table}: trường “${field}” ${vi}, nhận ${got.vi}; đã dùng giá trị mặc định.`,
    message_en: `${table}: field “${field}” ${en}, got ${got.en}; used a default.`,
  };
}

export interface MetaParts {
  /** Where the pieces come from, for messages ('meta.json' or 'dataset'). */
  table: string;
  as_of: unknown;
  illustrative: unknown;
  note_vi: unknown;
  note_en: unknown;
  years: unknown;
  frameworks: unknown;
  criteria: unknown;
  units: unknown;
  crosswalk: unknown;
  targets: unknown;
}

/**
 * Build a Meta from raw parts, reporting (never throwing on) bad pieces. An unknown `illustrative`
 * flag is taken as true: data not known to be real is shown as sample data.
 */
export function parseMeta(parts: MetaParts): Loaded<Meta> {
  const problems: Problem[] = [];
  const t = parts.table;
  let as_of = '';
  if (typeof parts.as_of === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(parts.as_of)) as_of = parts.as_of;
  else
    problems.push(metaProblem(t, 'as_of', parts.as_of, 'cần ngày YYYY-MM-DD', 'must be a date YYYY-MM-DD'));
  let illustrative = true;
  if (typeof parts.illustrative === 'boolean') illustrative = parts.illustrative;
  else
    problems.push(
      metaProblem(
        t,
        'illustrative',
        parts.illustrative,
        'cần true/false (coi là minh họa)',
        'must be true/false (taken as illustrative)',
      ),
    );
  const note = (field: 'note_vi' | 'note_en'): string => {
    const v = parts[field];
    if (typeof v === 'string') return v.normalize('NFC').slice(0, 2000);
    if (v !== undefined && v !== null)
      problems.push(metaProblem(t, field, v, 'cần chuỗi ký tự', 'must be text'));
    return '';
  };
  const note_vi = note('note_vi');
  const note_en = note('note_en');

  const years: number[] = [];
  if (Array.isArray(parts.years)) {
    for (const y of parts.years) {
      if (Number.isInteger(y) && (y as number) >= MIN_YEAR && (y as number) <= MAX_YEAR)
        years.push(y as number);
      else
        problems.push(
          metaProblem(
            t,
            'years',
            y,
            `cần năm ${MIN_YEAR}–${MAX_YEAR}`,
            `must be a year ${MIN_YEAR}–${MAX_YEAR}`,
          ),
        );
    }
  } else problems.push(metaProblem(t, 'years', parts.years, 'cần danh sách năm', 'must be a list of years'));
  const uniqueYears = [...new Set(years)].sort((a, b) => a - b);

  const frameworks = parseTable('framework', parts.frameworks);
  const criteria = parseTable('criterion', parts.criteria);
  const units = parseTable('unit', parts.units);
  const crosswalk = parseTable('crosswalk', parts.crosswalk);
  const targets = parseTable('target', parts.targets);
  problems.push(
    ...frameworks.problems,
    ...criteria.problems,
    ...units.problems,
    ...crosswalk.problems,
    ...targets.problems,
  );
  // Crosswalk rows must link known units at both ends; a dangling link would break unit histories.
  const known = new Set(units.rows.map((u) => `${u.vintage}:${u.code}`));
  const links = crosswalk.rows.filter((r) => {
    const bad = [
      [r.from_vintage, r.from_code, 'from_code'],
      [r.to_vintage, r.to_code, 'to_code'],
    ].find(([v, c]) => !known.has(`${v}:${c}`));
    if (!bad) return true;
    const [v, c, field] = bad as [string, string, string];
    problems.push({
      table: 'crosswalk',
      index: -1,
      code: c,
      field,
      message_vi: `Bảng “crosswalk”: mã đơn vị không xác định: ${c} (bộ ranh giới ${v}), đã bỏ liên kết.`,
      message_en: `Table “crosswalk”: unknown unit code: ${c} (boundary vintage ${v}); link dropped.`,
    });
    return false;
  });

  return {
    data: {
      as_of,
      illustrative,
      note_vi,
      note_en,
      years: uniqueYears,
      frameworks: frameworks.rows,
      criteria: criteria.rows,
      units: units.rows,
      crosswalk: links,
      targets: targets.rows,
    },
    problems,
    as_of: as_of || undefined,
    illustrative,
  };
}

function unitRef(u: Unit): { vintage: string; code: string } {
  return { vintage: u.vintage, code: u.code };
}

/** Parse the summary lists. */
export function parseSummaries(raw: {
  province: unknown;
  district: unknown;
  districts: unknown;
  indicators: unknown;
  statistics: unknown;
}): Loaded<Summaries> {
  const province = parseTable('province_summary', raw.province);
  const district = parseTable('district_summary', raw.district);
  const districts = parseTable('district_year', raw.districts);
  const indicators = parseTable('indicator_value', raw.indicators);
  const statistics = parseTable('statistic_value', raw.statistics);
  const data = {
    province: province.rows,
    district: district.rows,
    districts: districts.rows,
    indicators: indicators.rows,
    statistics: statistics.rows,
  };
  return {
    data,
    problems: [
      ...province.problems,
      ...district.problems,
      ...districts.problems,
      ...indicators.problems,
      ...statistics.problems,
    ],
    illustrative: [...data.province, ...data.district, ...data.districts, ...data.indicators].some(
      (r) => r.illustrative,
    ),
  };
}

/**
 * Parse one year's unit rows against the known units (from Meta): rows of another year, or of a unit
 * that does not exist in that vintage, are reported and dropped.
 */
export function parseYearRows(
  year: number,
  raw: unknown,
  units: readonly Unit[],
  table = 'unit_year',
): Loaded<UnitYear[]> {
  const parsed = parseTable('unit_year', raw, { units: units.map(unitRef), label: table });
  const problems = parsed.problems;
  const rows = parsed.rows.filter((r) => {
    if (r.year === year) return true;
    problems.push({
      table,
      index: -1,
      code: r.code,
      field: 'year',
      message_vi: `Bảng “${table}”: dòng của năm ${r.year} nằm trong dữ liệu năm ${year}, đã bỏ qua.`,
      message_en: `Table “${table}”: a row of ${r.year} is in the data of ${year}; skipped.`,
    });
    return false;
  });
  return { data: rows, problems, illustrative: rows.some((r) => r.illustrative) };
}
