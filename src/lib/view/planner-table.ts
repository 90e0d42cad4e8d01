// The planners' table: its title, filter choices, sorting, paging, the missing criteria as chips, and the
// sheet a planner downloads (CSV or XLSX, one layout). The rows are the list's rows (unit-rows.ts) so the
// table, the list, the legend counts and the map dimming agree.
import { toCsv, type CsvCell } from '../domain/csv';
import type { Criterion, Framework, NtmTier, UnitKind } from '../domain/types';
import { pick, type Lang } from '../i18n/define';
import { t } from '../i18n/messages';
import { ttable } from '../i18n/table';
import type { UnitFilters } from './filters';
import type { UnitRow } from './unit-rows';

export type SortKey = 'name' | 'district' | 'status' | 'count' | 'toStandard';

export interface Choice<V> {
  value: V;
  label: string;
}

const KINDS: readonly UnitKind[] = ['xa', 'phuong', 'thi_tran'];
const TIERS: readonly NtmTier[] = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];

export interface TableChoices {
  districts: Choice<string>[];
  kinds: Choice<UnitKind>[];
  tiers: Choice<NtmTier>[];
  criteria: Choice<number>[];
  /** Label of the "below the threshold" filter; null when the framework has no threshold. */
  below: string | null;
}

export function tableChoices(
  lang: Lang,
  districts: readonly { code: string; name: string }[],
  criteria: readonly Criterion[],
  framework: Pick<Framework, 'below_threshold'>,
): TableChoices {
  return {
    districts: districts.map((d) => ({ value: d.code, label: d.name })),
    kinds: KINDS.map((k) => ({ value: k, label: t(lang, `kind.${k}`) })),
    tiers: TIERS.map((k) => ({ value: k, label: ttable(lang, `tier.${k}`) })),
    criteria: criteria.map((c) => ({ value: c.number, label: `${c.number}. ${pick(lang, c, 'name')}` })),
    below: framework.below_threshold ? ttable(lang, 'below', { n: framework.below_threshold }) : null,
  };
}

const collator = new Intl.Collator('vi');

function nullsLast(a: number | null, b: number | null, dir: number): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return dir * (a - b);
}

export function sortRows(rows: readonly UnitRow[], key: SortKey, ascending: boolean): UnitRow[] {
  const dir = ascending ? 1 : -1;
  const compare = (a: UnitRow, b: UnitRow): number => {
    switch (key) {
      case 'name':
        return dir * collator.compare(a.full_name, b.full_name);
      case 'district':
        return dir * collator.compare(a.district_name ?? '', b.district_name ?? '');
      case 'status':
        return dir * collator.compare(a.status, b.status);
      case 'count':
        return nullsLast(a.count, b.count, dir);
      case 'toStandard':
        return nullsLast(a.toStandard, b.toStandard, dir);
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || collator.compare(a.full_name, b.full_name));
}

/** The table's title: the year, and the district's name when one is chosen. */
export function tableTitle(
  lang: Lang,
  year: number,
  districts: readonly { code: string; name: string }[],
  district: string | null,
): string {
  if (district === null) return ttable(lang, 'title', { year });
  const name = districts.find((d) => d.code === district)?.name ?? district;
  return ttable(lang, 'titleDistrict', { year, district: name });
}

/**
 * Between two missing criteria, in the table's text and the sheet's readable column: neither "," (criterion
 * 3's own name has one: "Thủy lợi và phòng, chống thiên tai") nor ";" (a separator LibreOffice splits CSV
 * fields on by default).
 */
export const MISSING_SEPARATOR = ' | ';

/** The missing criteria as one readable text: "2. Giao thông | 5. Trường học". */
export function missingText(row: Pick<UnitRow, 'missing'>): string {
  return row.missing.map((m) => m.short).join(MISSING_SEPARATOR);
}

export interface MissingChip {
  number: number;
  /** The chip's short text: "TC5". */
  text: string;
  /** Its accessible name, the short text with the criterion's name: "TC5: Trường học". */
  label: string;
  /** What a tap on it reveals: "5. Trường học — Văn hóa - xã hội - môi trường". */
  name: string;
}

/** A unit on a phone: one compact card (name, criteria, the missing criteria as numbered chips). */
export interface UnitCard {
  code: string;
  name: string;
  colour: string;
  district: string | null;
  status: string;
  /** The line under the name: "Huyện Sìn Hồ · Chưa đạt chuẩn NTM". */
  meta: string;
  /** "14/19 tiêu chí"; null for a ward, a town or a xã without an assessment. */
  criteria: string | null;
  below: boolean;
  chips: MissingChip[];
  /** Accessible name of the chips' group: "Tiêu chí còn thiếu của Xã Bản Bo". */
  chipsLabel: string;
}

export function unitCard(lang: Lang, row: UnitRow): UnitCard {
  return {
    code: row.code,
    name: row.full_name,
    colour: row.colour,
    district: row.district_name,
    status: row.statusName,
    meta: [row.district_name, row.statusName].filter(Boolean).join(' · '),
    criteria:
      row.count === null ? null : ttable(lang, 'criteria', { count: row.count, total: row.total ?? '' }),
    below: row.below,
    chips: row.missing.map((m) => ({
      number: m.number,
      text: ttable(lang, 'chip', { n: m.number }),
      label: ttable(lang, 'chipLabel', { n: m.number, name: m.name }),
      name: m.full,
    })),
    chipsLabel: ttable(lang, 'chipsLabel', { unit: row.full_name }),
  };
}

/**
 * Rows are shown a page at a time: the table and the cards never hold thousands of DOM rows (the national
 * layer has 3,321 units). A page holds a province's units at once (a province has up to a few hundred communes and wards).
 */
export const PAGE_SIZE = 120;

export interface TablePage<R> {
  rows: R[];
  /** "Đang hiện 100 trong 3321 đơn vị"; null when every row is shown. */
  shownText: string | null;
  /** "Xem thêm 100 đơn vị"; null when every row is shown. */
  moreText: string | null;
}

/** The first `limit` rows, and the words for what is left. */
export function tablePage<R>(lang: Lang, rows: readonly R[], limit: number): TablePage<R> {
  const shown = Math.min(rows.length, Math.max(limit, 0));
  const rest = rows.length - shown;
  return {
    rows: rows.slice(0, shown),
    shownText: rest > 0 ? ttable(lang, 'shown', { shown, n: rows.length }) : null,
    moreText: rest > 0 ? ttable(lang, 'more', { n: Math.min(rest, PAGE_SIZE) }) : null,
  };
}

/** The active filters in words ("Huyện: Tam Đường | Dưới 15 tiêu chí"), for the sheet. */
export function filtersText(lang: Lang, filters: UnitFilters, choices: TableChoices): string {
  const label = <V>(list: Choice<V>[], v: V) => list.find((c) => c.value === v)?.label ?? String(v);
  const parts: string[] = [];
  if (filters.district !== null)
    parts.push(`${ttable(lang, 'district')}: ${label(choices.districts, filters.district)}`);
  if (filters.kind !== null) parts.push(`${ttable(lang, 'kind')}: ${label(choices.kinds, filters.kind)}`);
  if (filters.tier !== null) parts.push(`${ttable(lang, 'tier')}: ${label(choices.tiers, filters.tier)}`);
  if (filters.missing !== null)
    parts.push(`${ttable(lang, 'missing')}: ${label(choices.criteria, filters.missing)}`);
  if (filters.below && choices.below) parts.push(choices.below);
  if (filters.near) parts.push(ttable(lang, 'near'));
  return parts.length > 0 ? parts.join(MISSING_SEPARATOR) : ttable(lang, 'noFilter');
}

/**
 * The downloaded sheet, one layout for the CSV and the XLSX: the year first (files of several years can be
 * put together), the unit, its status without the count (the next columns hold it), the missing criteria
 * as readable text, then one column per criterion of the year's framework ("Đạt" / "Không đạt"; empty for
 * a ward, a town or a xã without an assessment, which have no criteria count), its source and the filters.
 */
export interface TableSheet {
  headers: string[];
  lines: CsvCell[][];
  /** 0-based column of the unit codes, which are text ("01234", never the number 1234). */
  codeColumn: number;
  /** 0-based columns of the criteria. */
  criteriaColumns: number[];
  /** 0-based columns of long texts (the unit, its district, the missing criteria, the source, the filters). */
  wideColumns: number[];
}

export function tableSheet(
  lang: Lang,
  year: number,
  rows: readonly UnitRow[],
  filters: string,
  criteria: readonly Criterion[],
): TableSheet {
  const before = [
    ttable(lang, 'col.year'),
    ttable(lang, 'col.code'),
    ttable(lang, 'col.unit'),
    ttable(lang, 'col.district'),
    ttable(lang, 'col.kind'),
    ttable(lang, 'col.status'),
    ttable(lang, 'col.count'),
    ttable(lang, 'col.total'),
    ttable(lang, 'col.missing'),
  ];
  const headers = [
    ...before,
    ...criteria.map((c) => ttable(lang, 'col.criterion', { n: c.number, name: pick(lang, c, 'name') })),
    ttable(lang, 'col.source'),
    ttable(lang, 'col.filters'),
  ];
  const met = ttable(lang, 'met');
  const notMet = ttable(lang, 'notMet');
  const lines = rows.map((r): CsvCell[] => {
    const missing = new Set(r.missing.map((m) => m.number));
    return [
      year,
      r.code,
      r.full_name,
      r.district_name ?? '',
      r.kindLabel,
      r.statusName,
      r.count ?? '',
      r.total ?? '',
      missingText(r),
      ...criteria.map((c) => (r.count === null ? '' : missing.has(c.number) ? notMet : met)),
      r.source,
      filters,
    ];
  });
  return {
    headers,
    lines,
    codeColumn: 1,
    criteriaColumns: criteria.map((_, i) => before.length + i),
    wideColumns: [2, 3, before.length - 1, headers.length - 2, headers.length - 1],
  };
}

export const tableFileName = (lang: Lang, year: number, format: 'csv' | 'xlsx') =>
  ttable(lang, format === 'csv' ? 'filename' : 'filenameXlsx', { year });

/** The CSV of the rows as shown (tableSheet's layout). */
export function tableCsv(sheet: TableSheet): string {
  return toCsv(sheet.headers, sheet.lines);
}
