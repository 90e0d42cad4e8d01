/**
 * Runtime schemas (zod/mini, ~5 KB in the bundle) for every row the app reads, field for field as in
 * src/lib/domain/types.ts. Whatever the source (static snapshot or Supabase), a row is only used after
 * it passed its schema and its table's consistency checks; see rows.ts for the reporting.
 *
 * Text is trimmed and NFC-normalised on parse (decomposed Vietnamese renders broken in map labels) and
 * must not contain control or bidirectional-override characters (they could disguise a name). Links
 * must be http(s): a `javascript:` source URL never reaches an <a href>.
 */
import { z } from 'zod/mini';
import { frameworkForYear, vintageForYear } from '../domain/periods';
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

export const MIN_YEAR = 2016;
export const MAX_YEAR = 2030;

/** Control characters and bidi embeddings/overrides/isolates. */
const UNSAFE_CHARS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

function text(max: number) {
  return z.string().check(
    z.trim(),
    z.normalize('NFC'),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !UNSAFE_CHARS.test(s), { message: 'unsafe_chars' }),
  );
}

const name = text(200);
const label = text(500);
const year = z.int().check(z.minimum(MIN_YEAR), z.maximum(MAX_YEAR));
const count = z.int().check(z.minimum(0), z.maximum(100_000));
const unitCode = z.string().check(z.regex(/^\d{5}$/));
const districtCode = z.string().check(z.regex(/^\d{3}$/));
const isoDate = z.iso.date();
const vintage = z.enum(['2016', '2020', '2025']);
const frameworkId = z.enum(['2016-2020', '2021-2025', '2026-2030']);
const kind = z.enum(['xa', 'phuong', 'thi_tran']);
const criterionNumber = z.int().check(z.minimum(1), z.maximum(99));
const percent = z.number().check(z.minimum(0), z.maximum(100));

const httpUrl = z.string().check(
  z.trim(),
  z.maxLength(2000),
  z.refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'not_http_url' },
  ),
);

const provenance = {
  source: z.nullable(text(1000)),
  source_url: z.nullable(httpUrl),
  source_date: z.nullable(isoDate),
  illustrative: z.boolean(),
};

export const FrameworkSchema = z.object({
  id: frameworkId,
  decision: name,
  decision_date: isoDate,
  name_vi: label,
  name_en: label,
  first_year: year,
  last_year: year,
  criteria_total: z.int().check(z.minimum(1), z.maximum(99)),
  indicator_total: z.nullable(z.int().check(z.minimum(1), z.maximum(999))),
  below_threshold: z.nullable(z.int().check(z.minimum(1), z.maximum(99))),
});

export const CriterionSchema = z.object({
  framework: frameworkId,
  number: criterionNumber,
  name_vi: label,
  name_en: label,
  group_code: text(20),
  group_vi: label,
  group_en: label,
});

export const UnitSchema = z.object({
  vintage,
  code: unitCode,
  name,
  kind,
  district_code: z.nullable(districtCode),
  district_name: z.nullable(name),
});

export const CrosswalkRowSchema = z.object({
  from_vintage: vintage,
  from_code: unitCode,
  to_vintage: vintage,
  to_code: unitCode,
});

export const TargetSchema = z.object({
  id: z.string().check(z.regex(/^T\d[a-z]?$/)),
  group_no: z.int().check(z.minimum(1), z.maximum(99)),
  name_vi: label,
  name_en: label,
  unit: text(100),
  target_value: z.number(),
  strict: z.boolean(),
  direction: z.enum(['higher', 'lower', 'target']),
  level: z.enum(['province', 'district', 'commune']),
});

export const UnitYearSchema = z.object({
  year,
  vintage,
  framework: frameworkId,
  code: unitCode,
  name,
  kind,
  district_code: z.nullable(districtCode),
  district_name: z.nullable(name),
  criteria_met: z.array(criterionNumber).check(z.maxLength(99)),
  criteria_missing: z.array(criterionNumber).check(z.maxLength(99)),
  criteria_count: z.int().check(z.minimum(0), z.maximum(99)),
  criteria_total: z.int().check(z.minimum(1), z.maximum(99)),
  tier: z.nullable(z.enum(['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'])),
  urban_status: z.nullable(z.enum(['chua_dat', 'dat_chuan'])),
  decision_no: z.nullable(text(200)),
  decision_date: z.nullable(isoDate),
  ...provenance,
});

export const AreaSummarySchema = z.object({
  year,
  vintage,
  framework: frameworkId,
  district_code: z.nullable(districtCode),
  district_name: z.nullable(name),
  xa_total: count,
  xa_assessed: count,
  xa_ntm: count,
  xa_ntm_pct: z.nullable(percent),
  avg_criteria_xa: z.nullable(z.number().check(z.minimum(0), z.maximum(99))),
  xa_below_threshold: z.nullable(count),
  urban_total: count,
  urban_civilised: count,
  urban_civilised_pct: z.nullable(percent),
  districts_total: z.nullable(count),
  districts_ntm: z.nullable(count),
  illustrative: z.boolean(),
});

export const DistrictYearSchema = z.object({
  year,
  district_code: districtCode,
  district_name: name,
  ntm: z.boolean(),
  decision_no: z.nullable(text(200)),
  decision_date: z.nullable(isoDate),
  ...provenance,
});

export const IndicatorValueSchema = z.object({
  target_id: z.string().check(z.regex(/^T\d[a-z]?$/)),
  year,
  district_code: z.nullable(districtCode),
  value: z.number(),
  ...provenance,
});

/**
 * A context series value (e.g. the poor-household rate behind target T3a), view `statistic_value`.
 * Not a shared domain type: only the data layer and the target cards use it.
 */
export interface StatisticValue {
  series_id: string;
  name_vi: string;
  name_en: string;
  unit: string;
  year: number;
  district_code: string | null;
  value: number;
  note: string | null;
  source: string | null;
  source_url: string | null;
  source_date: string | null;
  illustrative: boolean;
}

export const StatisticValueSchema = z.object({
  series_id: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/), z.maxLength(100)),
  name_vi: label,
  name_en: label,
  unit: text(100),
  // Context series reach back before the campaign (e.g. poverty at the start of 2016 and earlier).
  year: z.int().check(z.minimum(2000), z.maximum(MAX_YEAR)),
  district_code: z.nullable(districtCode),
  value: z.number(),
  note: z.nullable(text(1000)),
  ...provenance,
});

/** A rule broken by a row that passed its schema (cross-field consistency). */
export interface RowIssue {
  field: string;
  message_vi: string;
  message_en: string;
}

function listCheck(row: UnitYear, field: 'criteria_met' | 'criteria_missing'): RowIssue[] {
  const out: RowIssue[] = [];
  const bad = row[field].filter((n) => n > row.criteria_total);
  if (bad.length > 0)
    out.push({
      field,
      message_vi: `tiêu chí số ${bad.join(', ')} không có trong bộ ${row.criteria_total} tiêu chí`,
      message_en: `criterion ${bad.join(', ')} is not in the set of ${row.criteria_total}`,
    });
  if (new Set(row[field]).size !== row[field].length)
    out.push({ field, message_vi: 'danh sách tiêu chí bị lặp', message_en: 'criteria listed twice' });
  return out;
}

/** Consistency of a UnitYear beyond its field types. */
export function unitYearIssues(row: UnitYear): RowIssue[] {
  const out: RowIssue[] = [];
  if (vintageForYear(row.year) !== row.vintage)
    out.push({
      field: 'vintage',
      message_vi: `năm ${row.year} không dùng bộ ranh giới ${row.vintage} (đúng là ${vintageForYear(row.year)})`,
      message_en: `year ${row.year} is not on boundary vintage ${row.vintage} (expected ${vintageForYear(row.year)})`,
    });
  if (frameworkForYear(row.year) !== row.framework)
    out.push({
      field: 'framework',
      message_vi: `năm ${row.year} không thuộc bộ tiêu chí ${row.framework} (đúng là ${frameworkForYear(row.year)})`,
      message_en: `year ${row.year} is not in framework ${row.framework} (expected ${frameworkForYear(row.year)})`,
    });
  out.push(...listCheck(row, 'criteria_met'), ...listCheck(row, 'criteria_missing'));
  const both = row.criteria_met.filter((n) => row.criteria_missing.includes(n));
  if (both.length > 0)
    out.push({
      field: 'criteria_missing',
      message_vi: `tiêu chí số ${both.join(', ')} vừa đạt vừa chưa đạt`,
      message_en: `criterion ${both.join(', ')} is both met and not met`,
    });
  if (row.criteria_count > row.criteria_total)
    out.push({
      field: 'criteria_count',
      message_vi: `số tiêu chí đạt (${row.criteria_count}) lớn hơn tổng số (${row.criteria_total})`,
      message_en: `criteria met (${row.criteria_count}) exceed the total (${row.criteria_total})`,
    });
  if (row.kind === 'xa' && row.urban_status !== null)
    out.push({
      field: 'urban_status',
      message_vi: 'xã không xét chuẩn đô thị văn minh',
      message_en: 'a xã has no civilised-urban status',
    });
  if (row.kind !== 'xa' && row.tier !== null)
    out.push({
      field: 'tier',
      message_vi: 'phường, thị trấn không xét chuẩn nông thôn mới',
      message_en: 'a ward or town has no new-rural tier',
    });
  return out;
}

function yearIssues(row: { year: number; vintage: string; framework: string }): RowIssue[] {
  const out: RowIssue[] = [];
  if (vintageForYear(row.year) !== row.vintage)
    out.push({
      field: 'vintage',
      message_vi: `năm ${row.year} không dùng bộ ranh giới ${row.vintage}`,
      message_en: `year ${row.year} is not on boundary vintage ${row.vintage}`,
    });
  if (frameworkForYear(row.year) !== row.framework)
    out.push({
      field: 'framework',
      message_vi: `năm ${row.year} không thuộc bộ tiêu chí ${row.framework}`,
      message_en: `year ${row.year} is not in framework ${row.framework}`,
    });
  return out;
}

function areaSummaryIssues(row: AreaSummary): RowIssue[] {
  const out = yearIssues(row);
  if (row.xa_assessed > row.xa_total || row.xa_ntm > row.xa_total || row.urban_civilised > row.urban_total)
    out.push({
      field: 'xa_total',
      message_vi: 'số đơn vị đạt hoặc đã đánh giá lớn hơn tổng số',
      message_en: 'counts exceed their totals',
    });
  return out;
}

function frameworkIssues(row: Framework): RowIssue[] {
  const out: RowIssue[] = [];
  if (row.first_year > row.last_year)
    out.push({
      field: 'first_year',
      message_vi: 'năm bắt đầu sau năm kết thúc',
      message_en: 'first year after last year',
    });
  if (row.below_threshold !== null && row.below_threshold > row.criteria_total)
    out.push({
      field: 'below_threshold',
      message_vi: 'ngưỡng cảnh báo lớn hơn tổng số tiêu chí',
      message_en: 'threshold above the criteria total',
    });
  return out;
}

/** Everything rows.ts needs to know about a table: schema, unique key, consistency checks. */
export interface TableSpec<T> {
  table: string;
  schema: z.ZodMiniType<T, unknown>;
  /** Unique key of a row: a second row with the same key is reported and dropped. */
  key: (row: T) => string;
  issues?: (row: T) => RowIssue[];
}

export const TABLES = {
  framework: { table: 'framework', schema: FrameworkSchema, key: (r) => r.id, issues: frameworkIssues },
  criterion: { table: 'criterion', schema: CriterionSchema, key: (r) => `${r.framework}:${r.number}` },
  unit: { table: 'unit', schema: UnitSchema, key: (r) => `${r.vintage}:${r.code}` },
  crosswalk: {
    table: 'crosswalk',
    schema: CrosswalkRowSchema,
    key: (r) => `${r.from_vintage}:${r.from_code}:${r.to_vintage}`,
  },
  target: { table: 'target', schema: TargetSchema, key: (r) => r.id },
  unit_year: {
    table: 'unit_year',
    schema: UnitYearSchema,
    key: (r) => `${r.year}:${r.vintage}:${r.code}`,
    issues: unitYearIssues,
  },
  province_summary: {
    table: 'province_summary',
    schema: AreaSummarySchema,
    key: (r) => `${r.year}`,
    issues: areaSummaryIssues,
  },
  district_summary: {
    table: 'district_summary',
    schema: AreaSummarySchema,
    key: (r) => `${r.year}:${r.district_code}`,
    issues: areaSummaryIssues,
  },
  district_year: {
    table: 'district_year',
    schema: DistrictYearSchema,
    key: (r) => `${r.year}:${r.district_code}`,
  },
  indicator_value: {
    table: 'indicator_value',
    schema: IndicatorValueSchema,
    key: (r) => `${r.target_id}:${r.year}:${r.district_code ?? ''}`,
  },
  statistic_value: {
    table: 'statistic_value',
    schema: StatisticValueSchema,
    key: (r) => `${r.series_id}:${r.year}:${r.district_code ?? ''}`,
  },
} satisfies {
  statistic_value: TableSpec<StatisticValue>;
  framework: TableSpec<Framework>;
  criterion: TableSpec<Criterion>;
  unit: TableSpec<Unit>;
  crosswalk: TableSpec<CrosswalkRow>;
  target: TableSpec<Target>;
  unit_year: TableSpec<UnitYear>;
  province_summary: TableSpec<AreaSummary>;
  district_summary: TableSpec<AreaSummary>;
  district_year: TableSpec<DistrictYear>;
  indicator_value: TableSpec<IndicatorValue>;
};

export type TableName = keyof typeof TABLES;

// Compile-time proof that every schema's output is exactly its domain type (both directions):
// changing a field in types.ts without the schema (or the reverse) fails `npm run check`.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Out<S> = S extends z.ZodMiniType<infer O, unknown> ? O : never;
type Assert<T extends true> = T;
export type SchemasMatchDomainTypes = [
  Assert<Exact<Out<typeof FrameworkSchema>, Framework>>,
  Assert<Exact<Out<typeof CriterionSchema>, Criterion>>,
  Assert<Exact<Out<typeof UnitSchema>, Unit>>,
  Assert<Exact<Out<typeof CrosswalkRowSchema>, CrosswalkRow>>,
  Assert<Exact<Out<typeof TargetSchema>, Target>>,
  Assert<Exact<Out<typeof UnitYearSchema>, UnitYear>>,
  Assert<Exact<Out<typeof AreaSummarySchema>, AreaSummary>>,
  Assert<Exact<Out<typeof DistrictYearSchema>, DistrictYear>>,
  Assert<Exact<Out<typeof IndicatorValueSchema>, IndicatorValue>>,
  Assert<Exact<Out<typeof StatisticValueSchema>, StatisticValue>>,
];
