// The planners' table: its filter choices, sorting and the CSV a planner downloads. The rows are the
// list's rows (unit-rows.ts) so the table, the list, the legend counts and the map dimming agree.
import { toCsv } from '../domain/csv';
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

/** The active filters in words ("Huyện: Tam Đường; Dưới 15 tiêu chí"), for the CSV. */
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
  return parts.length > 0 ? parts.join('; ') : ttable(lang, 'noFilter');
}

/** The CSV of the rows as shown: the year and the filters on every line, readable kinds, named criteria. */
export function tableCsv(lang: Lang, year: number, rows: readonly UnitRow[], filters: string) {
  const headers = [
    ttable(lang, 'col.year'),
    ttable(lang, 'col.code'),
    ttable(lang, 'col.unit'),
    ttable(lang, 'col.district'),
    ttable(lang, 'col.kind'),
    ttable(lang, 'col.status'),
    ttable(lang, 'col.count'),
    ttable(lang, 'col.total'),
    ttable(lang, 'col.missing'),
    ttable(lang, 'col.source'),
    ttable(lang, 'col.filters'),
  ];
  const lines = rows.map((r) => [
    year,
    r.code,
    r.full_name,
    r.district_name ?? '',
    r.kindLabel,
    r.status,
    r.count ?? '',
    r.total ?? '',
    r.missing.map((m) => m.short).join('; '),
    r.source,
    filters,
  ]);
  return { filename: ttable(lang, 'filename', { year }), content: toCsv(headers, lines) };
}
